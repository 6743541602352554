import type { ExactError } from '../exact-client/index.js';
import { problems } from '../focus/problems.js';
import type { DocumentKind, FocusDocument } from '../focus/state.js';
import { kindTitle } from '../messages/document-kinds.js';
import { syncMessages } from '../messages/sync-messages.js';
import { findCollisions } from './collisions.js';
import type { IntegrationContext } from './context.js';
import { answerLost, ensureCustomer } from './customers.js';
import { checkJournalTypes, pushLines } from './octopus.js';
import { fetchPaymentStatus } from './payment-status.js';
import { PostWindow } from './post-window.js';
import { readExistingBookings, type ExistingBookings } from './safe-strategy.js';
import { loadReferences } from './sales-entry-body.js';
import { documentsToSyncIn, planSync, toSend, type SyncPlan, type SyncStep } from './sync-plan.js';
import { bellOf, emptyReport, type SyncReport, type SyncTrigger } from './sync-report.js';
import { quotaExhausted } from './yuki.js';

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

/**
 * Syncs Focus to the accounting package the way the real integration does (R5, R6, R9–R11, R14–R17):
 * posts every booked, unlinked document dated on or after the start date, creating missing customers;
 * stores the returned entry number as booking number; never looks for an existing booking first (unless
 * the integration's strategy is `safe`); leaves synced documents alone, except with Octopus, which takes
 * their edits and needs 'Sales bookings' journals; stops when Yuki's daily call quota or Exact's daily rate limit is used up; then
 * fetches payment status and reports booking numbers that two documents share. A manual sync ends with
 * one bell notification. What to send is planned first ({@link planSync}); Focus records each outcome itself.
 */
