import type { SalesEntry, SalesEntryLine } from '../store/index.js';

/** The total of lines including VAT, in cents. */
export function linesTotalCents(lines: readonly SalesEntryLine[]): number {
  return lines.reduce((sum, l) => sum + l.amountCents + l.vatAmountCents, 0);
}

/** A booking's type from its lines: 21 (credit note) when the total is negative, else 20 (invoice). */
export function entryType(lines: readonly SalesEntryLine[]): 20 | 21 {
  return linesTotalCents(lines) < 0 ? 21 : 20;
}

/** A booking's total including VAT, in cents. */
export function entryTotalCents(entry: SalesEntry): number {
  return linesTotalCents(entry.lines);
}

/** A booking's VAT, in cents. */
export function entryVatCents(entry: SalesEntry): number {
  return entry.lines.reduce((sum, l) => sum + l.vatAmountCents, 0);
}

/** What has been paid on a booking, in cents. */
export function paidCents(entry: SalesEntry): number {
  return entry.payments.reduce((sum, p) => sum + p.amountCents, 0);
}

/** What is still to be paid on a booking, in cents. */
export function outstandingCents(entry: SalesEntry): number {
  return entryTotalCents(entry) - paidCents(entry);
}
