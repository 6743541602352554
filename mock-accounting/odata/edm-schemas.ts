import { z } from 'zod';
import { normalizeGuid, parseDateInput, type EdmType } from './edm.js';

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

/** Decimals as a JSON number or a numeric string, below 10^13 in size (amounts in cents stay exact). */
const decimal = (() => {
  const bounded = z.number().gt(-1e13).lt(1e13);
  return z.union([
    bounded,
    z
      .string()
      .regex(/^\s*-?\d+(\.\d+)?\s*$/)
      .transform(Number)
      .pipe(bounded),
  ]);
})();

/** ISO 8601 (date or date-time) or WCF's `/Date(ms)/`, within the years 0000-9999; converted to epoch ms. */
const dateInput = z
  .string()
  .describe('ISO 8601 date or date-time, or /Date(ms)/')
  .regex(/^(?:\/Date\(-?\d+(?:[+-]\d{4})?\)\/|\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)$/)
  .transform((value, ctx) => {
    const ms = parseDateInput(value);
    if (ms === undefined) ctx.addIssue({ code: 'custom', message: 'not a day of the years 0000-9999' });
    return ms ?? 0;
  });

/** What a request body may carry for each EDM type (null always: it clears the property), and what it becomes. */
export const EDM_INPUT = {
  // isGuid's rule as a pattern, so the documents show it: braces and upper case are tolerated, as Exact does.
  Guid: z
    .string()
    .regex(/^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/)
    .transform(normalizeGuid)
    .nullable(),
  String: z.string().nullable(),
  Boolean: z.boolean().nullable(),
  Int16: wholeNumber(32_767).nullable(),
  Int32: wholeNumber(2_147_483_647).nullable(),
  Int64: wholeNumber(Number.MAX_SAFE_INTEGER).nullable(),
  Double: decimal.nullable(),
  DateTime: dateInput.nullable(),
} satisfies Record<EdmType, z.ZodType>;

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