export async function sync(ctx: IntegrationContext, { trigger = 'manual', overlap = 1 }: SyncOptions = {}): Promise<SyncReport> {
  const report = emptyReport(trigger);
  const integration = ctx.focus.state.integration;
  if (!integration?.active) {
    report.errors.push(problems.integrationInactive().message);
    return finish(ctx, report);
  }
  const { settings } = integration;
  const references = await loadReferences(ctx, settings.division);
  if (!references.ok) {
    const { cause, message } = references.problem;
    report.errors.push(dayIsOver(cause) ? syncMessages.quotaExhausted(cause.message, toSend(ctx.focus.state).length) : message);
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
  const plan = planSync(ctx.focus.state, references.value, existing, blocked);
  const stopped = await carryOut(ctx, plan, report, overlap);
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

/**
 * Carries out a plan's steps; true when a daily limit stopped it, so nothing more is asked today.
 * With `overlap` above 1 up to that many sales entries are on their way at once, sent in document order over the
 * client's ordered fetch; every outcome is still handled in document order (see {@link PostWindow}), the window waits
 * for every answer before any other call (a customer to create, lines to push, a token refresh), and the first
 * answer that is not a success sends the rest one after the other.
 */
async function carryOut(ctx: IntegrationContext, plan: SyncPlan, report: SyncReport, overlap: number): Promise<boolean> {
  const unspecified: string[] = [];
  const window = new PostWindow(ctx.exact.canOverlap ? Math.max(1, overlap) : 1);
  const settledNow = (effect: () => void) => window.add(Promise.resolve(), () => (effect(), 'next'));
  let stopped = false;
  const refused = (error: ExactError, index: number) => {
    stopped = dayIsOver(error);
    if (stopped) report.errors.push(syncMessages.quotaExhausted(error.message, plan.sending - index));
    return stopped;
  };
  for (const step of plan.steps) {
    if (step.action === 'refuse-vat-number') {
      if (await settledNow(() => report.errors.push(step.message))) break;
    } else if (step.action === 'refuse-lines') {
      const { problem } = step;
      const noted = await settledNow(() => {
        if (problem.code === 'unspecified_ledger') unspecified.push(step.document.id);
        else if (problem.code === 'unknown_account') pushOnce(report.errors, syncMessages.accountNotFound(problem.account));
        else pushOnce(report.errors, syncMessages.vatRateNotMapped(problem.rateBp));
      });
      if (noted) break;
    } else if (step.action === 'push-edit') {
      if (await window.drain()) break;
      if (await pushEdit(ctx, step, report, refused)) break;
    } else if (step.action === 'link-existing') {
      const linked = await settledNow(() => {
        ctx.focus.integration.recordBooking(step.document.id, step.bookingNumber, step.link);
        report.linkedExisting += 1;
        if (step.document.kind === 'credit_note') report.linkedCreditNotes += 1;
      });
      if (linked) break;
    } else if (await post(ctx, step, window, report, refused)) break;
  }
  await window.drain();
  if (unspecified.length > 0) report.errors.push(syncMessages.unspecifiedLedgerAccounts(unspecified.length));
  return stopped;
}

/** Tells whether a refusal stops the run (and says so in the report). */
type Refused = (error: ExactError, index: number) => boolean;

/** Pushes an Octopus edit (R11); true when the run must stop. */
async function pushEdit(
  ctx: IntegrationContext,
  step: Extract<SyncStep, { action: 'push-edit' }>,
  report: SyncReport,
  refused: Refused,
): Promise<boolean> {
  const { document } = step;
  const pushed = await pushLines(ctx, document, step.lines);
  if (!pushed.ok) {
    if (refused(pushed.problem, step.index)) return true;
    report.errors.push(syncMessages.documentRefused(document.kind, document.number!, pushed.problem.message));
    return false;
  }
  ctx.focus.integration.recordEditPushed(document.id);
  if (document.kind === 'invoice') report.invoicesUpdated += 1;
  else report.creditNotesUpdated += 1;
  return false;
}

/** Creates the customer when needed and posts the sales entry through the window; true when the run must stop. */
async function post(
  ctx: IntegrationContext,
  step: Extract<SyncStep, { action: 'post' }>,
  window: PostWindow,
  report: SyncReport,
  refused: Refused,
): Promise<boolean> {
  const { document, company, journal, index } = step;
  const { division } = ctx.focus.state.integration!.settings;
  if ((!company.accountingId || ctx.exact.refreshDue) && (await window.drain())) return true;
  const customer = await ensureCustomer(ctx, division, company);
  if (!customer.ok) {
    if (refused(customer.problem, index)) return true;
    report.errors.push(syncMessages.customerRefused(company.name, customer.problem.message));
    return false;
  }
  if (customer.value.created) report.customersCreated += 1;
  const entry = ctx.exact.create<{ EntryID: string; EntryNumber: number }>(
    division,
    'salesentry/SalesEntries',
    {
      Journal: journal,
      Customer: customer.value.accountId,
      EntryDate: document.date,
      DueDate: document.dueDate,
      YourRef: document.number,
      Description: `${kindTitle(document.kind)} ${document.number} ${company.name}`,
      SalesEntryLines: step.lines,
    },
    { overlap: window.overlap > 1 },
  );
  return window.add(entry, (entry) => {
    if (!entry.ok) {
      if (refused(entry.problem, index)) return 'stop';
      report.errors.push(
        answerLost(entry.problem)
          ? syncMessages.connectionLost(document.kind, document.number!)
          : syncMessages.documentRefused(document.kind, document.number!, entry.problem.message),
      );
      return 'one-by-one';
    }
    ctx.focus.integration.recordBooking(document.id, entry.value.EntryNumber, { division, journal, entryId: entry.value.EntryID });
    if (document.kind === 'invoice') report.invoicesBooked += 1;
    else report.creditNotesBooked += 1;
    return 'next';
  });
}

/** Yuki's quota fault or Exact's spent daily rate limit: every further call fails until midnight, so the run stops. */
function dayIsOver(error: ExactError): boolean {
  return quotaExhausted(error) || error.code === 'daily_limit';
}

/** Ends a manual sync with its bell notification (R15, R16). */
function finish(ctx: IntegrationContext, report: SyncReport): SyncReport {
  const bell = bellOf(report);
  if (bell) report.notification = { ...bell, shown: ctx.focus.notify(bell.kind, bell.message) };
  return report;
}

function pushOnce(list: string[], message: string): void {
  if (!list.includes(message)) list.push(message);
}
