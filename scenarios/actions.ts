import { bookedDocuments, type BackOfficeResult, type DocumentKind, type FocusDocument, type FocusResult, type JournalInfo, type LineInput, type SyncReport } from '../core/index.js';
import { DEMO_DIVISIONS } from '../mock-accounting/index.js';
import { step, StepFailure, type ScenarioContext, type Step } from './scenario.js';

// The moves scenarios are made of, so that a new scenario reads like its article.

/** The demo administration the scenarios work in. */
export const DIVISION = DEMO_DIVISIONS.main;

/** The value of a successful result; a refusal fails the step with the product's own message. */
export function expectOk<T>(result: FocusResult<T> | BackOfficeResult<T>, doing: string): T {
  if (result.ok) return result.value;
  const message = 'problem' in result ? result.problem.message : result.message;
  throw new StepFailure(`${doing} was refused: ${message}`);
}

/** The refusal of a result that should have been refused; fails the step when it went through. */
export function expectRefused<T>(result: FocusResult<T>, doing: string): string {
  if (!result.ok) return result.problem.message;
  throw new StepFailure(`${doing} should have been refused, but it went through.`);
}

/** Connects the demo administration as the admin (journals 70 and 71), under the scenario's strategy. */
export async function connectDemo(
  ctx: ScenarioContext,
  { startDate = '2026-01-01', importContacts = false, nightlySync = false, vatMap }: { startDate?: string; importContacts?: boolean; nightlySync?: boolean; vatMap?: Record<string, string> } = {},
) {
  return expectOk(
    await ctx.world.connect('admin', {
      division: DIVISION,
      startDate,
      invoiceJournal: '70',
      creditNoteJournal: '71',
      importContacts,
      nightlySync,
      strategy: ctx.strategy,
      ...(vatMap ? { vatMap } : {}),
    }),
    'Connecting Exact Online',
  );
}

/** The first connection of the Octopus stories: from 1 January, journals V1 and V2, customers imported once. */
export function connectOctopus(): Step {
  return step(
    'setup',
    'Connect Octopus from 1 January and import the customers',
    "The company connects Octopus with start date 2026-01-01, journal V1 for invoices and V2 for credit notes (both of type 'Sales bookings'), and imports its customers once.",
    async (ctx) => {
      const connecting = { tool: 'octopus', division: DIVISION, startDate: '2026-01-01', invoiceJournal: 'V1', creditNoteJournal: 'V2', importContacts: true, strategy: ctx.strategy } as const;
      expectOk(await ctx.world.connect('admin', connecting), 'Connecting Octopus');
    },
  );
}

/** A line of `cents` excluding VAT at 21 % on revenue account 700000 (overridable). */
export function line(cents: number, overrides: Partial<LineInput> = {}): LineInput {
  return { description: 'Services', quantity: 1, unitPriceCents: cents, vatRateBp: 2100, ledgerAccount: '700000', ...overrides };
}

/** The Focus company of a demo customer (`Brouwerij De Kroon`, …), as imported at the first connection. */
export function company(ctx: ScenarioContext, name: string) {
  const found = Object.values(ctx.world.focus.state.companies).find((c) => c.name === name);
  if (!found) throw new StepFailure(`Focus has no company named ${name}.`);
  return found;
}

/** Creates a draft (not booked) invoice or credit note and names it `ref`. */
export function draft(ctx: ScenarioContext, ref: string, { date, customer = 'Brouwerij De Kroon', lines = [line(100_000)], kind = 'invoice' }: { date: string; customer?: string; lines?: LineInput[]; kind?: DocumentKind }) {
  const created = expectOk(ctx.world.focus.createDraft({ kind, companyId: company(ctx, customer).id, date, lines }), `Creating ${ref}`);
  ctx.refs[ref] = created.id;
  return created;
}

/** Creates and books an invoice or credit note (it gets the next number of its series) and names it `ref`. */
export function book(ctx: ScenarioContext, ref: string, options: Parameters<typeof draft>[2]): FocusDocument {
  const created = draft(ctx, ref, options);
  return expectOk(ctx.world.focus.book(created.id), `Booking ${ref}`);
}

/** The document named `ref`. */
export function doc(ctx: ScenarioContext, ref: string): FocusDocument {
  const id = ctx.refs[ref];
  const found = id === undefined ? undefined : ctx.world.focus.state.documents[id];
  if (!found) throw new StepFailure(`There is no document named ${ref}.`);
  return found;
}

/** Runs a manual sync (the two-arrows button). */
export function syncNow(ctx: ScenarioContext): Promise<SyncReport> {
  return ctx.world.sync('manual');
}

/** The newest sync error the bell shows unread: what a person can read and act on (R15, R16). */
export function errorInBell(ctx: ScenarioContext): string | undefined {
  return ctx.world.focus.unreadNotifications().findLast((n) => n.kind === 'sync_error')?.message;
}

/** Deletes a booking in Exact by hand, by its number. */
export async function deleteInExact(ctx: ScenarioContext, journal: string, entryNumber: number) {
  return expectOk(await ctx.world.backOffice.deleteBooking(DIVISION, journal, entryNumber), `Deleting booking ${entryNumber} in journal ${journal}`);
}

/** A journal of the demo administration as Exact shows it (Master data › Journals): its first and next booking number. */
export async function exactJournal(ctx: ScenarioContext, code: string): Promise<JournalInfo> {
  const found = expectOk(await ctx.world.backOffice.journals(DIVISION), 'Reading the journals').find((j) => j.code === code);
  if (!found) throw new StepFailure(`Exact has no journal ${code}.`);
  return found;
}

/** The bookings of a journal in Exact, by number. */
export async function bookings(ctx: ScenarioContext, journal: string) {
  return expectOk(await ctx.world.backOffice.bookings(DIVISION, journal), `Reading journal ${journal}`);
}

/** Every booked document from `date` on (the ones a delink date resets), credit notes then invoices, by number. */
export function documentsFrom(ctx: ScenarioContext, date: string, kind?: DocumentKind): FocusDocument[] {
  return bookedDocuments(ctx.world.focus.state).filter((d) => d.date >= date && (!kind || d.kind === kind));
}

/** "2026/3, 2026/4" or "none". */
export function listNumbers(documents: FocusDocument[]): string {
  return documents.length ? documents.map((d) => `${d.number} (booking ${d.bookingNumber ?? 'none'})`).join(', ') : 'none';
}
