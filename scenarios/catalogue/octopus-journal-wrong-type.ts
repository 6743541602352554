import {
  book,
  connectOctopus,
  DIVISION,
  ERROR_SHOWN,
  errorInBell,
  expectOk,
  expectSame,
  line,
  noteErrorShown,
  syncNow,
} from '../actions.js';
import { expectBell, expectBooked } from '../expectations.js';
import { checkerNames, syncAgain } from '../procedures.js';
import { defineScenario, step, StepFailure } from '../scenario.js';

/** The bell's text, word for word (focus-side.md §1b, Octopus troubleshooting: wrong journal type). */
const WRONG_TYPE = "'Journal V1' in Octopus has the wrong type. This should be 'Sales bookings' but is 'Invoices' instead.";

/**
 * Article 003 §3 with the Octopus troubleshooting article (focus-side.md §1b): "'Journal V1' in Octopus has the wrong
 * type. This should be 'Sales bookings' but is 'Invoices' instead" — change the entry type. The accountant switched
 * journal V1 to 'Invoices'; invoice 2026/1 then waits while credit note 2026/1, whose journal V2 kept its type, goes
 * through. Setting V1 back to 'Sales bookings' lets the invoice through as booking 1.
 */
export default defineScenario({
  id: 'octopus-journal-wrong-type',
  title: 'Invoices are not synced to Octopus: the journal has the wrong type',
  sources: ['003'],
  rules: ['R5', 'R11', 'R15', 'I1'],
  expected: 'fixed',
  symptomInvariants: ['I1'],
  world: { seed: 'octopus' },
  steps: [
    connectOctopus(),
    step(
      'setup',
      "The accountant changes journal V1's type to 'Invoices' in Octopus",
      "While tidying up Octopus, the accountant changes the entry type of journal V1 from 'Sales bookings' to 'Invoices'.",
      async (ctx) => {
        expectOk(await ctx.world.backOffice.setJournalType(DIVISION, 'V1', 'Invoices'), "Changing journal V1's type");
      },
    ),
    step(
      'reproduce',
      'Invoice 2026/1 and credit note 2026/1 are booked; the two arrows are clicked',
      'Invoice 2026/1 of 2 February to Atelier Lumière (lighting design, €600.00) and credit note 2026/1 of 3 February to Delta Logistics (€50.00) are booked; a manual sync follows.',
      async (ctx) => {
        book(ctx, '2026/1', { date: '2026-02-02', customer: 'Atelier Lumière', lines: [line(60_000, { description: 'Lighting design' })] });
        book(ctx, '2026/1', { kind: 'credit_note', date: '2026-02-03', customer: 'Delta Logistics', lines: [line(5_000)] });
        await syncNow(ctx);
        noteErrorShown(ctx);
      },
    ),
    step(
      'symptom',
      'Invoice 2026/1 has no booking number; the bell names the journal type',
      `Credit note 2026/1 is booking 1 of journal V2, but invoice 2026/1 has no booking number, and the bell says: "${WRONG_TYPE}"`,
      (ctx) => {
        expectBooked(ctx, 'invoice', [['2026/1', null]]);
        expectBooked(ctx, 'credit_note', [['2026/1', 1]]);
        expectSame(errorInBell(ctx), WRONG_TYPE, "The bell's error");
      },
    ),
    checkerNames([['I1', ['2026/1'], []]], 'invoice 2026/1 is booked but has no booking in Octopus'),
    step(
      'repair',
      "Change journal V1's entry type back to 'Sales bookings'",
      "As the bell says, journal V1 must be of type 'Sales bookings': in Octopus the accountant changes its entry type back.",
      async (ctx) => {
        if (ctx.notes.read(ERROR_SHOWN) !== WRONG_TYPE)
          throw new StepFailure(`The bell shows "${ctx.notes.read(ERROR_SHOWN)}", not that journal V1 has the wrong type.`);
        expectOk(await ctx.world.backOffice.setJournalType(DIVISION, 'V1', 'Sales bookings'), "Changing journal V1's type back");
      },
    ),
    syncAgain(),
    step(
      'verify',
      'Invoice 2026/1 has booking number 1 of journal V1',
      'Invoice 2026/1 now carries booking number 1 of journal V1, credit note 2026/1 keeps booking 1 of V2, and the bell says "Synchronisation finished: 0 customers, 1 invoice and 0 credit notes synced".',
      (ctx) => {
        expectBooked(ctx, 'invoice', [['2026/1', 1]]);
        expectBooked(ctx, 'credit_note', [['2026/1', 1]]);
        expectBell(ctx, 'Synchronisation finished: 0 customers, 1 invoice and 0 credit notes synced');
      },
    ),
  ],
});
