import { MAX_ENTRY_NUMBER, type SalesEntry, type SalesEntryLine, type Transaction } from '../store/index.js';
import { addDays, vatCents } from '../../primitives/index.js';
import { assignEntryNumber, releaseEntryNumber } from './booking-numbers.js';
import { definedOnly } from './defined-only.js';
import { nextGuid } from './ids.js';
import type { Ledger } from './ledger.js';
import { closedPeriodProblem, lockedInClosedPeriod } from './flavours.js';
import { findAccount, findGLAccount, findJournal, findPeriod, findVATCode, periodOfEntry } from './lookups.js';
import { combineProblems, type AccountingProblem, type FieldLabel } from './problems.js';
import { fail, ok, type Result } from './result.js';
import { touchEntry } from './row-version.js';
import { recordDeletion } from './deleted-records.js';
import { entryType } from './entry-totals.js';

/** A reference to an entity by its id (API) or by its code (back office). */
export type Ref = { id: string } | { code: string };

/** A line of a new booking, as the API or the back office gives it. */
export interface SalesEntryLineInput {
  glAccount?: Ref;
  amountCents?: number;
  vatCode?: string;
  vatAmountCents?: number;
  description?: string | null;
  quantity?: number | null;
  costCenter?: string | null;
  costUnit?: string | null;
  /** Deferred revenue range, ISO days. */
  from?: string | null;
  to?: string | null;
  project?: string | null;
}

/** A new booking in a sales journal. */
export interface SalesEntryInput {
  journalCode?: string;
  customer?: Ref;
  entryDate?: string;
  dueDate?: string | null;
  entryNumber?: number;
  yourRef?: string | null;
  description?: string | null;
  currency?: string;
  reportingYear?: number;
  reportingPeriod?: number;
  paymentCondition?: string | null;
  paymentReference?: string | null;
  orderNumber?: number | null;
  document?: string | null;
  lines?: SalesEntryLineInput[];
}

/**
 * Books a sales entry the way Exact does: validates journal, customer, lines, period and year; computes
 * VAT per line; takes the next booking number (R7) and never checks whether the invoice is already booked,
 * so a second post of the same invoice simply books it twice (R10).
 */
export function createSalesEntry(tx: Transaction, ledger: Ledger, division: number, input: SalesEntryInput): Result<SalesEntry> {
  // Entry numbers are Int32s of 1 or more (the state schema requires it): another one would be stored and then refused on restore or reload.
  if (
    input.entryNumber !== undefined &&
    !(Number.isInteger(input.entryNumber) && input.entryNumber > 0 && input.entryNumber <= MAX_ENTRY_NUMBER)
  ) {
    return fail({
      code: 'bad_request',
      message: `Invalid entry number ${input.entryNumber}: use a whole number from 1 to ${MAX_ENTRY_NUMBER}, or leave it out to take the next one.`,
    });
  }
  const state = tx.state;
  const problems: AccountingProblem[] = [];
  const missing: FieldLabel[] = [];
  if (!input.journalCode) missing.push('journal');
  if (!input.customer) missing.push('customer');
  if (!input.lines || input.lines.length === 0) missing.push('lines');
  if (missing.length) problems.push({ code: 'mandatory', fields: missing });

  const journal = input.journalCode ? findJournal(ledger, division, input.journalCode) : undefined;
  if (input.journalCode && !journal) problems.push({ code: 'invalid_reference', field: 'journals' });
  if (journal && journal.type !== 20 && journal.type !== 21) problems.push({ code: 'invalid_journal_type', journal: journal.code });
  const customer = input.customer ? findAccount(state, division, input.customer) : undefined;
  if (input.customer && !customer) problems.push({ code: 'invalid_reference', field: 'customer' });

  const lines = buildLines(tx, division, input.lines ?? [], problems);
  const entryDate = input.entryDate ?? ledger.clock.today();
  // ReportingYear and ReportingPeriod must exist in the period table; one given alone takes the other from the entry date.
  const datePeriod = findPeriod(state, division, { date: entryDate });
  const reporting = { year: input.reportingYear ?? datePeriod?.finYear, period: input.reportingPeriod ?? datePeriod?.finPeriod };
  const period =
    input.reportingYear === undefined && input.reportingPeriod === undefined
      ? datePeriod
      : reporting.year !== undefined && reporting.period !== undefined
        ? findPeriod(state, division, { year: reporting.year, period: reporting.period })
        : undefined;
  if (!period) problems.push({ code: 'unknown_financial_year', date: entryDate });
  else if (period.closed) problems.push(closedPeriodProblem(state, division, entryDate));

  const problem = combineProblems(problems);
  if (problem || !journal || !customer || !period) return fail(problem ?? { code: 'mandatory', fields: ['journal'] });

  const numbered = assignEntryNumber(journal, input.entryNumber, period.finYear, ledger.entryNumbers, ledger.numbering);
  if (!numbered.ok) return fail(numbered.problem);

  const now = ledger.clock.now();
  const entry: SalesEntry = touchEntry(tx, {
    id: nextGuid(tx),
    division,
    journalCode: journal.code,
    entryNumber: numbered.value.entryNumber,
    entryDate,
    dueDate: input.dueDate ?? addDays(entryDate, 30),
    customerId: customer.id,
    yourRef: input.yourRef ?? null,
    description: input.description ?? null,
    currency: input.currency ?? 'EUR',
    reportingYear: period.finYear,
    reportingPeriod: period.finPeriod,
    paymentCondition: input.paymentCondition ?? '30',
    paymentReference: input.paymentReference ?? null,
    orderNumber: input.orderNumber ?? null,
    document: input.document ?? null,
    lines,
    type: entryType(lines),
    status: 20,
    payments: [],
    hid: tx.next('hid'),
    created: now,
    modified: now,
    timestamp: 0,
  });
  tx.put('journals', journal.id, numbered.value.journal);
  tx.put('salesEntries', entry.id, entry);
  return ok(entry);
}

