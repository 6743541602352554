import { isCalendarDay } from '../../primitives/index.js';
import { MAX_AMOUNT_CENTS } from '../domain/money.js';

/** The OData (EDM) types the mock's entities use. */
export type EdmType = 'Guid' | 'String' | 'Int16' | 'Int32' | 'Int64' | 'Double' | 'Boolean' | 'DateTime';

/** A property value inside the mock: DateTime is epoch ms, Double is a decimal number, Guid a lowercase string. */
export type EdmValue = string | number | boolean | null;

/** A row of an entity set before formatting: property name to value. */
export type Row = Record<string, EdmValue>;

/** The property types of an entity set. */
export type FieldTypes = Record<string, EdmType>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a GUID in Exact's form (braces and case are tolerated, as Exact does). */
export function isGuid(value: string): boolean {
  return GUID.test(value.replace(/^\{|\}$/g, ''));
}

/** Lower-cases a GUID and strips braces. */
export function normalizeGuid(value: string): string {
  return value.replace(/^\{|\}$/g, '').toLowerCase();
}

/** Formats epoch ms as OData v2 JSON: `/Date(1641034800000)/`. */
export function formatDate(epochMs: number): string {
  return `/Date(${epochMs})/`;
}

/** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z: the times whose date `YYYY-MM-DD` can write. */
const FIRST_MS = -62_167_219_200_000;
const LAST_MS = 253_402_300_799_999;

/**
 * Parses a date as clients send it: ISO 8601 (date or date-time) or `/Date(ms)/`; undefined when neither, or
 * when the time falls outside the years 0000-9999 (a date the state, which keeps `YYYY-MM-DD`, could not hold).
 */
export function parseDateInput(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const wcf = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/.exec(value);
  if (wcf) return inYearRange(Number(wcf[1]));
  if (!/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value) || !isCalendarDay(value)) return undefined;
  const iso = value.length === 10 ? `${value}T00:00:00Z` : /Z|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value}Z`;
  return inYearRange(Date.parse(iso.replace(' ', 'T')));
}

function inYearRange(ms: number): number | undefined {
  return ms >= FIRST_MS && ms <= LAST_MS ? ms : undefined;
}

/** Converts cents to the decimal amount Exact shows (12345 → 123.45). */
export function centsToAmount(cents: number): number {
  return cents / 100;
}

/** Reads an amount sent as a number or a numeric string (osso sends strings) into cents; undefined when not a number. */
export function parseAmountInput(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(number) || Math.abs(number) * 100 > MAX_AMOUNT_CENTS) return undefined;
  return Math.round(number * 100);
}

/** Formats a row value for JSON output according to its EDM type. */
export function formatValue(type: EdmType, value: EdmValue): unknown {
  if (value === null) return null;
  return type === 'DateTime' && typeof value === 'number' ? formatDate(value) : value;
}
