import { isIsoDay } from '../../primitives/index.js';

// The values of support's exports, as Focus and Exact write them in English and Dutch.

/**
 * An amount in integer cents, or null when the text is not one. Accepts a decimal comma or point
 * (`1.234,56`, `1,234.56`, `-544,50`, `544.5`), a currency sign or code (`€`, `EUR`), spaces, and a
 * trailing or parenthesised minus (`544,50-`, `(544,50)`). With one kind of separator, a separator
 * followed by exactly three digits groups thousands (`1.234` is 1234,00); otherwise it is the decimal one.
 */
export function parseAmountCents(text: string): number | null {
  let value = text.replace(/€|EUR/gi, '').replace(/[\s\u00a0']/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(value)) [negative, value] = [true, value.slice(1, -1)];
  if (value.endsWith('-')) [negative, value] = [!negative, value.slice(0, -1)];
  if (value.startsWith('-')) [negative, value] = [!negative, value.slice(1)];
  else if (value.startsWith('+')) value = value.slice(1);
  if (!/^[\d.,]*\d[\d.,]*$/.test(value)) return null;
  const decimal = decimalSeparator(value);
  const grouping = decimal === ',' ? '.' : ',';
  const [whole = '', fraction = '', ...rest] = value.split(decimal ?? '\u0000');
  if (rest.length > 0 || fraction.length > 2 || /[.,]/.test(fraction)) return null;
  if (whole.includes(grouping) && !/^\d{1,3}([.,]\d{3})+$/.test(whole)) return null;
  const cents = Number(whole.split(grouping).join('') || '0') * 100 + Number(fraction.padEnd(2, '0') || '0');
  if (!Number.isSafeInteger(cents)) return null;
  return negative && cents !== 0 ? -cents : cents;
}

/** Which of `,` and `.` is the decimal separator of an amount, or null when it has none. */
function decimalSeparator(value: string): ',' | '.' | null {
  const comma = value.lastIndexOf(',');
  const point = value.lastIndexOf('.');
  if (comma >= 0 && point >= 0) return comma > point ? ',' : '.';
  const separator = comma >= 0 ? ',' : point >= 0 ? '.' : null;
  if (separator === null) return null;
  const parts = value.split(separator);
  const groupsOfThree = parts.slice(1).every((part) => part.length === 3);
  return parts.length > 2 || groupsOfThree ? (separator === ',' ? '.' : ',') : separator;
}

/**
 * A day as `YYYY-MM-DD`, or null. Accepts ISO (`2026-03-02`, also with a time after it) and day-first dates as
 * Focus and Exact export them in Belgium and the Netherlands: `02-03-2026`, `2/3/2026`, `02.03.2026`.
 */
export function parseDay(text: string): string | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(value);
  const dayFirst = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
  const day = iso
    ? `${iso[1]}-${iso[2]}-${iso[3]}`
    : dayFirst
      ? `${dayFirst[3]}-${dayFirst[2]!.padStart(2, '0')}-${dayFirst[1]!.padStart(2, '0')}`
      : null;
  return day && isIsoDay(day) ? day : null;
}

/** A whole positive number (a booking number, an entry number, a next booking number), or null. */
export function parsePositiveWhole(text: string): number | null {
  const value = text.trim().replace(/^(\d{1,3})(?:[.,\s](\d{3}))+$/, (match) => match.replace(/[.,\s]/g, ''));
  if (!/^\d+$/.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** A Focus document number `YYYY/N` (also `YYYY / N` as Focus's API writes it), or null. */
export function parseDocumentNumber(text: string): { fiscalYear: number; sequence: number } | null {
  const match = /^(\d{4})\s*\/\s*(\d+)$/.exec(text.trim());
  if (!match) return null;
  const sequence = Number(match[2]);
  return sequence > 0 ? { fiscalYear: Number(match[1]), sequence } : null;
}
