import type { Result } from '../../../primitives/index.js';
import { compactVatNumber } from '../../integration/vat-number.js';

// A party's Peppol electronic address (EndpointID, BT-34/BT-49), which BIS Billing 3.0 requires for seller and
// buyer (PEPPOL-EN16931-R020/R010). Focus knows no Peppol ID, so it is derived from the VAT number:
// - BE: scheme 0208, the 10-digit enterprise number (the Belgian Peppol default; the VAT number without `BE`);
// - NL: scheme 9944, the VAT number;
// - other countries: Peppol's VAT-number scheme of that country (99xx, the VAT number with its prefix);
// - countries whose Peppol schemes are not VAT numbers (DK, FI, IT, NO, SE …) are not derived: the check says so.

// The compact VAT number the endpoint is derived from, for the UBL parties too.
export { compactVatNumber };

/** A Peppol participant id: an EAS scheme and the identifier in it. */
export interface PeppolEndpoint {
  schemeId: string;
  id: string;
}

/** Why a VAT number gives no endpoint; `message` is a phrase that completes "The VAT number … ". */
export interface EndpointProblem {
  code: 'missing' | 'invalid_enterprise_number' | 'no_vat_scheme';
  message: string;
}

/** The endpoint, or why the VAT number gives none. */
export type EndpointResult = Result<PeppolEndpoint, EndpointProblem>;

/** Peppol EAS codes of VAT numbers, by VAT prefix (Peppol code list "EAS"). */
const VAT_SCHEMES: Record<string, string> = {
  HU: '9910',
  AT: '9914',
  ES: '9920',
  AD: '9922',
  AL: '9923',
  BA: '9924',
  BG: '9926',
  CH: '9927',
  CY: '9928',
  CZ: '9929',
  DE: '9930',
  EE: '9931',
  GB: '9932',
  EL: '9933',
  GR: '9933',
  HR: '9934',
  IE: '9935',
  LI: '9936',
  LT: '9937',
  LU: '9938',
  LV: '9939',
  MC: '9940',
  ME: '9941',
  MK: '9942',
  MT: '9943',
  NL: '9944',
  PL: '9945',
  PT: '9946',
  RO: '9947',
  RS: '9948',
  SI: '9949',
  SK: '9950',
  SM: '9951',
  TR: '9952',
  VA: '9953',
  FR: '9957',
};

/** Whether ten digits are a Belgian enterprise number: the last two are 97 less the first eight modulo 97 (PEPPOL-COMMON-R043). */
export function isBelgianEnterpriseNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  return 97 - (Number(digits.slice(0, 8)) % 97) === Number(digits.slice(8));
}

/** The Peppol endpoint a VAT number gives, as described at the top of this file. */
export function peppolEndpoint(vatNumber: string): EndpointResult {
  const compact = compactVatNumber(vatNumber);
  const prefix = compact.slice(0, 2);
  if (prefix === 'BE') {
    const digits = compact.slice(2);
    if (!isBelgianEnterpriseNumber(digits)) {
      return {
        ok: false,
        problem: {
          code: 'invalid_enterprise_number',
          message:
            'is not a valid Belgian enterprise number (ten digits, the last two being 97 less the first eight modulo 97), which Peppol refuses (PEPPOL-COMMON-R043)',
        },
      };
    }
    return { ok: true, value: { schemeId: '0208', id: digits } };
  }
  const schemeId = VAT_SCHEMES[prefix];
  if (!schemeId)
    return {
      ok: false,
      problem: {
        code: 'no_vat_scheme',
        message: `starts with "${prefix}", a country for which Peppol has no VAT-number scheme, so the customer's Peppol ID cannot be derived from it`,
      },
    };
  return { ok: true, value: { schemeId, id: compact } };
}
