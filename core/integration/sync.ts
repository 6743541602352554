// Over 250 lines: the sync and its posting loop share the report, the stop rule and the document order, and read best together.
import type { ExactError } from '../exact-client/index.js';
import { invoicesFirstInNumberOrder } from '../focus/numbering.js';
import { kindTitle, problems } from '../focus/problems.js';
import type { DocumentKind, FocusDocument, FocusState, Notification } from '../focus/state.js';
import { findCollisions, type BookingNumberCollision } from './collisions.js';
import type { IntegrationContext } from './context.js';
import { answerLost, ensureCustomer } from './customers.js';
import { syncMessages } from './messages.js';
import { checkJournalTypes, editsToPush, pushLines } from './octopus.js';
import { fetchPaymentStatus } from './payment-status.js';
import { readExistingBookings, type ExistingBookings } from './safe-strategy.js';
import { PostWindow } from './post-window.js';
import { loadReferences, prepareLines, type AccountingReferences } from './sales-entry-body.js';
import { checkVatNumber } from './vat-number.js';
import { quotaExhausted } from './yuki.js';

/** A manual sync (the two-arrows button, R15) or the nightly one (R17). */
export type SyncTrigger = 'manual' | 'nightly';

/** How to run a sync. */
export interface SyncOptions {
  trigger?: SyncTrigger;
  /**
   * How many sales entries may be on their way at once (1, the default, posts one after the other as the real
   * integration does; more needs a client that can overlap, else it is 1). Only for a server that answers every post
   * on its own merits (no fault, rate limit or error budget armed): see docs/sync-overlap.md.
   */
  overlap?: number;
}

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

/**
 * Syncs Focus to the accounting package the way the real integration does (R5, R6, R9–R11, R14–R17):
 * posts every booked, unlinked document dated on or after the start date, creating missing customers;
 * stores the returned entry number as booking number; never looks for an existing booking first (unless
 * the integration's strategy is `safe`); leaves synced documents alone, except with Octopus, which takes
 * their edits and needs 'Sales bookings' journals; stops when Yuki's daily call quota or Exact's daily rate limit is used up; then
 * fetches payment status and reports booking numbers that two documents share. A manual sync ends with
 * one bell notification.
 */
