/** Milliseconds in one day, for date arithmetic on epoch ms. */
export const DAY_MS = 86_400_000;

/**
 * Parses an epoch-ms number or an ISO date (`YYYY-MM-DD`, taken as UTC midnight) or date-time. Throws on a
 * day that does not exist (`2026-02-30`, which Date.parse would roll over) and on a time no Date can hold.
 */
export function toEpochMs(value: number | string): number {
  if (typeof value === 'string') {
    const known = DAYS.get(value);
    if (known !== undefined) return known;
  }
  const ms = typeof value === 'number' ? value : Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (!isValidTime(ms) || (typeof value === 'string' && !isCalendarDay(value))) {
    throw new TypeError(`Not a date: "${value}". Use YYYY-MM-DD or an ISO date-time.`);
  }
  if (typeof value === 'string' && value.length === 10) {
    if (DAYS.size >= MAX_DAYS) DAYS.clear();
    DAYS.set(value, ms);
  }
  return ms;
}

/** Days already parsed: every row of a list writes its dates, and a ledger's rows share few days. */
const DAYS = new Map<string, number>();
const MAX_DAYS = 10_000;

/** True for epoch ms that a Date can hold (at most 8.64e15 ms from 1970). */
export function isValidTime(ms: number): boolean {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;
}

/** False when a text that starts with `YYYY-MM-DD` names a month or day that does not exist (`2026-02-30`, `2026-13-01`). */
export function isCalendarDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return true;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

/** True for an existing day written `YYYY-MM-DD` (and nothing else). */
export function isIsoDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && isCalendarDay(text);
}

/** Formats epoch ms as the ISO date `YYYY-MM-DD` (UTC). */
export function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** The start (00:00 UTC) of the day that epoch ms fall in, as epoch ms. */
export function utcDayStart(epochMs: number): number {
  return Math.floor(epochMs / DAY_MS) * DAY_MS;
}

/** Adds whole days to an ISO date. */
export function addDays(date: string, days: number): string {
  return isoDate(toEpochMs(date) + days * DAY_MS);
}
