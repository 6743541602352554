import { z } from 'zod';
import { normalizeGuid, parseDateInput, type EdmType, type EdmValue } from './edm.js';

// Each EDM type twice: as a request body may carry it (what `decodeBody` accepts and converts) and as the API writes it.

/** Whole numbers as a JSON number or a numeric string (osso sends strings), within the type's bounds. */
function wholeNumber(limit: number) {
  const bounded = z.number().int().min(-limit).max(limit);
  return z.union([
    bounded,
    z
      .string()
      .regex(/^\s*-?\d+\s*$/)
      .transform(Number)
      .pipe(bounded),
  ]);
}

/** The bounds of the whole-number types. */
const WHOLE_LIMITS = { Int16: 32_767, Int32: 2_147_483_647, Int64: Number.MAX_SAFE_INTEGER } as const;

/** Decimals stay below this in size (amounts in cents stay exact). */
const DECIMAL_LIMIT = 1e13;

/** Decimals as a JSON number or a numeric string, below 10^13 in size (amounts in cents stay exact). */
const decimal = (() => {
  const bounded = z.number().gt(-DECIMAL_LIMIT).lt(DECIMAL_LIMIT);
  return z.union([
    bounded,
    z
      .string()
      .regex(/^\s*-?\d+(\.\d+)?\s*$/)
      .transform(Number)
      .pipe(bounded),
  ]);
})();

/** The forms of a date a body may carry. */
const DATE_INPUT = /^(?:\/Date\(-?\d+(?:[+-]\d{4})?\)\/|\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)$/;

/** isGuid's rule as a pattern, so the documents show it: braces and upper case are tolerated, as Exact does. */
const GUID_INPUT = /^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/;

/** ISO 8601 (date or date-time) or WCF's `/Date(ms)/`, within the years 0000-9999; converted to epoch ms. */
const dateInput = z
  .string()
  .describe('ISO 8601 date or date-time, or /Date(ms)/')
  .regex(DATE_INPUT)
  .transform((value, ctx) => {
    const ms = parseDateInput(value);
    if (ms === undefined) ctx.addIssue({ code: 'custom', message: 'not a day of the years 0000-9999' });
    return ms ?? 0;
  });

/** What a request body may carry for each EDM type (null always: it clears the property), and what it becomes. */
export const EDM_INPUT = {
  Guid: z.string().regex(GUID_INPUT).transform(normalizeGuid).nullable(),
  String: z.string().nullable(),
  Boolean: z.boolean().nullable(),
  Int16: wholeNumber(WHOLE_LIMITS.Int16).nullable(),
  Int32: wholeNumber(WHOLE_LIMITS.Int32).nullable(),
  Int64: wholeNumber(WHOLE_LIMITS.Int64).nullable(),
  Double: decimal.nullable(),
  DateTime: dateInput.nullable(),
} satisfies Record<EdmType, z.ZodType>;

/** A value {@link EDM_INPUT} refuses. */
export const INVALID_INPUT = Symbol('invalid input');

/**
 * What {@link EDM_INPUT} makes of a body's value: the same answer, with the common case (a value already of its type, as
 * JSON carries it) settled without running the schema, which costs more than the rest of reading a property.
 */
export function convertInput(type: EdmType, value: unknown): EdmValue | typeof INVALID_INPUT {
  const plain = plainInput(type, value);
  if (plain !== undefined) return plain;
  const parsed = EDM_INPUT[type].safeParse(value);
  return parsed.success ? parsed.data : INVALID_INPUT;
}

/** The converted value when it needs no more than a type and bounds check; undefined when only the schema can tell. */
function plainInput(type: EdmType, value: unknown): EdmValue | undefined {
  if (value === null) return null;
  switch (type) {
    case 'String':
      return typeof value === 'string' ? value : undefined;
    case 'Boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'Int16':
    case 'Int32':
    case 'Int64':
      return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= WHOLE_LIMITS[type] ? value : undefined;
    case 'Double':
      return typeof value === 'number' && value > -DECIMAL_LIMIT && value < DECIMAL_LIMIT ? value : undefined;
    case 'Guid':
      return typeof value === 'string' && GUID_INPUT.test(value) ? normalizeGuid(value) : undefined;
    case 'DateTime':
      return undefined;
  }
}

/** How the API writes each EDM type in OData v2 JSON (`formatValue`): dates as `/Date(ms)/`, GUIDs lower-case. */
export const EDM_OUTPUT = {
  Guid: z
    .string()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    .nullable(),
  String: z.string().nullable(),
  Boolean: z.boolean().nullable(),
  Int16: z.number().int().min(-32_768).max(32_767).nullable(),
  Int32: z.number().int().min(-2_147_483_648).max(2_147_483_647).nullable(),
  Int64: z.number().int().nullable(),
  Double: z.number().nullable(),
  DateTime: z
    .string()
    .regex(/^\/Date\(-?\d+\)\/$/)
    .nullable(),
} satisfies Record<EdmType, z.ZodType>;
