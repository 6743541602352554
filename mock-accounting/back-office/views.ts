import type { MockState, SalesEntry } from '../store/index.js';
import { entryTotalCents, entryVatCents, outstandingCents } from '../domain/entry-totals.js';
import { nextBookingNumber, type NumberingPolicy } from '../domain/booking-numbers.js';
import type { Journal } from '../store/index.js';
import type { Ledger } from '../domain/ledger.js';

/** A booking as the back office shows it: amounts in cents, the customer by code and name. */
export function bookingView(state: MockState, entry: SalesEntry) {
  const customer = state.accounts[entry.customerId];
  const vatCents = entryVatCents(entry);
  const totalCents = entryTotalCents(entry);
  return {
    id: entry.id,
    division: entry.division,
    journal: entry.journalCode,
    entryNumber: entry.entryNumber,
    entryDate: entry.entryDate,
    dueDate: entry.dueDate,
    financialYear: entry.reportingYear,
    financialPeriod: entry.reportingPeriod,
    yourRef: entry.yourRef,
    description: entry.description,
    customer: { id: entry.customerId, code: customer?.code ?? null, name: customer?.name ?? null },
    type: entry.type,
    netCents: totalCents - vatCents,
    vatCents,
    totalCents,
    outstandingCents: outstandingCents(entry),
    // Copies, as every other part of a view is: a view read in this process must not share the store's objects.
    payments: entry.payments.map((payment) => ({ ...payment })),
    lines: entry.lines.map((l) => ({
      lineNumber: l.lineNumber,
      description: l.description,
      glAccount: state.glAccounts[l.glAccountId]?.code ?? l.glAccountId,
      netCents: l.amountCents,
      vatCode: l.vatCode,
      vatCents: l.vatAmountCents,
      // Only where one is assigned, so bookings without cost centres read as they always did.
      ...(l.costCenter ? { costCenter: l.costCenter } : {}),
    })),
  };
}

/** A journal with its master-data next booking number (R8), which Exact's API does not show. */
export function journalView(journal: Journal, policy: NumberingPolicy, year?: number) {
  return {
    id: journal.id,
    division: journal.division,
    code: journal.code,
    description: journal.description,
    type: journal.type,
    firstBookingNumber: journal.firstEntryNumber,
    nextBookingNumber: nextBookingNumber(journal, policy, year),
    ...(journal.typeName ? { typeName: journal.typeName } : {}),
    ...(policy.perYear ? { nextBookingNumberByYear: { ...journal.nextEntryNumberByYear } } : {}),
  };
}

/**
 * Orders codes as `localeCompare(…, 'en', { numeric: true })` does, with one collator built once: localeCompare with a
 * locale builds one per comparison, which made sorting the accounts the costliest part of reading them.
 */
const byCodeNumeric = new Intl.Collator('en', { numeric: true }).compare;

/** A division's relations as the back office shows them, by code. */
export function relationViews(ledger: Ledger, division: number) {
  return ledger.divisions
    .of('accounts', division)
    .sort((a, b) => byCodeNumeric(a.code, b.code))
    .map((a) => ({ id: a.id, code: a.code, name: a.name, vatNumber: a.vatNumber, country: a.country, status: a.status }));
}

/** A division's journals, by code. */
function journalsByCode(ledger: Ledger, division: number): Journal[] {
  return ledger.divisions.of('journals', division).sort((a, b) => a.code.localeCompare(b.code));
}

/** A division's journals as the back office shows them, by code, each with its current next booking number. */
export function journalViews(ledger: Ledger, division: number) {
  return journalsByCode(ledger, division).map((j) => journalView(j, ledger.numbering, currentCounterYear(ledger)));
}

/** A journal's bookings as the back office shows them, by year and number. */
export function bookingViews(ledger: Ledger, journal: Journal) {
  return ledger.divisions
    .of('salesEntries', journal.division)
    .filter((e) => e.journalCode === journal.code)
    .sort((a, b) => a.reportingYear - b.reportingYear || a.entryNumber - b.entryNumber)
    .map((e) => bookingView(ledger.store.state, e));
}

/** The year the clock is in when counters are kept per year, else undefined: the counter a journal's view shows. */
export function currentCounterYear(ledger: Ledger): number | undefined {
  return ledger.numbering.perYear ? new Date(ledger.clock.now()).getUTCFullYear() : undefined;
}

/** What one look at an administration shows: its journals, every booking of each (journal by journal), its relations. */
export function overviewOf(ledger: Ledger, division: number) {
  return {
    journals: journalViews(ledger, division),
    bookings: journalsByCode(ledger, division).flatMap((j) => bookingViews(ledger, j)),
    relations: relationViews(ledger, division),
  };
}

/** An administration's overview as the back office answers it. */
export type Overview = ReturnType<typeof overviewOf>;
