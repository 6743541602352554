import { describe, expect, it } from 'vitest';
import { parseInlineNextNumbers, parseNextNumbers } from './next-numbers.js';

describe('next booking numbers', () => {
  it('reads them inline, as an option', () => {
    const result = parseInlineNextNumbers('70=1005, 71=8002');
    expect(result.ok && result.value.map((n) => [n.journal, n.nextNumber])).toEqual([
      ['70', 1005],
      ['71', 8002],
    ]);
  });

  it('refuses an inline pair that is not JOURNAL=NUMBER, or a journal twice', () => {
    expect(parseInlineNextNumbers('70=1005,71')).toMatchObject({ ok: false, problem: { code: 'usage' } });
    expect(parseInlineNextNumbers('70=abc')).toMatchObject({ ok: false, problem: { code: 'usage' } });
    expect(parseInlineNextNumbers('70=1,70=2')).toMatchObject({ ok: false, problem: { code: 'usage' } });
  });

  it('reads the Dutch journal list and the English one', () => {
    const nl = parseNextNumbers('Dagboek;Omschrijving;Volgend boekstuknummer\n70;Verkoopfacturen;1005\n', 'nl.csv');
    expect(nl.ok && nl.value).toEqual([{ journal: '70', nextNumber: 1005, description: 'Verkoopfacturen' }]);
    const en = parseNextNumbers('Journal,Next booking number\n71,8002\n', 'en.csv');
    expect(en.ok && en.value).toEqual([{ journal: '71', nextNumber: 8002, description: null }]);
  });

  it('refuses a bad number or a journal twice at its line and column', () => {
    expect(parseNextNumbers('Journal,Next booking number\n70,x\n', 'n.csv')).toMatchObject({
      ok: false,
      problem: { code: 'bad-number', file: 'n.csv', line: 2, column: 2 },
    });
    expect(parseNextNumbers('Journal,Next booking number\n70,1\n70,2\n', 'n.csv')).toMatchObject({
      ok: false,
      problem: { code: 'duplicate-entry', line: 3, column: 1 },
    });
  });
});
