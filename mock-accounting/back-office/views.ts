import type { MockState, SalesEntry } from '../store/index.js';
import { entryTotalCents, entryVatCents, outstandingCents } from '../domain/entry-totals.js';
import { nextBookingNumber, type NumberingPolicy } from '../domain/booking-numbers.js';
import type { Journal } from '../store/index.js';

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
    payments: entry.payments,
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
    ...(policy.perYear ? { nextBookingNumberByYear: journal.nextEntryNumberByYear } : {}),
  };
}
