import { z } from 'zod';

// The field types scenario files share: dates, kinds, journals, invariant ids, invoice lines. Each message says what
// was expected, so a refusal reads `steps[3].actions[0].date: expected YYYY-MM-DD`.

/** An ISO calendar date, as the articles' stories state them. */
export const IsoDate = z.iso.date({ error: 'expected YYYY-MM-DD' }).describe('A calendar date, YYYY-MM-DD.');

/** Invoice or credit note. */
export const Kind = z.enum(['invoice', 'credit_note'], { error: 'expected "invoice" or "credit_note"' });

/** A Focus document number as the story states it: `2026/3`. */
export const DocumentNumber = z
  .string({ error: 'expected a document number such as "2026/3"' })
  .min(1, { error: 'expected a document number such as "2026/3"' });

/** An Exact journal code: `70`. */
export const Journal = z
  .string({ error: 'expected a journal code such as "70"' })
  .min(1, { error: 'expected a journal code such as "70"' });

/** A booking (entry) number in an Exact journal: `1003`. */
export const EntryNumber = z
  .int({ error: 'expected a whole booking number such as 1003' })
  .positive({ error: 'expected a booking number of 1 or more' });

/** Money in integer cents. */
export const Cents = z.int({ error: 'expected a whole number of cents' });

/** An invariant of BEHAVIOUR.md. */
export const InvariantIdSchema = z.enum(['I1', 'I2', 'I3', 'I4', 'I5', 'I6', 'I7', 'I8'], { error: 'expected an invariant id, I1 to I8' });

/** A line of a Focus invoice: a unit price excluding VAT; one of services at 21 % on 700000 unless told otherwise. */
export const LineSchema = z.strictObject({
  unitPriceCents: Cents.describe('Price per unit excluding VAT, in cents.'),
  quantity: z.number({ error: 'expected a number' }).positive({ error: 'expected a quantity above 0' }).optional(),
  description: z.string().optional(),
  vatRateBp: z
    .int({ error: 'expected a VAT rate in basis points, such as 2100 for 21 %' })
    .nonnegative()
    .optional()
    .describe('VAT rate in basis points: 2100 is 21 %.'),
  ledgerAccount: z.string().optional(),
});

/** A line booked by hand in Exact. */
export const HandLineSchema = z.strictObject({
  glAccountCode: z.string({ error: 'expected a ledger account code such as "700000"' }),
  amountCents: Cents,
  vatCode: z.string().optional(),
  description: z.string().optional(),
  costCenter: z.string().optional(),
});
