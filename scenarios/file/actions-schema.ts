import { z } from 'zod';
import { DocumentNumber, EntryNumber, HandLineSchema, IsoDate, Journal, Kind, LineSchema } from './fields.js';

// What a person or the network does in a scenario file, one object per action, told apart by `do`. Each maps onto
// a move of scenarios/actions.ts (or the world's own API), so a file and a TypeScript scenario act alike.

/** The refusal a story expects instead of success: the product's reason code and words its message must say. */
export const RefusalSchema = z
  .strictObject({
    code: z.enum([
      'not_admin',
      'not_last',
      'has_booking_number',
      'not_draft',
      'not_booked',
      'invalid',
      'integration_inactive',
      'integration_active',
      'unknown_journal',
    ]),
    words: z.array(z.string()).default([]).describe('Words the refusal message must contain (the document number, the reason).'),
  })
  .describe('The action must be refused for this reason; going through fails the step.');

const user = z.string().default('admin').describe('Who does it in Focus: "admin" (default); other users lack admin rights (R4).');

const action = <T extends string, S extends z.ZodRawShape>(name: T, description: string, shape: S) =>
  z.strictObject({ do: z.literal(name), ...shape }).describe(description);

/** Every action a scenario file can take. */
export const ActionSchema = z.discriminatedUnion('do', [
  action('connect', 'Connect (or reconnect) Exact Online in the demo administration (R4, R13).', {
    startDate: IsoDate.default('2026-01-01'),
    invoiceJournal: Journal.default('70'),
    creditNoteJournal: Journal.default('71'),
    importContacts: z.boolean().default(false),
    nightlySync: z.boolean().default(false),
    vatMap: z.record(z.string(), z.string()).optional().describe('Focus VAT rate in basis points → Exact VAT code.'),
    user,
    refused: RefusalSchema.optional(),
  }),
  action('deactivate', 'Deactivate the integration with a delink date (R12).', {
    delinkDate: IsoDate,
    delinkContacts: z.boolean().default(false),
    user,
    refused: RefusalSchema.optional(),
  }),
  action('book', 'Create and book an invoice or credit note; `number` is the number the story says Focus gives it (R2).', {
    kind: Kind.default('invoice'),
    number: DocumentNumber,
    date: IsoDate,
    customer: z.string().default('Brouwerij De Kroon'),
    lines: z.array(LineSchema).min(1).optional().describe('Default: one line of €1,000.00 at 21 %.'),
  }),
  action('credit', "Credit a booked invoice with a credit note (the invoice's Credit button); `creditNote` is the number Focus gives it.", {
    invoice: DocumentNumber,
    date: IsoDate,
    creditNote: DocumentNumber,
  }),
  action('sync', 'A manual sync (the two arrows); the bell says how it went (R15).', {}),
  action('nightly-sync', 'The automatic sync of the night, which gives no notification (R17).', {}),
  action('pass-days', 'Let whole days pass; the nightly sync runs each night when it is on (R17).', {
    days: z.int({ error: 'expected a whole number of days' }).positive({ error: 'expected 1 day or more' }),
  }),
  action('delete-in-exact', 'Delete a booking by hand in Exact (the last one of its journal or not, R7).', {
    journal: Journal,
    entryNumber: EntryNumber,
  }),
  action('book-by-hand', 'Book an entry by hand in an Exact journal, as an accountant types an invoice in (R10).', {
    journal: Journal,
    customerCode: z.string(),
    entryDate: IsoDate.optional(),
    yourRef: z.string().optional(),
    description: z.string().optional(),
    lines: z.array(HandLineSchema).min(1),
    entryNumber: EntryNumber.optional().describe('The booking number the story says Exact gives it; another number fails the step.'),
  }),
  action(
    'lose-next-answer',
    'Arm the network fault: Exact stores the next booking the sync sends, but its answer never reaches Focus.',
    {},
  ),
  action('delete-in-focus', 'Delete an invoice or credit note in Focus; only the last one without a booking number goes (R2, R3).', {
    kind: Kind.default('invoice'),
    number: DocumentNumber,
    refused: RefusalSchema.optional(),
  }),
  action('edit', 'Replace the lines of a booked invoice or credit note in Focus, after its sync or not (R11).', {
    kind: Kind.default('invoice'),
    number: DocumentNumber,
    lines: z.array(LineSchema).min(1),
  }),
  action('set-amount-to-zero', 'Set every line of a booked document to zero: the way out for an invoice that is not the last (R2).', {
    kind: Kind.default('invoice'),
    number: DocumentNumber,
  }),
  action('set-next-booking-number', "Correct a journal's next booking number in Exact (R8).", { journal: Journal, next: EntryNumber }),
  action('close-period', 'Close (or, with closed false, reopen) a financial period in Exact.', {
    year: z.int().min(2000).max(2100),
    period: z.int().min(1).max(12),
    closed: z.boolean().default(true),
  }),
  action('pay-in-exact', 'Register in Exact that a booking is paid in full (R14, I6).', { journal: Journal, entryNumber: EntryNumber }),
  action('edit-in-exact', "Type a booking's lines again by hand in Exact, keeping its number (R11).", {
    journal: Journal,
    entryNumber: EntryNumber,
    lines: z.array(HandLineSchema).min(1),
  }),
  action('update-settings', "Change the integration's VAT mapping or nightly sync (R4, R17).", {
    vatMap: z.record(z.string(), z.string()).optional(),
    nightlySync: z.boolean().optional(),
    user,
  }),
]);

/** An action of a scenario file, as validated (defaults filled in). */
export type FileAction = z.output<typeof ActionSchema>;

/** The names an action's `do` can take. */
export const ACTION_NAMES = ActionSchema.options.map((o) => o.shape.do.value);
