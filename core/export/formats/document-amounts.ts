import { lineNetCents, lineVatCents } from '../../focus/totals.js';
import type { Line } from '../../focus/state.js';

// The amounts every format writes, derived from Focus's own per-line rounding (core/focus/totals.ts), so
// that whatever a file shows adds up to the document's totals in Focus to the cent.

/** A line's amount before and after its commercial discount; `grossCents - discountCents` is Focus's line net. */
export interface LineAmounts {
  /** Quantity × unit price, rounded once (Focus's net of the same line without discount). */
  grossCents: number;
  /** The commercial discount, taken as gross less net so the two always add up (R21). */
  discountCents: number;
  netCents: number;
  vatCents: number;
}

/** Gross, discount, net and VAT of a line, all in cents. */
export function lineAmounts(line: Line): LineAmounts {
  const netCents = lineNetCents(line);
  const grossCents = line.discountBp === 0 ? netCents : lineNetCents({ ...line, discountBp: 0 });
  return { grossCents, discountCents: grossCents - netCents, netCents, vatCents: lineVatCents(line) };
}

/** One VAT rate of a document: the net of its lines and the sum of their VAT as Focus computed it per line. */
export interface VatRateTotal {
  rateBp: number;
  netCents: number;
  vatCents: number;
}

/** A document's VAT per rate, lowest rate first; the VAT is the sum of the lines' VAT, not recomputed on the total (R23). */
export function vatByRate(lines: readonly Line[]): VatRateTotal[] {
  const byRate = new Map<number, VatRateTotal>();
  for (const line of lines) {
    const total = byRate.get(line.vatRateBp) ?? { rateBp: line.vatRateBp, netCents: 0, vatCents: 0 };
    total.netCents += lineNetCents(line);
    total.vatCents += lineVatCents(line);
    byRate.set(line.vatRateBp, total);
  }
  return [...byRate.values()].sort((a, b) => a.rateBp - b.rateBp);
}
