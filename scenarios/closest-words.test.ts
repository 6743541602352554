import { describe, expect, it } from 'vitest';
import { closestWords, editDistance, orList } from './closest-words.js';

const IDS = [
  'invoice-shown-twice',
  'same-booking-number',
  'invoice-shown-twice-credit-note',
  'same-booking-number-credit-note',
  'draft-not-synced',
];

describe('closestWords', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours', () => {
    expect([
      editDistance('serve', 'serve'),
      editDistance('serv', 'serve'),
      editDistance('sreve', 'serve'),
      editDistance('tui', 'gui'),
      editDistance('', 'abc'),
    ]).toEqual([0, 1, 1, 1, 3]);
  });

  it('suggests an id and the ids that start like it, nearest first', () => {
    expect(closestWords('invoice-shown-twise', IDS)).toEqual(['invoice-shown-twice', 'invoice-shown-twice-credit-note']);
    expect(closestWords('same-bookng-number', IDS)).toEqual(['same-booking-number', 'same-booking-number-credit-note']);
  });

  it('always suggests something: the single nearest word when none is near', () => {
    expect(closestWords('bogus', ['tui', 'serve', 'scenarios', 'export'])).toEqual(['tui']);
  });

  it('writes suggestions as a list joined by "or"', () => {
    expect([orList(['a']), orList(['a', 'b']), orList(['a', 'b', 'c'])]).toEqual(["'a'", "'a' or 'b'", "'a', 'b' or 'c'"]);
  });
});
