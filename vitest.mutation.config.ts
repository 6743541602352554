import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// `npm run mutation` judges each mutant by the scenario catalogue alone: every scenario played once, as in npm test.
export default defineConfig({ ...base, test: { ...base.test, include: ['test/scenarios-catalogue-*.test.ts'] } });
