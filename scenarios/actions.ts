import type {
  BackOfficeResult,
  ConnectInput,
  DocumentKind,
  FocusDocument,
  FocusProblem,
  FocusResult,
  LineInput,
  SyncReport,
} from '../core/index.js';
import { DEMO_DIVISIONS } from '../core/index.js';
import { note } from './notes.js';
import { step, StepFailure, type ScenarioContext, type Step } from './scenario.js';

// The moves scenarios are made of, so that a new scenario reads like its article: what a person does in Focus.
// What a person does by hand in Exact is in exact-moves.ts, what the person reads in screens.ts.

/** The demo administration the scenarios work in. */
export const DIVISION = DEMO_DIVISIONS.main;

/** What the bell said after the last manual sync (R15). */
export const LAST_BELL = note<string>("the bell's last message");

/** The value of a successful result; a refusal fails the step with the product's own message, a server error (5xx) throws as a product failure. */
export function expectOk<T>(result: FocusResult<T> | BackOfficeResult<T>, doing: string): T {
  if (result.ok) return result.value;
  const { problem } = result;
  // A server error is no refusal of the story: it fails the step as a failure of the product (the explorer's class).
  if ('status' in problem && problem.status >= 500)
    throw new Error(`${doing} failed in the accounting server (HTTP ${problem.status}): ${problem.message}`);
  throw new StepFailure(`${doing} was refused: ${problem.message}`);
}

/**
 * The refusal of a result that the story says Focus refuses, for the reason `code`, in a message that says
 * every one of `words` (the article's reason, the document's number). Fails the step when it went through or
 * was refused for another reason.
 */
export function expectRefused<T>(
  result: FocusResult<T>,
  doing: string,
  code: FocusProblem['code'],
  words: readonly string[],
): FocusProblem {
  if (result.ok) throw new StepFailure(`${doing} should have been refused (${code}), but it went through.`);
  const { problem } = result;
  if (problem.code !== code)
    throw new StepFailure(`${doing} should have been refused with ${code}, but was refused with ${problem.code}: ${problem.message}`);
  const missing = words.filter((w) => !problem.message.includes(w));
  if (missing.length)
    throw new StepFailure(`${doing} was refused (${code}), but the message does not say "${missing.join('", "')}": ${problem.message}`);
  return problem;
}