/** Builds the lines of a booking numbered from 1, leaving out those with problems (reported into the list). */
export function buildLines(
  tx: Transaction,
  division: number,
  inputs: SalesEntryLineInput[],
  problems: AccountingProblem[],
): SalesEntryLine[] {
  return inputs.flatMap((input, i) => buildLine(tx, division, input, i + 1, problems) ?? []);
}

/** Validates one line and computes its VAT; reports problems into the list and returns undefined when it has any. */
export function buildLine(
  tx: Transaction,
  division: number,
  input: SalesEntryLineInput,
  lineNumber: number,
  problems: AccountingProblem[],
): SalesEntryLine | undefined {
  const missing: FieldLabel[] = [];
  if (!input.glAccount) missing.push('glAccount');
  if (input.amountCents === undefined) missing.push('amount');
  if (missing.length) {
    problems.push({ code: 'mandatory', fields: missing });
    return undefined;
  }
  const glAccount = findGLAccount(tx.state, division, input.glAccount!);
  if (!glAccount) {
    problems.push({ code: 'invalid_reference', field: 'glAccount' });
    return undefined;
  }
  if (glAccount.type !== 110) {
    problems.push({ code: 'invalid_gl_account_type', glAccount: glAccount.code });
    return undefined;
  }
  // An empty VATCode names no code: the G/L account's applies, as when it is left out.
  const vatCodeText = input.vatCode || glAccount.vatCode;
  const vatCode = vatCodeText ? findVATCode(tx.state, division, vatCodeText) : undefined;
  if (vatCodeText && !vatCode) {
    problems.push({ code: 'invalid_reference', field: 'vatCode' });
    return undefined;
  }
  const rateBp = vatCode?.rateBp ?? 0;
  return {
    id: nextGuid(tx),
    lineNumber,
    description: input.description ?? null,
    quantity: input.quantity ?? null,
    glAccountId: glAccount.id,
    amountCents: input.amountCents!,
    vatCode: vatCode?.code ?? null,
    vatRateBp: rateBp,
    vatAmountCents: input.vatAmountCents ?? vatCents(input.amountCents!, rateBp),
    costCenter: input.costCenter ?? null,
    costUnit: input.costUnit ?? null,
    ...(input.from ? { from: input.from } : {}),
    ...(input.to ? { to: input.to } : {}),
    ...(input.project ? { project: input.project } : {}),
  };
}

/** Changes the writable header fields of a booking (Exact does not take new lines on PUT). */
export function updateSalesEntry(
  tx: Transaction,
  ledger: Ledger,
  entry: SalesEntry,
  changes: Pick<
    SalesEntryInput,
    'yourRef' | 'description' | 'dueDate' | 'paymentReference' | 'paymentCondition' | 'orderNumber' | 'document'
  >,
): Result<SalesEntry> {
  if (periodOfEntry(tx.state, entry)?.closed) return fail(closedPeriodProblem(tx.state, entry.division, entry.entryDate));
  const updated = touchEntry(tx, { ...entry, ...definedOnly(changes), modified: ledger.clock.now() });
  tx.put('salesEntries', entry.id, updated);
  return ok(updated);
}

/**
 * Deletes a booking and its lines, records them in sync/Deleted, and releases its number: deleting the
 * highest number in the journal hands it out again (R7).
 */
export function deleteSalesEntry(tx: Transaction, ledger: Ledger, entry: SalesEntry, deletedBy: string): Result<SalesEntry> {
  if (ledger.deletion.refuseInClosedPeriod && periodOfEntry(tx.state, entry)?.closed)
    return fail(lockedInClosedPeriod(tx.state, entry.division));
  if (ledger.deletion.refuseWhenPaid && entry.payments.length > 0) return fail({ code: 'entry_locked', reason: 'paid' });
  tx.remove('salesEntries', entry.id);
  for (const key of [entry.id, ...entry.lines.map((l) => l.id)]) recordDeletedTransactionLine(tx, ledger, entry.division, key, deletedBy);
  const journal = findJournal(ledger, entry.division, entry.journalCode);
  if (journal) {
    tx.put(
      'journals',
      journal.id,
      releaseEntryNumber(journal, entry.entryNumber, entry.reportingYear, ledger.entryNumbers, ledger.numbering),
    );
  }
  return ok(entry);
}

/** Writes a sync/Deleted row (EntityType 1, transaction line) for a deleted booking or line. */
export function recordDeletedTransactionLine(
  tx: Transaction,
  ledger: Ledger,
  division: number,
  entityKey: string,
  deletedBy: string,
): void {
  recordDeletion(tx, ledger, { division, entityKey, entityType: 1, deletedBy });
}

/** The booking with these lines, its type following their total, touched. */
export function withTotals(tx: Transaction, ledger: Ledger, entry: SalesEntry, lines: SalesEntryLine[]): SalesEntry {
  return touchEntry(tx, { ...entry, lines, type: entryType(lines), modified: ledger.clock.now() });
}
