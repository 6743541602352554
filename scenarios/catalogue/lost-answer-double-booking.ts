import { book, syncNow } from '../actions.js';
import { loseNextAnswer } from '../exact-moves.js';
import {
  bookedInWords,
  expectBell,
  expectBooked,
  expectJournal,
  expectReproduced,
  journalInWords,
  type Booked,
  type Entry,
} from '../expectations.js';
import { checkerNames, connectFirstTime, noteDateShownTwice, repairFromDate, shownTwiceInExact } from '../procedures.js';
import { defineScenario, step } from '../scenario.js';

const JOURNAL_AFTER: Entry[] = [
  [1001, '2026/1'],
  [1002, '2026/2'],
  [1003, '2026/3'],
];
const AFTER: Booked[] = [
  ['2026/1', 1001],
  ['2026/2', 1002],
  ['2026/3', 1003],
];

/**
 * Exact Online stores the booking of invoice 2026/3 (1003) but its answer never reaches Focus: the invoice stays
 * unlinked and the next sync books it again (1004), so Exact holds it twice (I1), as in article 001. Repaired with
 * P-twice from 12 February. The safe strategy finds the stored booking by its reference and links it instead.
 */
export default defineScenario({
  id: 'lost-answer-double-booking',
  title: 'A lost answer books an invoice twice in Exact Online',
  sources: ['001'],
  rules: ['R5', 'R6', 'R15', 'R12', 'R13', 'P-twice', 'I1', 'I8'],
  expected: 'fixed',
  symptomInvariants: ['I1', 'I8'],
  doctor: {
    finding: 'shown-twice',
    article: '001',
    procedure: 'P-twice',
    delinkDate: '2026-02-12',
    deleteInExact: ['70/1004', '70/1003'],
    writeDown: ['70: 1003'],
    nextBookingNumbers: ['70: Exact says 1003, as written down'],
    deleteInFocus: [],
    startDate: '2026-01-01',
    journals: ['70', '71'],
  },
  steps: [
    connectFirstTime(),
    step(
      'setup',
      'Book and sync invoices 2026/1 and 2026/2',
      'Invoices 2026/1 (13 January) and 2026/2 (28 January) are booked and synced: 2026/1 (1001), 2026/2 (1002).',
      async (ctx) => {
        book(ctx, '2026/1', { date: '2026-01-13' });
        book(ctx, '2026/2', { date: '2026-01-28', customer: 'Van Dijk Installaties' });
        await syncNow(ctx);
      },
    ),
    step(
      'reproduce',
      'Invoice 2026/3 is synced, but the answer of Exact Online is lost',
      'Exact Online stores the booking of invoice 2026/3 of 12 February as 1003, but the connection drops before its answer arrives. The bell says: "Invoice 2026/3 could not be synced: the connection to Exact Online was lost. It will be synced again next time." Focus shows no booking number.',
      async (ctx) => {
        book(ctx, '2026/3', { date: '2026-02-12', customer: 'Atelier Lumière' });
        await loseNextAnswer(ctx);
        await syncNow(ctx);
        await expectReproduced(ctx, () => {
          expectBell(
            ctx,
            'Invoice 2026/3 could not be synced: the connection to Exact Online was lost. It will be synced again next time.',
          );
          expectBooked(ctx, 'invoice', [
            ['2026/1', 1001],
            ['2026/2', 1002],
            ['2026/3', null],
          ]);
        });
      },
    ),
    step(
      'reproduce',
      'The next sync sends invoice 2026/3 again',
      'As the bell promised, the next sync picks 2026/3 up again; Focus now shows booking number 1004, and journal 70 holds it as 1003 and 1004.',
      async (ctx) => {
        await syncNow(ctx);
        await expectReproduced(ctx, () => {
          expectBooked(ctx, 'invoice', [
            ['2026/1', 1001],
            ['2026/2', 1002],
            ['2026/3', 1004],
          ]);
        });
      },
    ),
    shownTwiceInExact('invoice', '70', '2026/3', [1003, 1004], 'Invoice 2026/3 Atelier Lumière'),
    checkerNames(
      [
        ['I1', ['2026/3'], [1003, 1004]],
        ['I8', ['2026/3'], [1003]],
      ],
      'invoice 2026/3 stands twice in journal 70, and booking 1003, whose answer was lost, stands for no document linked to it',
    ),
    ...repairFromDate(noteDateShownTwice('invoice'), { kind: 'invoice', writeDown: 'after-last-kept' }),
    step(
      'verify',
      'Every invoice stands once in Exact Online',
      `Invoices now: ${bookedInWords(AFTER)}; journal 70 holds ${journalInWords(JOURNAL_AFTER, 1004)}. The bell says "Synchronisation finished: 0 customers, 1 invoice and 0 credit notes synced".`,
      async (ctx) => {
        expectBooked(ctx, 'invoice', AFTER);
        await expectJournal(ctx, '70', JOURNAL_AFTER, 1004);
        expectBell(ctx, 'Synchronisation finished: 0 customers, 1 invoice and 0 credit notes synced');
      },
    ),
  ],
});
