import { z } from 'zod';
import { RateLimitChangesSchema } from '../testbed/index.js';

/**
 * The accounting options a case file may carry: how the server behaves (numbering, deletion rules, limits),
 * never where it runs, where it stores data or what code it calls. A case file is data from a ticket; it does
 * not configure the process that opens it. Numbers are bounded, so a case cannot ask for what no server holds.
 */
export const CaseAccountingOptionsSchema = z.object({
  numbering: z
    .object({ mode: z.enum(['counter', 'max']).optional(), perYear: z.boolean().optional() })
    .strict()
    .optional(),
  deletion: z.object({ refuseInClosedPeriod: z.boolean().optional(), refuseWhenPaid: z.boolean().optional() }).strict().optional(),
  businessErrorStatus: z.union([z.literal(400), z.literal(500)]).optional(),
  rateLimits: RateLimitChangesSchema.optional(),
  yukiDailyCalls: z.number().min(1).max(1_000_000_000).int().optional(),
  mandatoryAccountFilter: z.boolean().optional(),
  enforceTokenInterval: z.boolean().optional(),
  requestLogSize: z.number().min(1).max(100_000).int().optional(),
  approveAs: z.string().min(1).max(64).optional(),
});

/** The accounting options of a case file. */
export type CaseAccountingOptions = z.infer<typeof CaseAccountingOptionsSchema>;

/** The names a case file may set, for messages. */
export const CASE_ACCOUNTING_OPTIONS = Object.keys(CaseAccountingOptionsSchema.shape);
