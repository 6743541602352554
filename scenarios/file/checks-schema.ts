import { z } from 'zod';
import { DocumentNumber, EntryNumber, InvariantIdSchema, Journal, Kind } from './fields.js';

// What a step checks, with the story's literal values (never read back from the product), told apart by `expect`.

/** A booked row of a Focus overview: its number and booking number (null: not synced). */
const BookedRow = z.tuple([DocumentNumber, EntryNumber.nullable()], { error: 'expected [number, booking number or null]' });

/** An entry of an Exact journal: its booking number and your reference. */
const EntryRow = z.tuple([EntryNumber, z.string()], { error: 'expected [booking number, your reference]' });

const check = <T extends string, S extends z.ZodRawShape>(name: T, description: string, shape: S) =>
  z.strictObject({ expect: z.literal(name), ...shape }).describe(description);

/** Every check a scenario file can make. */
export const CheckSchema = z.discriminatedUnion('expect', [
  check('booked', 'The booked rows of the Focus overview, in number order, are exactly `rows`.', {
    kind: Kind.default('invoice'),
    rows: z.array(BookedRow),
  }),
  check('journal', "Exact's journal holds exactly `entries` and shows `next` as its next booking number.", {
    journal: Journal,
    entries: z.array(EntryRow),
    next: EntryNumber,
  }),
  check('bell', "The bell's message after the last manual sync is exactly `text`.", { text: z.string() }),
  check('violations', 'The invariant checker names exactly these invariants now (none: an empty list).', {
    invariants: z.array(InvariantIdSchema),
  }),
]);

/** A check of a scenario file, as validated. */
export type FileCheck = z.output<typeof CheckSchema>;

/** The names a check's `expect` can take. */
export const CHECK_NAMES = CheckSchema.options.map((o) => o.shape.expect.value);
