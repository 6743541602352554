import { describe, expect, it } from 'vitest';
import type { EdmType } from './edm.js';
import { entriesAfter } from './entries-after.js';
import type { KeyValue } from './keys.js';

/** The entries after the token, as a list. */
const after = <E extends { key: KeyValue }>(entries: readonly E[], token: KeyValue, types: EdmType[]) => {
  const found = entriesAfter(entries, token, types);
  return found.entries.slice(found.from);
};

describe('entriesAfter', () => {
  it('gives the entries after the token in a list ordered by key', () => {
    const entries = [1, 2, 3, 5, 8, 13].map((key) => ({ key }));
    expect(after(entries, 5, ['Int32']).map(({ key }) => key)).toEqual([8, 13]);
    expect(after(entries, 4, ['Int32']).map(({ key }) => key)).toEqual([5, 8, 13]);
    expect(after(entries, 13, ['Int32'])).toEqual([]);
    expect(after(entries, 0, ['Int32'])).toHaveLength(6);
  });

  it('compares GUIDs in any case, also when their raw order is not the lower-cased one', () => {
    // Sorted as written ('B…' before 'a…'), but lower-cased 'a…' comes first: every entry is compared.
    const entries = [
      { key: 'B0000000-0000-0000-0000-000000000000' },
      { key: 'a0000000-0000-0000-0000-000000000000' },
      { key: 'c0000000-0000-0000-0000-000000000000' },
    ];
    expect(after(entries, 'A0000000-0000-0000-0000-000000000000'.toLowerCase(), ['Guid']).map(({ key }) => key)).toEqual([
      'B0000000-0000-0000-0000-000000000000',
      'c0000000-0000-0000-0000-000000000000',
    ]);
    expect(after(entries, 'b0000000-0000-0000-0000-000000000000', ['Guid']).map(({ key }) => key)).toEqual([
      'c0000000-0000-0000-0000-000000000000',
    ]);
  });

  it('gives an ordered list itself with the index to start from, so a page walk copies no rows', () => {
    const entries = [1, 2, 3, 5, 8, 13].map((key) => ({ key }));
    const found = entriesAfter(entries, 5, ['Int32']);
    expect(found.entries).toBe(entries);
    expect(found.from).toBe(4);
  });

  it('orders composite keys part by part', () => {
    const entries = [
      ['10', 1, 2026],
      ['10', 2, 2026],
      ['70', 1, 2026],
    ].map((key) => ({ key }));
    expect(after(entries, ['10', 1, 2026], ['String', 'Int32', 'Int32']).map(({ key }) => key)).toEqual([
      ['10', 2, 2026],
      ['70', 1, 2026],
    ]);
  });
});