export async function sync(ctx: IntegrationContext, { trigger = 'manual', overlap = 1 }: SyncOptions = {}): Promise<SyncReport> {
  const report: SyncReport = {
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
  const integration = ctx.focus.state.integration;
  if (!integration?.active) {
    report.errors.push(problems.integrationInactive().message);
    return finish(ctx, report);
  }
  const { settings } = integration;
  const references = await loadReferences(ctx, settings.division);
  if (!references.ok) {
    const { cause, message } = references.problem;
    report.errors.push(dayIsOver(cause) ? syncMessages.quotaExhausted(cause.message, toSend(ctx).length) : message);
    return finish(ctx, report);
  }
  let blocked = new Set<DocumentKind>();
  if (settings.tool === 'octopus') {
    const types = await checkJournalTypes(ctx);
    if (!types.ok) {
      report.errors.push(`The journals could not be loaded: ${types.problem.message}`);
      return finish(ctx, report);
    }
    blocked = types.value.blocked;
    report.errors.push(...types.value.errors);
  }
  let existing: ExistingBookings | undefined;
  if (settings.strategy === 'safe') {
    const read = await readExistingBookings(ctx);
    if (!read.ok) {
      report.errors.push(`The existing bookings could not be read: ${read.problem.message}`);
      return finish(ctx, report);
    }
    existing = read.value;
    report.unlinkedDeleted = existing.unlinked;
  }
  const stopped = await postDocuments(ctx, references.value, existing, blocked, report, overlap);
  if (!stopped) {
    const payments = await fetchPaymentStatus(ctx, settings.division, settings.startDate);
    if (payments.ok) report.paymentUpdates = payments.value;
    else report.errors.push(`Payment status could not be fetched: ${payments.problem.message}`);
  }
  report.collisions = findCollisions(ctx.focus.state);
  report.errors.push(...report.collisions.map((c) => syncMessages.sameBookingNumber(c.kind, c.numbers)));
  return finish(ctx, report);
}

/** The booked, unlinked documents a sync sends (R1, R5), invoices first, each series in number order. */
export function documentsToSync(ctx: IntegrationContext): FocusDocument[] {
  return documentsToSyncIn(ctx.focus.state);
}

/** {@link documentsToSync} of a Focus state read elsewhere (a case, a view): what the next sync would send. */
export function documentsToSyncIn(state: FocusState): FocusDocument[] {
  const startDate = state.integration?.settings.startDate ?? '9999-12-31';
  return Object.values(state.documents)
    .filter((d) => d.status === 'booked' && d.link === null && d.date >= startDate)
    .sort(invoicesFirstInNumberOrder);
}

/** What a sync sends: the documents to post, then the synced ones whose edits are pushed (Octopus only, R11). */
function toSend(ctx: IntegrationContext): FocusDocument[] {
  return [...documentsToSync(ctx), ...editsToPush(ctx)];
}

/**
 * Posts (and with Octopus pushes) the documents; true when a daily limit stopped it, so nothing more is asked today.
 * With `overlap` above 1 up to that many sales entries are on their way at once, sent in document order over the
 * client's ordered fetch; every outcome is still handled in document order (see {@link PostWindow}), the window waits
 * for every answer before any other call (a customer to create, lines to push, a token refresh), and the first
 * answer that is not a success sends the rest one after the other.
 */
async function postDocuments(
  ctx: IntegrationContext,
  references: AccountingReferences,
  existing: ExistingBookings | undefined,
  blocked: Set<DocumentKind>,
  report: SyncReport,
  overlap: number,
): Promise<boolean> {
  const { settings } = ctx.focus.state.integration!;
  const unspecified: string[] = [];
  const badVatCompanies = new Set<string>();
  const documents = toSend(ctx).filter((d) => !blocked.has(d.kind));
  const window = new PostWindow(ctx.exact.canOverlap ? Math.max(1, overlap) : 1);
  const now = (effect: () => void) => window.add(Promise.resolve(), () => (effect(), 'next'));
  let stopped = false;
  const refused = (error: ExactError, index: number) => {
    stopped = dayIsOver(error);
    if (stopped) report.errors.push(syncMessages.quotaExhausted(error.message, documents.length - index));
    return stopped;
  };
  for (const [index, document] of documents.entries()) {
    const company = ctx.focus.state.companies[document.companyId];
    if (!company) continue;
    if (company.vatNumber) {
      const vat = checkVatNumber(company.vatNumber);
      if (!vat.ok) {
        if (
          !badVatCompanies.has(company.id) &&
          (await now(() => report.errors.push(syncMessages.invalidVatNumber(company.name, company.vatNumber!, vat.problem.example))))
        )
          break;
        badVatCompanies.add(company.id);
        continue;
      }
    }
    const lines = prepareLines(document, references, settings.ledgerMap, settings.vatMap);
    if (!lines.ok) {
      const reason = lines.problem;
      const noted = await now(() => {
        if (reason.code === 'unspecified_ledger') unspecified.push(document.id);
        else if (reason.code === 'unknown_account') pushOnce(report.errors, syncMessages.accountNotFound(reason.account));
        else pushOnce(report.errors, syncMessages.vatRateNotMapped(reason.rateBp));
      });
      if (noted) break;
      continue;
    }
    if (document.link) {
      if (await window.drain()) break;
      const pushed = await pushLines(ctx, document, lines.value);
      if (!pushed.ok) {
        if (refused(pushed.problem, index)) break;
        report.errors.push(syncMessages.documentRefused(document.kind, document.number!, pushed.problem.message));
        continue;
      }
      document.editedAfterSync = false;
      if (document.kind === 'invoice') report.invoicesUpdated += 1;
      else report.creditNotesUpdated += 1;
      continue;
    }
    const journal = document.kind === 'invoice' ? settings.invoiceJournal : settings.creditNoteJournal;
    const found = existing?.find(document, journal);
    if (found) {
      const linked = await now(() => {
        document.bookingNumber = found.EntryNumber;
        document.link = { division: settings.division, journal, entryId: found.EntryID };
        report.linkedExisting += 1;
        if (document.kind === 'credit_note') report.linkedCreditNotes += 1;
      });
      if (linked) break;
      continue;
    }
    if ((!company.accountingId || ctx.exact.refreshDue) && (await window.drain())) break;
    const customer = await ensureCustomer(ctx, settings.division, company);
    if (!customer.ok) {
      if (refused(customer.problem, index)) break;
      report.errors.push(syncMessages.customerRefused(company.name, customer.problem.message));
      continue;
    }
    if (customer.value.created) report.customersCreated += 1;
    const entry = ctx.exact.create<{ EntryID: string; EntryNumber: number }>(
      settings.division,
      'salesentry/SalesEntries',
      {
        Journal: journal,
        Customer: customer.value.accountId,
        EntryDate: document.date,
        DueDate: document.dueDate,
        YourRef: document.number,
        Description: `${kindTitle(document.kind)} ${document.number} ${company.name}`,
        SalesEntryLines: lines.value,
      },
      { overlap: window.overlap > 1 },
    );
    const answered = await window.add(entry, (entry) => {
      if (!entry.ok) {
        if (refused(entry.problem, index)) return 'stop';
        report.errors.push(
          answerLost(entry.problem)
            ? syncMessages.connectionLost(document.kind, document.number!)
            : syncMessages.documentRefused(document.kind, document.number!, entry.problem.message),
        );
        return 'one-by-one';
      }
      document.bookingNumber = entry.value.EntryNumber;
      document.link = { division: settings.division, journal, entryId: entry.value.EntryID };
      if (document.kind === 'invoice') report.invoicesBooked += 1;
      else report.creditNotesBooked += 1;
      return 'next';
    });
    if (answered) break;
  }
  await window.drain();
  if (unspecified.length > 0) report.errors.push(syncMessages.unspecifiedLedgerAccounts(unspecified.length));
  return stopped;
}

/** Yuki's quota fault or Exact's spent daily rate limit: every further call fails until midnight, so the run stops. */
function dayIsOver(error: ExactError): boolean {
  return quotaExhausted(error) || error.code === 'daily_limit';
}

function finish(ctx: IntegrationContext, report: SyncReport): SyncReport {
  if (report.trigger !== 'manual') return report;
  const invoices = report.invoicesBooked + report.invoicesUpdated + report.linkedExisting - report.linkedCreditNotes;
  const creditNotes = report.creditNotesBooked + report.creditNotesUpdated + report.linkedCreditNotes;
  const [kind, message]: [Notification['kind'], string] =
    report.errors.length > 0
      ? ['sync_error', report.errors.join('\n')]
      : report.customersCreated + invoices + creditNotes === 0
        ? ['sync_no_changes', syncMessages.noChanges()]
        : ['sync_success', syncMessages.synced(report.customersCreated, invoices, creditNotes)];
  report.notification = { kind, message, shown: ctx.focus.notify(kind, message) };
  return report;
}

function pushOnce(list: string[], message: string): void {
  if (!list.includes(message)) list.push(message);
}
