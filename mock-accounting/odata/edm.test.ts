import { describe, expect, it } from 'vitest';
import { centsToAmount, formatDate, formatValue, isGuid, normalizeGuid, parseAmountInput, parseDateInput } from './edm.js';

const GUID = '6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f';

describe('parseDateInput: dates as clients send them', () => {
  it('reads an ISO date as UTC midnight', () => {
    expect(parseDateInput('2026-03-02')).toBe(Date.UTC(2026, 2, 2));
    expect(parseDateInput('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
  });

  it('reads an ISO date-time, without a zone as UTC, with Z or an offset', () => {
    expect(parseDateInput('2026-03-02T10:15:00')).toBe(Date.UTC(2026, 2, 2, 10, 15));
    expect(parseDateInput('2026-03-02T10:15:00Z')).toBe(Date.UTC(2026, 2, 2, 10, 15));
    expect(parseDateInput('2026-03-02T10:15:00.250Z')).toBe(Date.UTC(2026, 2, 2, 10, 15, 0, 250));
    expect(parseDateInput('2026-03-02T10:15:00+02:00')).toBe(Date.UTC(2026, 2, 2, 8, 15));
    expect(parseDateInput('2026-03-02T10:15:00-0100')).toBe(Date.UTC(2026, 2, 2, 11, 15));
    expect(parseDateInput('2026-03-02 10:15:00')).toBe(Date.UTC(2026, 2, 2, 10, 15));
  });

  it('reads /Date(ms)/ as picqer re-sends it, ignoring a trailing offset', () => {
    expect(parseDateInput('/Date(1641034800000)/')).toBe(1641034800000);
    expect(parseDateInput('/Date(1641034800000+0100)/')).toBe(1641034800000);
    expect(parseDateInput('/Date(-86400000)/')).toBe(-86400000);
  });

  it.each([
    ['yesterday'],
    [''],
    ['2026-3-2'],
    ['02-03-2026'],
    ['2026/03/02'],
    ['2026-03-02T'],
    ['2026-03-02T25:00:00'],
    ['2026-13-01'],
    ['2026-02-30'],
    ['2025-02-29'],
    ['2026-04-31'],
    ['2026-03-00'],
    ['/Date(abc)/'],
    ['Date(1641034800000)'],
    [' 2026-03-02'],
  ])('gives undefined for %j', (text) => {
    expect(parseDateInput(text)).toBeUndefined();
  });

  it('gives undefined for what is not a string', () => {
    expect(parseDateInput(1641034800000)).toBeUndefined();
    expect(parseDateInput(null)).toBeUndefined();
    expect(parseDateInput(undefined)).toBeUndefined();
    expect(parseDateInput({})).toBeUndefined();
  });
});

describe('parseAmountInput: amounts as numbers or numeric strings, into cents', () => {
  it('reads numbers', () => {
    expect(parseAmountInput(100)).toBe(10000);
    expect(parseAmountInput(12.34)).toBe(1234);
    expect(parseAmountInput(-60.5)).toBe(-6050);
    expect(parseAmountInput(0)).toBe(0);
    expect(parseAmountInput(19.99)).toBe(1999);
    expect(parseAmountInput(0.1 + 0.2)).toBe(30);
  });

  it('reads numeric strings, as osso sends them, with surrounding spaces', () => {
    expect(parseAmountInput('100.00')).toBe(10000);
    expect(parseAmountInput(' 12.5 ')).toBe(1250);
    expect(parseAmountInput('-3.10')).toBe(-310);
    expect(parseAmountInput('7')).toBe(700);
  });

  it.each([
    ['abc'],
    [''],
    ['12,50'],
    ['1e3'],
    ['€12'],
    ['12.'],
    ['.5'],
    ['--1'],
    [NaN],
    [Infinity],
    [1e14],
    ['99999999999999'],
    [null],
    [undefined],
    [true],
    [[1]],
  ])('gives undefined for %j', (value) => {
    expect(parseAmountInput(value)).toBeUndefined();
  });
});

describe('GUIDs', () => {
  it('accepts lower, upper and braced GUIDs and normalizes them to lower case without braces', () => {
    expect(isGuid(GUID)).toBe(true);
    expect(isGuid(GUID.toUpperCase())).toBe(true);
    expect(isGuid(`{${GUID}}`)).toBe(true);
    expect(normalizeGuid(`{${GUID.toUpperCase()}}`)).toBe(GUID);
  });

  it('refuses what is not a GUID', () => {
    expect(isGuid('not-a-guid')).toBe(false);
    expect(isGuid(GUID.slice(1))).toBe(false);
    expect(isGuid(`${GUID}0`)).toBe(false);
    expect(isGuid(GUID.replace(/-/g, ''))).toBe(false);
    expect(isGuid(GUID.replace('6', 'g'))).toBe(false);
  });
});

describe('output formatting', () => {
  it('writes dates as /Date(ms)/', () => {
    expect(formatDate(1641034800000)).toBe('/Date(1641034800000)/');
    expect(formatValue('DateTime', Date.UTC(2026, 2, 2))).toBe(`/Date(${Date.UTC(2026, 2, 2)})/`);
  });

  it('writes other values as they are, and null as null', () => {
    expect(formatValue('Double', 12.5)).toBe(12.5);
    expect(formatValue('String', 'x')).toBe('x');
    expect(formatValue('DateTime', null)).toBeNull();
    expect(formatValue('Int64', 387)).toBe(387);
  });

  it('shows cents as a decimal amount', () => {
    expect(centsToAmount(12345)).toBe(123.45);
    expect(centsToAmount(-600)).toBe(-6);
    expect(centsToAmount(0)).toBe(0);
  });
});
