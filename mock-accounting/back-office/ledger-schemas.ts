import { z } from 'zod';
import { isIsoDay } from '../../primitives/index.js';
import type { Ref } from '../domain/sales-entries.js';
import { MAX_AMOUNT_CENTS } from '../domain/money.js';
import { MAX_ENTRY_NUMBER } from '../store/index.js';

// The bodies and queries the ledger routes accept, as zod schemas (also listed in GET /__mock and the OpenAPI document).

const isoDate = z.string().refine(isIsoDay, 'use an existing day as YYYY-MM-DD');
const guid = z.string().regex(/^[0-9a-fA-F-]{36}$/, 'use a GUID');
// Bounds before int(): its own bound (the safe integers) would otherwise be the one a too large value is told about.
/** Amounts in cents, bounded as the API bounds them, so no sum of them leaves the numbers JSON keeps exact. */
const cents = z.number().min(-MAX_AMOUNT_CENTS).max(MAX_AMOUNT_CENTS).int();
const entryNumber = z.number().max(MAX_ENTRY_NUMBER).int().positive();

/** A booking line entered by hand: the G/L account by code (or id), amounts in cents. */
const HandLineSchema = z
  .object({
    glAccountCode: z.string().min(1).optional(),
    glAccountId: guid.optional(),
    amountCents: cents,
    vatCode: z.string().min(1).optional(),
    vatAmountCents: cents.optional(),
    description: z.string().max(255).optional(),
    quantity: z.number().optional(),
    costCenter: z.string().min(1).max(8).optional(),
  })
  .strict();

/** A booking entered by hand in Exact: the customer by code (or id), lines as {@link HandLineSchema}. */
export const HandBookingSchema = z
  .object({
    entryNumber: entryNumber.optional(),
    customerCode: z.string().min(1).optional(),
    customerId: guid.optional(),
    entryDate: isoDate.optional(),
    dueDate: isoDate.optional(),
    yourRef: z.string().max(60).optional(),
    description: z.string().max(255).optional(),
    lines: z.array(HandLineSchema).min(1),
  })
  .strict();

// The other bodies' schemas, built once (a zod schema costs about a millisecond to build, and every world builds an app).
export const AnyBody = z.any();
export const NextNumberSchema = z.object({ value: entryNumber, year: z.number().min(1).max(9999).int().optional() }).strict();
export const LinesSchema = z.object({ lines: z.array(HandLineSchema).min(1) }).strict();
export const PaymentSchema = z.object({ amountCents: cents.optional(), date: isoDate.optional() }).strict();
/** Bookings to delete one after the other, in this order (highest first, as a plan says). */
export const DeletionsSchema = z
  .object({ bookings: z.array(z.object({ journal: z.string().min(1), entryNumber }).strict()).min(1) })
  .strict();
export const PeriodSchema = z.object({ closed: z.boolean() }).strict();
/** `?year=YYYY` picks a booking by number when numbering per year gives the number in several years. */
export const BookingQuerySchema = z.object({
  year: z
    .string()
    .regex(/^\d{1,4}$/)
    .optional(),
});

export const handLine = (l: z.infer<typeof HandLineSchema>) => ({
  glAccount: ref(l.glAccountId, l.glAccountCode),
  amountCents: l.amountCents,
  vatCode: l.vatCode,
  vatAmountCents: l.vatAmountCents,
  description: l.description,
  quantity: l.quantity,
  costCenter: l.costCenter,
});

export const ref = (id: string | undefined, code: string | undefined): Ref | undefined =>
  id ? { id: id.toLowerCase() } : code ? { code } : undefined;
