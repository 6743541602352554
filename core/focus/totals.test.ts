import { describe, expect, it } from 'vitest';
import type { Line } from './state.js';
import { bookSign, documentTotals, lineNetCents, lineVatCents } from './totals.js';

function line(overrides: Partial<Line>): Line {
  return {
    description: 'Line',
    quantity: 1,
    unitPriceCents: 10_000,
    vatRateBp: 2100,
    ledgerAccount: '700000',
    discountBp: 0,
    costCentre: null,
    ...overrides,
  };
}

describe('R23, I5: line and document totals', () => {
  it('R23: the net amount of a line is quantity × unit price', () => {
    expect(lineNetCents(line({ quantity: 3, unitPriceCents: 1_234 }))).toBe(3_702);
    expect(lineNetCents(line({ quantity: 0.5, unitPriceCents: 9_000 }))).toBe(4_500);
  });

  it('R21: a commercial discount is taken off the line before VAT', () => {
    const discounted = line({ quantity: 2, unitPriceCents: 5_000, discountBp: 1_000 });
    expect(lineNetCents(discounted)).toBe(9_000);
    expect(lineVatCents(discounted)).toBe(1_890);
    expect(lineNetCents(line({ discountBp: 10_000 }))).toBe(0);
  });

  it('R23: VAT is computed per line, at the line rate', () => {
    expect(lineVatCents(line({ unitPriceCents: 10_000, vatRateBp: 2100 }))).toBe(2_100);
    expect(lineVatCents(line({ unitPriceCents: 10_000, vatRateBp: 600 }))).toBe(600);
    expect(lineVatCents(line({ unitPriceCents: 10_000, vatRateBp: 0 }))).toBe(0);
  });

  it('R23: VAT per line differs from VAT on the total: three lines of €0.03 at 21 % give 3 × €0.01, not €0.02', () => {
    const lines = [1, 2, 3].map(() => line({ unitPriceCents: 3, vatRateBp: 2100 }));
    expect(lines.map(lineVatCents)).toEqual([1, 1, 1]);
    expect(documentTotals({ lines })).toEqual({ netCents: 9, vatCents: 3, totalCents: 12 });
  });

  it('R23: amounts are rounded half away from zero', () => {
    expect(lineNetCents(line({ quantity: 1.5, unitPriceCents: 333 }))).toBe(500);
    expect(lineNetCents(line({ quantity: 1, unitPriceCents: 1_005, discountBp: 5_000 }))).toBe(503);
    expect(lineNetCents(line({ quantity: -1.5, unitPriceCents: 333 }))).toBe(-500);
    expect(lineVatCents(line({ unitPriceCents: 50, vatRateBp: 2100 }))).toBe(11);
    expect(lineVatCents(line({ unitPriceCents: -50, vatRateBp: 2100 }))).toBe(-11);
    expect(lineVatCents(line({ unitPriceCents: 149, vatRateBp: 2100 }))).toBe(31);
  });

  it('R23: a half cent stays a half cent with decimal quantities (0.29 h × €7.50 = €2.175 → €2.18)', () => {
    expect(lineNetCents(line({ quantity: 0.29, unitPriceCents: 750 }))).toBe(218);
    expect(lineNetCents(line({ quantity: 0.145, unitPriceCents: 100 }))).toBe(15);
    expect(lineNetCents(line({ quantity: -0.29, unitPriceCents: 750 }))).toBe(-218);
    expect(lineNetCents(line({ quantity: 1.15, unitPriceCents: 100 }))).toBe(115);
  });

  it('R23: document totals add the rounded lines', () => {
    const lines = [
      line({ quantity: 2, unitPriceCents: 12_345, vatRateBp: 2100 }),
      line({ quantity: 1, unitPriceCents: 999, vatRateBp: 600, discountBp: 1_500 }),
    ];
    expect(lines.map(lineNetCents)).toEqual([24_690, 849]);
    expect(lines.map(lineVatCents)).toEqual([5_185, 51]);
    expect(documentTotals({ lines })).toEqual({ netCents: 25_539, vatCents: 5_236, totalCents: 30_775 });
  });

  it('R5: credit notes show positive totals in Focus and carry the negative sign in the books', () => {
    const lines = [line({ unitPriceCents: 10_000 })];
    expect(documentTotals({ lines })).toEqual({ netCents: 10_000, vatCents: 2_100, totalCents: 12_100 });
    expect(bookSign({ kind: 'credit_note' })).toBe(-1);
    expect(bookSign({ kind: 'invoice' })).toBe(1);
  });

  it('R23: a document without lines totals zero', () => {
    expect(documentTotals({ lines: [] })).toEqual({ netCents: 0, vatCents: 0, totalCents: 0 });
  });
});
