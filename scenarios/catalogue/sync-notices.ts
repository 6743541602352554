import type { Scenario } from '../scenario.js';
import bellFullHidesError from './bell-full-hides-error.js';
import draftNotSynced from './draft-not-synced.js';
import editAfterSyncLinesCorrected from './edit-after-sync-lines-corrected.js';
import editAfterSyncNotPushed from './edit-after-sync-not-pushed.js';
import editAfterSyncSameTotal from './edit-after-sync-same-total.js';
import editAfterSyncVatRate from './edit-after-sync-vat-rate.js';
import exactAccountNotFound from './exact-account-not-found.js';
import exactDailyLimitManualSync from './exact-daily-limit-manual-sync.js';
import exactInvalidVatNumber from './exact-invalid-vat-number.js';
import nightlySyncIsSilent from './nightly-sync-is-silent.js';

/** The scenarios of article 003: why invoices are not (or not visibly) synced. */
export const SYNC_NOTICES: readonly Scenario[] = [
  draftNotSynced,
  bellFullHidesError,
  nightlySyncIsSilent,
  editAfterSyncNotPushed,
  editAfterSyncSameTotal,
  editAfterSyncVatRate,
  exactInvalidVatNumber,
  exactAccountNotFound,
  exactDailyLimitManualSync,
  editAfterSyncLinesCorrected,
];
