import type { Scenario } from '../scenario.js';

/** Mistakes a trainer shows: each ends with the damage it does, named by the checker. */
export const MISTAKES: readonly Scenario[] = [];
