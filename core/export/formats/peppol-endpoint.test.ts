import { describe, expect, it } from 'vitest';
import { compactVatNumber, isBelgianEnterpriseNumber, peppolEndpoint } from './peppol-endpoint.js';

describe('Peppol endpoints derived from VAT numbers', () => {
  it('a Belgian enterprise number has 10 digits, the last two being 97 less the first eight modulo 97', () => {
    expect(['0123456749', '0412345614', '0876543270'].map(isBelgianEnterpriseNumber)).toEqual([true, true, true]);
    expect(['0123456789', '0412345678', '123456749', '01234567490', 'O123456749'].map(isBelgianEnterpriseNumber)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('BE gives scheme 0208 with the enterprise number, NL 9944 and other EU countries their 99xx VAT scheme with the VAT number', () => {
    expect(peppolEndpoint('be 0123.456.749')).toEqual({ ok: true, value: { schemeId: '0208', id: '0123456749' } });
    expect(peppolEndpoint('NL123456789B01')).toEqual({ ok: true, value: { schemeId: '9944', id: 'NL123456789B01' } });
    expect(peppolEndpoint('FR40303265045')).toEqual({ ok: true, value: { schemeId: '9957', id: 'FR40303265045' } });
    expect(peppolEndpoint('DE123456789')).toEqual({ ok: true, value: { schemeId: '9930', id: 'DE123456789' } });
    expect(peppolEndpoint('EL123456789')).toEqual({ ok: true, value: { schemeId: '9933', id: 'EL123456789' } });
    expect(compactVatNumber(' fr-40 303 265 045 ')).toBe('FR40303265045');
  });

  it('a Belgian number with wrong check digits and a country without Peppol VAT scheme give no endpoint, saying why', () => {
    expect(peppolEndpoint('BE0123456789')).toEqual({
      ok: false,
      problem: { code: 'invalid_enterprise_number', message: expect.stringContaining('not a valid Belgian enterprise number') },
    });
    expect(peppolEndpoint('BE123456749')).toEqual({
      ok: false,
      problem: { code: 'invalid_enterprise_number', message: expect.stringContaining('PEPPOL-COMMON-R043') },
    });
    expect(peppolEndpoint('DK12345678')).toEqual({
      ok: false,
      problem: { code: 'no_vat_scheme', message: expect.stringContaining('starts with "DK"') },
    });
    expect(peppolEndpoint('')).toEqual({
      ok: false,
      problem: { code: 'no_vat_scheme', message: expect.stringContaining('starts with ""') },
    });
  });
});
