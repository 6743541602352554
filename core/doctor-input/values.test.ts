import { describe, expect, it } from 'vitest';
import { parseAmountCents, parseDay, parseDocumentNumber, parsePositiveWhole } from './values.js';

describe('parseAmountCents', () => {
  it.each([
    ['1.234,56', 123456],
    ['-544,50', -54450],
    ['544,5', 54450],
    ['1,234.56', 123456],
    ['1234.56', 123456],
    ['1234', 123400],
    ['1.234', 123400],
    ['1.234.567,89', 123456789],
    ['€ 1.210,00', 121000],
    ['EUR -12,00', -1200],
    ['544,50-', -54450],
    ['(544,50)', -54450],
    ['0,00', 0],
    ['1 210,00', 121000],
  ])('reads %s as %i cents', (text, cents) => {
    expect(parseAmountCents(text)).toBe(cents);
  });

  it.each(['', 'abc', '12,345,6', '1,2,3', '12.3456', '1.23,45', '--5', '5 euro'])('refuses %j', (text) => {
    expect(parseAmountCents(text)).toBeNull();
  });
});

describe('parseDay', () => {
  it.each([
    ['2026-03-02', '2026-03-02'],
    ['02-03-2026', '2026-03-02'],
    ['2/3/2026', '2026-03-02'],
    ['02.03.2026', '2026-03-02'],
    ['2026-03-02T00:00:00Z', '2026-03-02'],
    ['29-02-2024', '2024-02-29'],
  ])('reads %s as %s', (text, day) => {
    expect(parseDay(text)).toBe(day);
  });

  it.each(['', '31-02-2026', '2026-13-01', '03/02/26', 'gisteren', '2026/03/02'])('refuses %j', (text) => {
    expect(parseDay(text)).toBeNull();
  });
});

describe('document and booking numbers', () => {
  it('reads Focus numbers with or without spaces around the slash', () => {
    expect(parseDocumentNumber('2026/7')).toEqual({ fiscalYear: 2026, sequence: 7 });
    expect(parseDocumentNumber('2017 / 5')).toEqual({ fiscalYear: 2017, sequence: 5 });
    expect(parseDocumentNumber('F-2026-7')).toBeNull();
    expect(parseDocumentNumber('2026/0')).toBeNull();
  });

  it('reads whole booking numbers, also with a thousands separator, and refuses letters and signs', () => {
    expect(parsePositiveWhole('1005')).toBe(1005);
    expect(parsePositiveWhole('1.005')).toBe(1005);
    expect(parsePositiveWhole('F1005')).toBeNull();
    expect(parsePositiveWhole('-3')).toBeNull();
    expect(parsePositiveWhole('0')).toBeNull();
    expect(parsePositiveWhole('10.5')).toBeNull();
  });
});
