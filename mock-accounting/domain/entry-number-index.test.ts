import { describe, expect, it } from 'vitest';
import type { SalesEntry } from '../store/state.js';
import { EntryNumberIndex } from './entry-number-index.js';

const entry = (entryNumber: number, reportingYear = 2026) =>
  ({ id: `e${entryNumber}-${reportingYear}`, division: 1, journalCode: '70', entryNumber, reportingYear }) as unknown as SalesEntry;

/** An index holding the given numbers of journal 70 (division 1, 2026). */
function indexOf(...numbers: number[]): EntryNumberIndex {
  const index = new EntryNumberIndex();
  for (const n of numbers) index.change('salesEntries', `e${n}-2026`, undefined, entry(n));
  return index;
}
const remove = (index: EntryNumberIndex, n: number) => index.change('salesEntries', `e${n}-2026`, entry(n), undefined);

describe('EntryNumberIndex', () => {
  it('keeps the highest number as the highest are deleted one after the other, across a gap', () => {
    const index = indexOf(1001, 1002, 1003, 1007, 1008);
    expect(index.highest(1, '70')).toBe(1008);
    remove(index, 1008);
    expect(index.highest(1, '70')).toBe(1007);
    remove(index, 1007);
    expect(index.highest(1, '70', 2026)).toBe(1003);
    remove(index, 1002);
    expect(index.highest(1, '70')).toBe(1003);
    for (const n of [1003, 1001]) remove(index, n);
    expect(index.highest(1, '70')).toBeUndefined();
  });

  it('finds the highest far below a deleted top, and a number booked again after its deletion', () => {
    const index = indexOf(5, 900_000);
    remove(index, 900_000);
    index.change('salesEntries', 'e3-2026', undefined, entry(3));
    expect(index.highest(1, '70')).toBe(5);
    index.change('salesEntries', 'e900000-2026', undefined, entry(900_000));
    expect(index.highest(1, '70')).toBe(900_000);
  });

  it('answers which bookings hold a number, per journal and per year', () => {
    const index = indexOf(1001);
    index.change('salesEntries', 'e1001-2025', undefined, entry(1001, 2025));
    expect(index.holding(1, '70', 1001).map((e) => e.reportingYear)).toEqual([2026, 2025]);
    expect(index.holding(1, '70', 1001, 2025).map((e) => e.reportingYear)).toEqual([2025]);
    expect(index.has(1, '70', 1002)).toBe(false);
    remove(index, 1001);
    expect(index.holding(1, '70', 1001).map((e) => e.reportingYear)).toEqual([2025]);
  });
});
