import { describe, expect, it } from 'vitest';
import { datePart, envelopeMessage, parseODataJson } from './odata-json.js';

// exact-api.md §4 (dates come as "/Date(ms)/") and §5 (the error envelope).

describe('parseODataJson', () => {
  it('turns /Date(ms)/ into an ISO date-time (UTC)', () => {
    expect(parseODataJson('{"EntryDate":"/Date(1641034800000)/"}')).toEqual({ EntryDate: '2022-01-01T11:00:00.000Z' });
  });

  it('finds dates at any depth, in objects and arrays', () => {
    const text = JSON.stringify({
      d: {
        results: [
          { EntryDate: '/Date(1772409600000)/', SalesEntryLines: { results: [{ VATDate: '/Date(0)/' }] } },
          { EntryDate: null, Dates: ['/Date(86400000)/'] },
        ],
        __next: "https://start.exactonline.nl/api/v1/1/x?$skiptoken=guid'a'",
      },
    });
    expect(parseODataJson(text)).toEqual({
      d: {
        results: [
          { EntryDate: '2026-03-02T00:00:00.000Z', SalesEntryLines: { results: [{ VATDate: '1970-01-01T00:00:00.000Z' }] } },
          { EntryDate: null, Dates: ['1970-01-02T00:00:00.000Z'] },
        ],
        __next: "https://start.exactonline.nl/api/v1/1/x?$skiptoken=guid'a'",
      },
    });
  });

  it('reads negative epochs and ignores a WCF offset suffix (the milliseconds are UTC already)', () => {
    expect(parseODataJson('["/Date(-86400000)/","/Date(1641034800000+0100)/","/Date(1641034800000-0500)/"]')).toEqual([
      '1969-12-31T00:00:00.000Z',
      '2022-01-01T11:00:00.000Z',
      '2022-01-01T11:00:00.000Z',
    ]);
  });

  it('reads the escaped form WCF writes and a date under an own `__proto__` key', () => {
    const parsed = parseODataJson('{"d":{"Created":"\\/Date(0)\\/","__proto__":"/Date(86400000)/"}}') as { d: Record<string, unknown> };
    expect(parsed.d.Created).toBe('1970-01-01T00:00:00.000Z');
    expect(Object.getOwnPropertyDescriptor(parsed.d, '__proto__')?.value).toBe('1970-01-02T00:00:00.000Z');
    expect(Object.getPrototypeOf(parsed.d)).toBe(Object.prototype);
  });

  it('leaves strings that only look like dates, and all other values, alone', () => {
    const values = {
      text: 'Invoice /Date(1641034800000)/',
      padded: ' /Date(1641034800000)/',
      noSlashes: 'Date(1641034800000)',
      fraction: '/Date(1641034800000.5)/',
      iso: '2022-01-01T11:00:00Z',
      number: 1641034800000,
      bool: true,
      nothing: null,
    };
    expect(parseODataJson(JSON.stringify(values))).toEqual(values);
  });

  it('throws on text that is not JSON (the client turns that into a rejected answer)', () => {
    expect(() => parseODataJson('<html>Object moved</html>')).toThrow(SyntaxError);
  });
});

describe('datePart', () => {
  it('takes YYYY-MM-DD from an ISO date-time or date', () => {
    expect(datePart('2022-01-01T11:00:00.000Z')).toBe('2022-01-01');
    expect(datePart('2026-03-02')).toBe('2026-03-02');
  });

  it('is null for anything else', () => {
    expect(datePart(null)).toBeNull();
    expect(datePart(undefined)).toBeNull();
    expect(datePart(1641034800000)).toBeNull();
    expect(datePart('/Date(1641034800000)/')).toBeNull();
    expect(datePart('01-01-2022')).toBeNull();
  });
});

describe('envelopeMessage', () => {
  it("reads the text of Exact's error envelope", () => {
    expect(envelopeMessage('{"error":{"code":"","message":{"lang":"","value":"In use: Entry number"}}}')).toBe('In use: Entry number');
  });

  it('keeps several messages joined with \\r\\n', () => {
    const value = 'Mandatory: Relationship\r\nInvalid reference: Cost unit\r\nMandatory: Diary';
    expect(envelopeMessage(JSON.stringify({ error: { code: '', message: { lang: '', value } } }))).toBe(value);
  });

  it('accepts a plain string message', () => {
    expect(envelopeMessage('{"error":{"code":"","message":"Periode is afgesloten"}}')).toBe('Periode is afgesloten');
  });

  it('falls back to the trimmed body text when it is not an envelope', () => {
    expect(envelopeMessage('Bad Request - Error in query syntax.\r\n')).toBe('Bad Request - Error in query syntax.');
    expect(envelopeMessage('{"error":"invalid_request"}')).toBe('{"error":"invalid_request"}');
    expect(envelopeMessage('null')).toBe('null');
  });

  it('says so when the body is empty', () => {
    expect(envelopeMessage('')).toBe('(empty answer)');
    expect(envelopeMessage('  \r\n')).toBe('(empty answer)');
  });
});
