// Checks a text field as it is typed: a bad date or journal is flagged at once, a half-typed one is only incomplete.

import type { PromptPurpose } from './app-state.js';

/** How a field's value stands: fine, on its way to fine, or wrong (with what to type instead). */
export type FieldCheck = { state: 'ok' } | { state: 'incomplete'; message: string } | { state: 'bad'; message: string };

const DATE_FIELDS = new Set(['field:delinkDate', 'field:startDate', 'export:from', 'export:to']);
const JOURNAL_FIELDS = new Set(['field:invoiceJournal', 'field:creditNoteJournal']);
const NUMBER_FIELDS = new Set(['export:startValue']);

/** True for a real calendar day written YYYY-MM-DD. */
export function isIsoDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

/** True while `value` can still become a date: `2026-0`, `2026-02-1`. */
function datePrefix(value: string): boolean {
  const match = /^(\d{0,4})(?:-(\d{0,2})(?:-(\d{0,2}))?)?$/.exec(value);
  if (!match) return false;
  const [, year = '', month, day] = match;
  if (month !== undefined && year.length < 4) return false;
  if (month && (Number(month[0]) > 1 || (month.length === 2 && (Number(month) < 1 || Number(month) > 12)))) return false;
  if (day !== undefined && (month ?? '').length < 2) return false;
  if (day && (Number(day[0]) > 3 || (day.length === 2 && (Number(day) < 1 || Number(day) > 31)))) return false;
  return true;
}

/** Checks what the field of `purpose` holds now. */
export function checkField(purpose: PromptPurpose, value: string): FieldCheck {
  if (DATE_FIELDS.has(purpose)) {
    if (isIsoDay(value)) return { state: 'ok' };
    if (value.length < 10 && datePrefix(value)) return { state: 'incomplete', message: 'type a date: YYYY-MM-DD' };
    return { state: 'bad', message: `${JSON.stringify(value)} is not a date: type YYYY-MM-DD, e.g. 2026-02-19` };
  }
  if (JOURNAL_FIELDS.has(purpose)) {
    if (/^\d+$/.test(value)) return { state: 'ok' };
    if (value === '') return { state: 'incomplete', message: 'type the journal code: 70' };
    return { state: 'bad', message: `${JSON.stringify(value)} is not a journal code: type its digits, e.g. 70` };
  }
  if (NUMBER_FIELDS.has(purpose)) {
    if (/^\d+$/.test(value)) return { state: 'ok' };
    if (value === '') return { state: 'incomplete', message: 'type a number: 100000' };
    return { state: 'bad', message: `${JSON.stringify(value)} is not a number: type its digits, e.g. 100000` };
  }
  if (purpose === 'save-case') {
    if (value.trim() === '') return { state: 'incomplete', message: 'type a file name: case.json' };
    if (/[\\/]$/.test(value)) return { state: 'bad', message: 'that is a folder: add a file name, e.g. case.json' };
    return { state: 'ok' };
  }
  return { state: 'ok' };
}
