import { roundHalfAwayFromZero, vatCents } from '../../primitives/index.js';
import type { FocusDocument, Line } from './state.js';

/** A line's net amount in cents: quantity × unit price, less the commercial discount, rounded once. */
export function lineNetCents(line: Line): number {
  return roundHalfAwayFromZero(withoutFloatNoise((line.quantity * line.unitPriceCents * (10_000 - line.discountBp)) / 10_000));
}

/** Drops binary floating-point noise (0.29 × 750 = 217.49999999999997), so a half cent rounds as a half cent. */
function withoutFloatNoise(value: number): number {
  // An integer below 10^15 has no noise and prints to itself: the common case skips the string round trip.
  return Number.isInteger(value) && Math.abs(value) < 1e15 ? value : Number(value.toPrecision(15));
}

/** A line's VAT in cents: Focus computes VAT per line (the export's "VAT on lines"). */
export function lineVatCents(line: Line): number {
  return vatCents(lineNetCents(line), line.vatRateBp);
}

/** A document's totals in cents, as shown in Focus (positive for credit notes too). */
export function documentTotals(document: Pick<FocusDocument, 'lines'>): { netCents: number; vatCents: number; totalCents: number } {
  let net = 0;
  let vat = 0;
  for (const line of document.lines) {
    const lineNet = lineNetCents(line);
    net += lineNet;
    vat += vatCents(lineNet, line.vatRateBp);
  }
  return { netCents: net, vatCents: vat, totalCents: net + vat };
}

/** The sign a document's amounts carry in the books: credit notes are negative. */
export function bookSign(document: Pick<FocusDocument, 'kind'>): 1 | -1 {
  return document.kind === 'credit_note' ? -1 : 1;
}
