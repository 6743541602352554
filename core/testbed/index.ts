// The testbed: core's one door into the mock accounting server at run time. It starts the server a world embeds and
// hands core what it needs to build or check the mock's state; elsewhere core imports the mock's types only.

export { startEmbeddedAccounting } from './embedded-accounting.js';
export { MockStateSchema, RateLimitChangesSchema, changeCountOf, emptySeed, DEMO_SEED_DESCRIPTION } from '../../mock-accounting/index.js';

export type { EmbeddedAccounting, EmbeddedAccountingOptions } from './embedded-accounting.js';
