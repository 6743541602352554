import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeScenario } from '../test/support/scenario-results.js';
import { matchesGrep, parseShard, selectScenarios, SelectionError } from './select.js';

const CATALOGUE = [
  fakeScenario('accidental-booking-last-invoice', {
    title: 'A test invoice was booked by accident',
    sources: ['000'],
    rules: ['R2', 'P-delete'],
  }),
  fakeScenario('invoice-shown-twice', { title: 'An invoice is shown twice in Exact', sources: ['001'], rules: ['R10', 'I1'] }),
  fakeScenario('same-booking-number', {
    title: 'The invoices X and Y have the same booking number',
    sources: ['002'],
    rules: ['R9', 'P-samenumber'],
  }),
  fakeScenario('draft-not-synced', { title: 'A draft is not synced', sources: ['003'], rules: ['R1'] }),
  fakeScenario('mistake-later-start-date', {
    title: 'Reconnecting with a later start date',
    sources: ['002'],
    rules: ['R13'],
    expected: ['I1'],
  }),
];
const ids = (list: { id: string }[]) => list.map((s) => s.id);

describe('parseShard', () => {
  it.each([
    ['1/2', { index: 1, count: 2 }],
    ['2/2', { index: 2, count: 2 }],
    [' 3 / 7 ', { index: 3, count: 7 }],
  ])('reads %j', (text, shard) => expect(parseShard(text)).toEqual(shard));

  it.each(['0/2', '3/2', '1/0', '1', '1/2/3', 'a/b', '-1/2', '1.5/2', ''])('refuses %j with the expected form', (text) => {
    expect(() => parseShard(text)).toThrow(SelectionError);
    expect(() => parseShard(text)).toThrow(/K\/N with 1 ≤ K ≤ N/);
  });
});

describe('selectScenarios', () => {
  it('takes the whole catalogue in catalogue order when nothing is asked', () => {
    expect(ids(selectScenarios(CATALOGUE))).toEqual(ids(CATALOGUE));
  });

  it('keeps catalogue order for ids given in another order, once each', () => {
    expect(ids(selectScenarios(CATALOGUE, { ids: ['draft-not-synced', 'invoice-shown-twice', 'draft-not-synced'] }))).toEqual([
      'invoice-shown-twice',
      'draft-not-synced',
    ]);
  });

  it('names every unknown id with the closest known ids, not the whole catalogue', () => {
    const select = () => selectScenarios(CATALOGUE, { ids: ['same-booking-number', 'invoice-shown-twise', 'draft-not-sync'] });
    expect(select).toThrow(SelectionError);
    expect(select).toThrow(
      `Unknown scenario ids "invoice-shown-twise" (did you mean 'invoice-shown-twice'?), "draft-not-sync" (did you mean 'draft-not-synced'?).`,
    );
    expect(select).not.toThrow(/mistake-later-start-date/);
  });

  it('greps ids, titles, rules and sources, ignoring case', () => {
    expect(ids(selectScenarios(CATALOGUE, { grep: 'SHOWN' }))).toEqual(['invoice-shown-twice']);
    expect(ids(selectScenarios(CATALOGUE, { grep: 'booked by accident' }))).toEqual(['accidental-booking-last-invoice']);
    expect(ids(selectScenarios(CATALOGUE, { grep: 'p-samenumber' }))).toEqual(['same-booking-number']);
    expect(ids(selectScenarios(CATALOGUE, { grep: '002' }))).toEqual(['same-booking-number', 'mistake-later-start-date']);
    expect(matchesGrep(CATALOGUE[3]!, 'r1')).toBe(true);
  });

  it('refuses a grep that matches nothing, saying where it looked', () => {
    expect(() => selectScenarios(CATALOGUE, { grep: 'zzz' })).toThrow(
      /No scenario matches --grep "zzz" \(searched ids, titles, rules and sources\)/,
    );
  });

  it('greps within the ids given', () => {
    expect(ids(selectScenarios(CATALOGUE, { ids: ['invoice-shown-twice', 'draft-not-synced'], grep: 'draft' }))).toEqual([
      'draft-not-synced',
    ]);
  });

  it('splits by index: shard K of N takes every N-th from position K-1', () => {
    expect(ids(selectScenarios(CATALOGUE, { shard: { index: 1, count: 2 } }))).toEqual([
      'accidental-booking-last-invoice',
      'same-booking-number',
      'mistake-later-start-date',
    ]);
    expect(ids(selectScenarios(CATALOGUE, { shard: { index: 2, count: 2 } }))).toEqual(['invoice-shown-twice', 'draft-not-synced']);
  });

  it('gives an empty shard when there are more shards than scenarios', () => {
    expect(selectScenarios(CATALOGUE.slice(0, 2), { shard: { index: 3, count: 4 } })).toEqual([]);
  });

  it('refuses a shard out of range', () => {
    expect(() => selectScenarios(CATALOGUE, { shard: { index: 3, count: 2 } })).toThrow(SelectionError);
  });

  it('runs every scenario of any selection exactly once across the N shards, in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 9 }), (size, count) => {
        const catalogue = Array.from({ length: size }, (_, i) => fakeScenario(`s-${i}`));
        const shards = Array.from({ length: count }, (_, k) => ids(selectScenarios(catalogue, { shard: { index: k + 1, count } })));
        expect(shards.flat().sort()).toEqual(ids(catalogue).sort());
        for (const shard of shards) expect(shard).toEqual(ids(catalogue).filter((id) => shard.includes(id)));
        // Balanced: no shard holds more than one scenario more than another.
        expect(Math.max(...shards.map((s) => s.length)) - Math.min(...shards.map((s) => s.length))).toBeLessThanOrEqual(1);
      }),
    );
  });
});
