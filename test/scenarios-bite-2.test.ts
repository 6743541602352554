import { testBitePart } from './support/bite.js';

// Generated from the catalogue: every repair step left out in turn must make its scenario fail, unless the step is
// declared narration only (then the scenario must still pass). Spread over BITE_PARTS files so vitest runs them side by side.
testBitePart(2);
