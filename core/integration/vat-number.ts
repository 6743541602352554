import type { Result } from '../../primitives/index.js';

/** VAT number formats Focus accepts per country (focus-side.md, "Invalid VAT number"). */
const FORMATS: Record<string, { pattern: RegExp; example: string }> = {
  BE: { pattern: /^BE[01]\d{9}$/, example: 'BE0999999999' },
  NL: { pattern: /^NL\d{9}B\d{2}$/, example: 'NL999999999B99' },
  FR: { pattern: /^FR[0-9A-Z]{2}\d{9}$/, example: 'FRXX 999999999' },
  IT: { pattern: /^IT\d{11}$/, example: 'IT99999999999' },
  ES: { pattern: /^ES[0-9A-Z]\d{7}[0-9A-Z]$/, example: 'ESX9999999X' },
  CH: { pattern: /^CHE\d{9}(TVA|MWST|IVA)$/, example: 'CHE-999.999.999 TVA' },
};

/** A VAT number without spaces, dots and dashes, in capitals (`be 0123.456.749` → `BE0123456749`). */
export function compactVatNumber(vatNumber: string): string {
  return vatNumber.replace(/[\s.-]/g, '').toUpperCase();
}

/** A VAT number without its country's format, and an example of that format. */
export interface VatNumberProblem {
  code: 'invalid_format';
  example: string;
  message: string;
}

/** Whether a VAT number has its country's format; numbers of other countries are not checked. */
export function checkVatNumber(vatNumber: string): Result<void, VatNumberProblem> {
  const compact = compactVatNumber(vatNumber);
  const format = FORMATS[compact.slice(0, 2)] ?? (compact.startsWith('CHE') ? FORMATS.CH : undefined);
  if (!format || format.pattern.test(compact)) return { ok: true, value: undefined };
  const message = `The VAT number ${vatNumber} does not have its country's format: write it as ${format.example}.`;
  return { ok: false, problem: { code: 'invalid_format', example: format.example, message } };
}
