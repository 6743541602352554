import { z } from 'zod';
import { PHASES } from '../scenario.js';
import { ActionSchema } from './actions-schema.js';
import { CheckSchema } from './checks-schema.js';
import { DocumentNumber, EntryNumber, InvariantIdSchema, Journal, Kind } from './fields.js';

// The three kinds of step a scenario file holds: a story step (its own title, narration, actions and checks), one
// step of a repair procedure (title and narration come from the procedure, computed from what was written down),
// and a whole procedure (P-samenumber, P-twice, P-delete) played as the article lists it.

/** A step the file tells itself: what happens, in the story's words, and what it checks. */
export const StoryStepSchema = z
  .strictObject({
    phase: z.enum(PHASES, { error: `expected one of ${PHASES.join(', ')}` }),
    title: z.string().min(1, { error: 'expected a one-line title' }),
    narration: z.string().min(1, { error: "expected the narration, in the article's words" }),
    actions: z.array(ActionSchema).default([]),
    checks: z
      .array(CheckSchema)
      .default([])
      .describe('Checked after the actions; in setup and reproduce steps under the faithful strategy only.'),
    narrationOnly: z
      .string()
      .optional()
      .describe('Why the step changes nothing (it only tells); only for a step without actions or checks.'),
  })
  .describe('A step told by the file: its phase, title, narration, actions and checks.');

const reconnectOptions = {
  importContacts: z.boolean().optional(),
  startDate: z.enum(['written-down', 'first-synced', 'delink-date']).optional(),
  swapJournals: z.boolean().optional(),
};

const procedure = <T extends string, S extends z.ZodRawShape>(name: T, description: string, shape: S) =>
  z.strictObject({ procedure: z.literal(name), ...shape }).describe(description);

/** One step of the repair procedures of scenarios/procedure/, with its own title and narration. */
export const ProcedureStepSchema = z.discriminatedUnion('procedure', [
  procedure('connect-first-time', 'Setup: connect Exact Online from 1 January, journals 70 and 71, customers imported once.', {}),
  procedure('bell-says', "Symptom: the bell's message after the last sync is exactly `text` (R9, R15).", { text: z.string() }),
  procedure(
    'shown-twice-in-exact',
    'Symptom: the journal holds the document as exactly the bookings `entries`, each with `description` when given (R10).',
    {
      kind: Kind,
      journal: Journal,
      number: DocumentNumber,
      entries: z.array(EntryNumber).min(2),
      description: z
        .string()
        .min(1)
        .optional()
        .describe('What Exact shows as each booking\'s description: "Invoice 2026/1 Brouwerij De Kroon".'),
    },
  ),
  procedure(
    'checker-names',
    "Symptom: the invariant checker names exactly `violations`, each as [invariant, documents, booking numbers], in its order; `meaning` says them in the story's words.",
    {
      violations: z.array(
        z.tuple([InvariantIdSchema, z.array(DocumentNumber), z.array(EntryNumber)], {
          error: 'expected [invariant, [document numbers], [booking numbers]]',
        }),
      ),
      meaning: z.string(),
    },
  ),
  procedure('show-booking-numbers', "Add the 'booking number' column to the overviews.", {}),
  procedure('note-double-number-date', 'P-samenumber: write down the date of the most recent document with the double booking number.', {
    kind: Kind,
  }),
  procedure('note-date-to-delete', 'P-delete: write down the date of the documents to delete: the delink date.', {
    kind: Kind,
    numbers: z.array(DocumentNumber).min(1),
  }),
  procedure('note-date-shown-twice', 'P-twice: write down the date of the document shown twice in Exact.', { kind: Kind }),
  procedure('check-documents-from', 'Check the documents of `kind` from the delink date until now.', { kind: Kind }),
  procedure('move-delink-date-back', 'Move the delink date back to the first document whose booking is gone from Exact.', { kind: Kind }),
  procedure('delete-in-exact-from', 'Delete the bookings from the delink date on in Exact.', {}),
  procedure('write-down-oldest-deleted', "Write down the booking numbers the journals should continue from, by the article's rule.", {
    rule: z.enum(['as-booked', 'one-higher-if-double', 'after-last-kept']),
  }),
  procedure('check-next-booking-numbers', "Check the journals' next booking number against what was written down (R8).", {}),
  procedure('correct-next-booking-numbers', 'Correct the next booking number where Exact differs from what was written down.', {}),
  procedure('note-integration-settings', 'Write down the start date and the journals of the integration.', {}),
  procedure('deactivate-with-delink-date', 'Deactivate with the delink date (contacts not delinked unless told, R12).', {
    delinkContacts: z.boolean().optional(),
  }),
  procedure('delete-unneeded-in-focus', 'P-delete: delete the unneeded documents in Focus, from the highest number down.', { kind: Kind }),
  procedure('reconnect', 'Reconnect with what was written down, no import unless told (R13).', reconnectOptions),
  procedure('sync-again', 'Sync again with the two arrows.', {}),
]);

const plan = <T extends string, S extends z.ZodRawShape>(name: T, description: string, shape: S) =>
  z.strictObject({ plan: z.literal(name), ...shape }).describe(description);

/** A whole repair procedure, expanded into its steps as the article lists them; the options are the trainer's mistakes. */
export const PlanStepSchema = z.discriminatedUnion('plan', [
  plan('P-samenumber', 'Article 002: repair the same booking number from the date of the most recent document carrying it.', {
    kind: Kind,
    delinkContacts: z.boolean().optional(),
    ...reconnectOptions,
  }),
  plan('P-twice', 'Article 001: repair a document shown twice in Exact from its date.', {
    kind: Kind,
    delinkContacts: z.boolean().optional(),
    ...reconnectOptions,
  }),
  plan('P-delete', 'Article 000: remove the accidentally booked last documents `numbers`.', {
    kind: Kind,
    numbers: z.array(DocumentNumber).min(1),
    ...reconnectOptions,
  }),
]);

/** Any step of a scenario file; which kind is told by its `procedure` or `plan` field (none: a story step). */
export const FileStepSchema = z.union([StoryStepSchema, ProcedureStepSchema, PlanStepSchema]);

/** The kind of step a raw step object is meant to be, by the field that marks it: its index in {@link FileStepSchema}. */
export function intendedStepKind(raw: unknown): 0 | 1 | 2 {
  if (raw && typeof raw === 'object') {
    if ('procedure' in raw) return 1;
    if ('plan' in raw) return 2;
  }
  return 0;
}

export type StoryStep = z.output<typeof StoryStepSchema>;
export type ProcedureStep = z.output<typeof ProcedureStepSchema>;
export type PlanStep = z.output<typeof PlanStepSchema>;
export type FileStep = z.output<typeof FileStepSchema>;