/** Fails the step unless `actual` is exactly `expected` (a text the story states literally). */
export function expectSame<T>(actual: T, expected: T, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected))
    throw new StepFailure(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}.`);
}

/** What connecting the demo administration fills in (R13): journals 70 and 71 unless told, under the scenario's strategy. */
export interface DemoConnection {
  startDate?: string;
  invoiceJournal?: string;
  creditNoteJournal?: string;
  importContacts?: boolean;
  nightlySync?: boolean;
  vatMap?: Record<string, string>;
}

/** The connect form for the demo administration, filled in as `options` say. */
export function demoConnection(
  ctx: ScenarioContext,
  {
    startDate = '2026-01-01',
    invoiceJournal = '70',
    creditNoteJournal = '71',
    importContacts = false,
    nightlySync = false,
    vatMap,
  }: DemoConnection = {},
): ConnectInput {
  return {
    division: DIVISION,
    startDate,
    invoiceJournal,
    creditNoteJournal,
    importContacts,
    nightlySync,
    strategy: ctx.strategy,
    ...(vatMap ? { vatMap } : {}),
  };
}

/** Connects the demo administration as the admin (journals 70 and 71), under the scenario's strategy. */
export async function connectDemo(ctx: ScenarioContext, options: DemoConnection = {}) {
  return expectOk(await ctx.world.connect('admin', demoConnection(ctx, options)), 'Connecting Exact Online');
}

/** The first connection of the Octopus stories: from 1 January, journals V1 and V2, customers imported once. */
export function connectOctopus(): Step {
  return step(
    'setup',
    'Connect Octopus from 1 January and import the customers',
    "The company connects Octopus with start date 2026-01-01, journal V1 for invoices and V2 for credit notes (both of type 'Sales bookings'), and imports its customers once.",
    async (ctx) => {
      const connecting = {
        tool: 'octopus',
        division: DIVISION,
        startDate: '2026-01-01',
        invoiceJournal: 'V1',
        creditNoteJournal: 'V2',
        importContacts: true,
        strategy: ctx.strategy,
      } as const;
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

/** What a new invoice or credit note is made of. */
export interface DocumentInput {
  date: string;
  customer?: string;
  lines?: LineInput[];
  kind?: DocumentKind;
}

/** Creates a draft (not booked) invoice or credit note and names it `ref` (a draft has no number yet). */
export function draft(
  ctx: ScenarioContext,
  ref: string,
  { date, customer = 'Brouwerij De Kroon', lines = [line(100_000)], kind = 'invoice' }: DocumentInput,
): FocusDocument {
  const created = expectOk(ctx.world.focus.createDraft({ kind, companyId: company(ctx, customer).id, date, lines }), `Creating ${ref}`);
  ctx.refs[ref] = created.id;
  return created;
}

/** The draft named `ref`, or the document it became once booked. */
export function doc(ctx: ScenarioContext, ref: string): FocusDocument {
  const id = ctx.refs[ref];
  const found = id === undefined ? undefined : ctx.world.focus.state.documents[id];
  if (!found) throw new StepFailure(`There is no document named ${ref}.`);
  return found;
}

/** Books the draft named `ref`; the story says which number Focus gives it. */
export function bookDraft(ctx: ScenarioContext, ref: string, number: string): FocusDocument {
  const booked = expectOk(ctx.world.focus.book(doc(ctx, ref).id), `Booking ${ref}`);
  if (booked.number !== number) throw new StepFailure(`Focus numbered ${ref} ${booked.number}, not ${number}.`);
  return booked;
}

/** Creates and books an invoice or credit note; the story says which number Focus gives it, and the step fails when Focus gives another (R2). */
export function book(ctx: ScenarioContext, number: string, input: DocumentInput): FocusDocument {
  const kind = input.kind ?? 'invoice';
  const created = draft(ctx, `${kind} ${number}`, input);
  const booked = expectOk(ctx.world.focus.book(created.id), `Booking ${kind === 'invoice' ? 'invoice' : 'credit note'} ${number}`);
  if (booked.number !== number)
    throw new StepFailure(`Focus numbered the ${kind === 'invoice' ? 'invoice' : 'credit note'} ${booked.number}, not ${number}.`);
  return booked;
}

/** The booked invoice or credit note numbered `number` (how a person finds it in the overview). */
export function documentNumbered(ctx: ScenarioContext, kind: DocumentKind, number: string): FocusDocument {
  const found = Object.values(ctx.world.focus.state.documents).find((d) => d.kind === kind && d.number === number);
  if (!found) throw new StepFailure(`Focus has no ${kind === 'invoice' ? 'invoice' : 'credit note'} ${number}.`);
  return found;
}

/** Clicks the two arrows (a manual sync) and writes down what the bell then says. */
export async function syncNow(ctx: ScenarioContext): Promise<SyncReport> {
  const report = await ctx.world.sync('manual');
  ctx.notes.write(LAST_BELL, report.notification?.message ?? '(no notification)');
  return report;
}

/** The newest sync error the bell shows unread: what a person can read and act on (R15, R16). */
export function errorInBell(ctx: ScenarioContext): string | undefined {
  return ctx.world.focus.unreadNotifications().findLast((n) => n.kind === 'sync_error')?.message;
}

/** The error the bell showed when it was written down: what a later step reads and acts on. */
export const ERROR_SHOWN = note<string>('the error the bell shows');

/** Writes down the error the bell shows now ("(no error shown)" when it shows none), for a later step to act on. */
export function noteErrorShown(ctx: ScenarioContext): string {
  return ctx.notes.write(ERROR_SHOWN, errorInBell(ctx) ?? '(no error shown)');
}

/** Tries to delete an invoice or credit note in Focus (Revenue › Invoices, the bin); the result says whether Focus let it go. */
export function tryDeleteInFocus(ctx: ScenarioContext, kind: DocumentKind, number: string): FocusResult<FocusDocument> {
  return ctx.world.focus.deleteDocument(documentNumbered(ctx, kind, number).id);
}

/** Edits the lines of invoice `number` in Focus (the pencil next to 'content'): `change` gives each line's new values. */
export function editInvoiceLines(
  ctx: ScenarioContext,
  number: string,
  change: (line: FocusDocument['lines'][number]) => Partial<LineInput>,
  doing: string,
): FocusDocument {
  const invoice = documentNumbered(ctx, 'invoice', number);
  return expectOk(
    ctx.world.focus.editLines(
      invoice.id,
      invoice.lines.map((l) => ({ ...l, ...change(l) })),
    ),
    doing,
  );
}

/** Sets every line of a booked document to zero in Focus: the way out for a test invoice that is not the last one (R2). */
export function setAmountToZero(ctx: ScenarioContext, kind: DocumentKind, number: string): FocusDocument {
  return expectOk(ctx.world.focus.setAmountToZero(documentNumbered(ctx, kind, number).id), `Setting ${number} to zero`);
}

/** Credits invoice `number` with a credit note of `date` (Focus: the invoice's "Credit" button); the story says its number. */
export function creditInvoice(
  ctx: ScenarioContext,
  number: string,
  { date, creditNote }: { date: string; creditNote: string },
): FocusDocument {
  const credited = expectOk(ctx.world.focus.credit(documentNumbered(ctx, 'invoice', number).id, { date }), `Crediting invoice ${number}`);
  if (credited.number !== creditNote) throw new StepFailure(`Focus numbered the credit note ${credited.number}, not ${creditNote}.`);
  return credited;
}
