import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// `npm run mutation` judges each mutant by the scenario catalogue alone: every scenario played once, as in npm test.
// A scenario plays in well under a second, so a mutant that makes one hang fails it after 5 s instead of 20.
export default defineConfig({ ...base, test: { ...base.test, include: ['test/scenarios-catalogue-*.test.ts'], testTimeout: 5_000 } });
