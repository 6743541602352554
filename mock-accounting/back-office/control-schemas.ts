import { z } from 'zod';

// The bodies and queries the control routes accept, as zod schemas (also listed in GET /__mock and the OpenAPI
// document). Apart from the routes, so that the route index loads without Express (see mockRoutes).

/** The server clock as the back office shows it. */
export const ClockViewSchema = z.object({ now: z.string(), today: z.string(), frozen: z.boolean() });

// The bodies' schemas, built once: building a zod schema costs about a millisecond, and every world builds an app.
const when = z.union([z.number().int(), z.string().min(1)]);
export const ResetSchema = z.object({ seed: z.string().default('demo') }).strict();
export const ClockSchema = z.object({ now: when }).strict();
export const AdvanceSchema = z
  .object({
    days: z.number().optional(),
    hours: z.number().optional(),
    minutes: z.number().optional(),
    seconds: z.number().optional(),
    ms: z.number().optional(),
  })
  .strict();
export const ExpireSchema = z.object({ userId: z.string().optional() }).strict();
export const ErrorBudgetChangesSchema = z
  .object({
    enforce: z.boolean().optional(),
    errors: z.number().int().positive().optional(),
    windowMinutes: z.number().int().positive().max(1440).optional(),
    blockMinutes: z.number().int().positive().max(1440).optional(),
    blockStatus: z.number().int().min(400).max(599).optional(),
  })
  .strict();
/** `GET /__mock/requests?limit=N`: a limit that is not a positive whole number is ignored (the whole log). */
export const RequestsQuerySchema = z.object({
  limit: z
    .string()
    .regex(/^[1-9]\d{0,8}$/)
    .optional(),
});
