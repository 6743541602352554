import { describe, expect, it } from 'vitest';
import { syncMessages } from '../messages/sync-messages.js';
import { checkVatNumber } from './vat-number.js';

describe('R15: "Invalid VAT number" (focus-side.md §1a formats)', () => {
  it.each([
    ['BE0412345678'],
    ['BE1412345678'],
    ['BE 0412.345.678'],
    ['be0412345678'],
    ['NL812345678B01'],
    ['FR12345678901'],
    ['FRXX123456789'],
    ['IT12345678901'],
    ['ESX1234567X'],
    ['ES12345678Z'],
    ['CHE-123.456.789 TVA'],
    ['CHE123456789MWST'],
    ['CHE-123.456.789 IVA'],
  ])('R15: accepts the well-formed VAT number %s', (vatNumber) => {
    expect(checkVatNumber(vatNumber)).toEqual({ ok: true, value: undefined });
  });

  it.each([
    ['BE2412345678', 'BE0999999999'],
    ['BE041234567', 'BE0999999999'],
    ['BE04123456789', 'BE0999999999'],
    ['NL812345678C01', 'NL999999999B99'],
    ['NL81234567B01', 'NL999999999B99'],
    ['FR1234567890', 'FRXX 999999999'],
    ['IT1234567890', 'IT99999999999'],
    ['ES1234567X', 'ESX9999999X'],
    ['CHE-123.456.789', 'CHE-999.999.999 TVA'],
    ['CHE-123.456.789 ABC', 'CHE-999.999.999 TVA'],
  ])('R15: refuses %s and shows the format %s', (vatNumber, example) => {
    expect(checkVatNumber(vatNumber)).toMatchObject({ ok: false, problem: { code: 'invalid_format', example } });
  });

  it('R15: numbers of countries without a known format are not checked', () => {
    expect(checkVatNumber('DE123')).toEqual({ ok: true, value: undefined });
    expect(checkVatNumber('LU12345678')).toEqual({ ok: true, value: undefined });
  });

  it('R15: the bell text names the number, the company and the format', () => {
    expect(syncMessages.invalidVatNumber('Atelier Lumière', 'BE123', 'BE0999999999')).toBe(
      'Invalid VAT number BE123 of Atelier Lumière: use the format BE0999999999.',
    );
  });
});
