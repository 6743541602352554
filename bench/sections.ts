import { doctorSection } from './doctor/section.js';
import { exploreSection } from './explore/section.js';
import { exportSection } from './export/section.js';
import { mockServerSection } from './mock-server/section.js';
import { scenariosSection } from './scenarios/section.js';
import { soakSection } from './soak/section.js';
import { startupSection } from './startup/section.js';
import { syncSection } from './sync/section.js';
import { tuiSection } from './tui/section.js';
import type { Section } from './section.js';

/** Every bench section, in the order `npm run bench` runs them. Add new sections here. */
export const SECTIONS: readonly Section[] = [
  startupSection,
  mockServerSection,
  syncSection,
  scenariosSection,
  tuiSection,
  exportSection,
  doctorSection,
  exploreSection,
  soakSection,
];
