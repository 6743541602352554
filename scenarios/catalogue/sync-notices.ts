import type { Scenario } from '../scenario.js';

/** The scenarios of article 003: why invoices are not (or not visibly) synced. */
export const SYNC_NOTICES: readonly Scenario[] = [];
