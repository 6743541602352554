import type { Notification } from '../focus/state.js';
import { syncMessages } from '../messages/sync-messages.js';
import type { BookingNumberCollision } from './collisions.js';

/** A manual sync (the two-arrows button, R15) or the nightly one (R17). */
export type SyncTrigger = 'manual' | 'nightly';

/** What a sync did, for tests, scenarios and the dashboard. */
export interface SyncReport {
  trigger: SyncTrigger;
  customersCreated: number;
  invoicesBooked: number;
  creditNotesBooked: number;
  /** Synced invoices and credit notes whose edited lines were pushed to their booking (Octopus only, R11). */
  invoicesUpdated: number;
  creditNotesUpdated: number;
  /** Documents linked to a booking found by `YourRef` (safe strategy only). */
  linkedExisting: number;
  /** How many of `linkedExisting` are credit notes, so the bell counts them as credit notes. */
  linkedCreditNotes: number;
  /** Documents whose booking was deleted in the bookkeeping tool, unlinked to be booked again (safe strategy only). */
  unlinkedDeleted: string[];
  paymentUpdates: number;
  /** Every error line, collisions included, in the words of the bell. */
  errors: string[];
  collisions: BookingNumberCollision[];
  /** The bell notification (manual syncs only); `shown` is false when the bell was full (R16). */
  notification: { kind: Notification['kind']; message: string; shown: boolean } | null;
}

/** The report of a sync that has done nothing yet. */
export function emptyReport(trigger: SyncTrigger): SyncReport {
  return {
    trigger,
    customersCreated: 0,
    invoicesBooked: 0,
    creditNotesBooked: 0,
    invoicesUpdated: 0,
    creditNotesUpdated: 0,
    linkedExisting: 0,
    linkedCreditNotes: 0,
    unlinkedDeleted: [],
    paymentUpdates: 0,
    errors: [],
    collisions: [],
    notification: null,
  };
}

/** The one bell notification a manual sync ends with (R15): its errors, "no changes", or what it synced; none at night. */
export function bellOf(report: SyncReport): { kind: Notification['kind']; message: string } | null {
  if (report.trigger !== 'manual') return null;
  const invoices = report.invoicesBooked + report.invoicesUpdated + report.linkedExisting - report.linkedCreditNotes;
  const creditNotes = report.creditNotesBooked + report.creditNotesUpdated + report.linkedCreditNotes;
  if (report.errors.length > 0) return { kind: 'sync_error', message: report.errors.join('\n') };
  if (report.customersCreated + invoices + creditNotes === 0) return { kind: 'sync_no_changes', message: syncMessages.noChanges() };
  return { kind: 'sync_success', message: syncMessages.synced(report.customersCreated, invoices, creditNotes) };
}
