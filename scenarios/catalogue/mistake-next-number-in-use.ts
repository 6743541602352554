import { DIVISION, expectOk } from '../actions.js';
import {
  bookedInWords,
  expectBell,
  expectBooked,
  expectJournal,
  expectNamed,
  journalInWords,
  namedInWords,
  type Booked,
  type Entry,
  type Named,
} from '../expectations.js';
import { COUNTER_CHECK, noteDoubleNumberDate, repairFromDate } from '../procedures.js';
import { defineScenario, step } from '../scenario.js';
import { journalScreen } from '../screens.js';
import { invoiceNumberHandedOutAgain } from './same-number-case.js';

const AFTER: Booked[] = [
  ['2026/1', 1001],
  ['2026/2', 1002],
  ['2026/3', null],
  ['2026/4', null],
];
const LEFT: Named[] = [
  ['I1', ['2026/3'], []],
  ['I1', ['2026/4'], []],
  ['I3', [], [1002, 1002]],
];
const JOURNAL_AFTER: Entry[] = [
  [1001, '2026/1'],
  [1002, '2026/2'],
];

/**
 * P-samenumber (002) with one mistake at "check whether these numbers correspond with the next booking number": Exact
 * says 1003, 1004 was written down, and the person types 1002, the booking number of the last invoice kept. Exact
 * accepts it (R8) and then refuses every new booking with "In use: Entry number": invoices 2026/3 and 2026/4 are not
 * synced, and the checker names I3 (the next booking number is not above the highest booking) and I1.
 */
export default defineScenario({
  id: 'mistake-next-number-in-use',
  title: 'Mistake: correcting the next booking number to a number still in use',
  sources: ['002', '000', '001'],
  rules: ['R8', 'R9', 'R15', 'P-samenumber', 'I1', 'I3'],
  expected: ['I1', 'I3'],
  symptomInvariants: ['I1', 'I2'],
  steps: [
    ...invoiceNumberHandedOutAgain({ date: '2026-02-10', words: '10 February (the same day)' }),
    ...repairFromDate(noteDoubleNumberDate('invoice'), {
      kind: 'invoice',
      writeDown: 'one-higher-if-double',
      correcting: step(
        'repair',
        "Correct journal 70's next booking number, typing the last booking kept instead of the number written down",
        'Exact says 1003, you wrote down 1004, so the next booking number of journal 70 must be corrected; but in Master data › Journals the number typed is 1002, the booking number of invoice 2026/2, the last booking kept in the journal, not the 1004 written down.',
        async (ctx) => {
          for (const differing of ctx.notes.read(COUNTER_CHECK).filter((c) => c.exact !== c.writtenDown)) {
            const lastKept = Math.max(...(await journalScreen(ctx, differing.journal)).entries.map((e) => e.entryNumber));
            expectOk(
              await ctx.world.backOffice.setNextBookingNumber(DIVISION, differing.journal, lastKept),
              `Setting journal ${differing.journal}'s next booking number to ${lastKept}`,
            );
          }
        },
      ),
    }),
    step(
      'verify',
      'Exact refuses the invoices: their number is in use',
      `Exact tried to give invoice 2026/3 booking number 1002, which 2026/2 holds, and refused it with "In use: Entry number"; the bell says so, and nothing was booked: invoices ${bookedInWords(AFTER)}; journal 70 still holds ${journalInWords(JOURNAL_AFTER, 1002)}.`,
      async (ctx) => {
        expectBooked(ctx, 'invoice', AFTER);
        await expectJournal(ctx, '70', JOURNAL_AFTER, 1002);
        expectBell(
          ctx,
          'Invoice 2026/3 could not be synced: In use: Entry number\nInvoice 2026/4 could not be synced: In use: Entry number',
        );
      },
    ),
    step(
      'verify',
      "The checker names the journal's next booking number and the two invoices left unsynced",
      `The checker names ${namedInWords(LEFT)}: journal 70's next booking number, 1002, is not above its highest booking, 1002.`,
      (ctx) => expectNamed(ctx, LEFT),
    ),
  ],
});
