import type { Scenario } from '../scenario.js';
import { MISTAKES } from './mistakes.js';
import { ONE_WAY_EXPORT } from './one-way-export.js';
import { REPAIRS } from './repairs.js';
import { SYNC_NOTICES } from './sync-notices.js';
import { TOOL_DIFFERENCES } from './tool-differences.js';

/** The order the catalogue is listed in (the order); ids are part of the interface. */
const ORDER = [
  'accidental-booking-last-invoice',
  'accidental-booking-not-last',
  'invoice-shown-twice',
  'same-booking-number',
  'same-booking-number-credit-note',
  'accidental-booking-credit-note',
  'accidental-booking-later-credit-notes',
  'accidental-booking-not-last-credit',
  'reconnect-start-date-first-synced',
  'invoice-shown-twice-credit-note',
  'invoice-shown-twice-later-documents',
  'same-booking-number-later-credit-notes',
  'same-booking-number-earlier-date',
  'same-booking-number-earlier-date-complete',
  'draft-not-synced',
  'bell-full-hides-error',
  'nightly-sync-is-silent',
  'edit-after-sync-not-pushed',
  'edit-after-sync-same-total',
  'edit-after-sync-vat-rate',
  'exact-invalid-vat-number',
  'exact-account-not-found',
  'exact-daily-limit-manual-sync',
  'lost-answer-double-booking',
  'mistake-import-contacts-on-reconnect',
  'mistake-later-start-date',
  'mistake-delink-contacts',
  'mistake-skip-exact-deletion',
  'mistake-swapped-journals',
  'mistake-delete-only-in-focus',
  'mistake-next-number-in-use',
  'octopus-edit-pushed-resets-cost-centres',
  'octopus-credit-note-edit-pushed',
  'octopus-closed-period',
  'octopus-journal-wrong-type',
  'yuki-quota-exhausted',
  'yuki-quota-manual-sync',
  'export-fee-charged-once',
  'export-preview-blocks-errors',
  'export-import-duplicates-undo',
  'export-generated-ids-start-value',
  'same-booking-number-new-year',
  'octopus-edit-closed-period',
  'same-booking-number-two-deleted',
  'invoice-shown-twice-typed-without-reference',
  'same-booking-number-three-invoices',
  'accidental-booking-two-invoices',
  'reconnect-start-date-credit-note-first',
  'same-booking-number-backdated',
  'accidental-booking-unsynced-credit-note',
  'invoice-shown-twice-own-description',
  'octopus-edits-past-closed-period',
  'same-booking-number-credit-note-earlier-date',
  'accidental-booking-draft-booked-later',
  'mistake-later-start-date-part-payment',
  'edit-after-sync-lines-corrected',
];

const rank = (id: string) => (ORDER.includes(id) ? ORDER.indexOf(id) : ORDER.length);

/** Every scenario of the catalogue, in a fixed order. */
export const CATALOGUE: readonly Scenario[] = [...REPAIRS, ...SYNC_NOTICES, ...MISTAKES, ...TOOL_DIFFERENCES, ...ONE_WAY_EXPORT].sort(
  (a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id),
);
