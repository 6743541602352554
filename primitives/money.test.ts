import { describe, expect, it } from 'vitest';
import { roundHalfAwayFromZero, vatCents } from './money.js';

describe('money', () => {
  it('rounds half away from zero, as bookkeeping does', () => {
    expect([2.5, -2.5, 2.4999, -2.4999, 0.5, -0.5].map(roundHalfAwayFromZero)).toEqual([3, -3, 2, -2, 1, -1]);
  });

  it('takes VAT per line from cents and a rate in basis points, a credit the mirror of an invoice', () => {
    expect(vatCents(10_000, 2_100)).toBe(2_100);
    expect(vatCents(-10_000, 2_100)).toBe(-2_100);
    expect(vatCents(50, 500)).toBe(3);
    expect(vatCents(-50, 500)).toBe(-3);
    expect(vatCents(25, 2_100)).toBe(5);
    expect(vatCents(10_000, 0)).toBe(0);
  });
});
