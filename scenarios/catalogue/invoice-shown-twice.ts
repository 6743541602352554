import { book, syncNow } from '../actions.js';
import { bookByHand } from '../exact-moves.js';
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

const SYNCED: Booked[] = [
  ['2026/1', 1002],
  ['2026/2', 1003],
  ['2026/3', 1004],
];
const AFTER: Booked[] = [
  ['2026/1', 1001],
  ['2026/2', 1002],
  ['2026/3', 1003],
];
const JOURNAL_AFTER: Entry[] = [
  [1001, '2026/1'],
  [1002, '2026/2'],
  [1003, '2026/3'],
];

/**
 * Article 001: invoice 2026/1 (12 January, Brouwerij De Kroon) was entered by hand in Exact Online as booking 1001
 * before Focus was connected, and Focus syncs it too as 1002, so Exact holds it twice (R10). P-twice deletes every
 * booking from 12 January on, deactivates with that date and syncs everything again: 1001, 1002, 1003.
 */
export default defineScenario({
  id: 'invoice-shown-twice',
  title: 'My invoice is shown twice in Exact Online',
  sources: ['001'],
  rules: ['R5', 'R7', 'R8', 'R10', 'R12', 'R13', 'P-twice', 'I1', 'I8'],
  expected: 'fixed',
  symptomInvariants: ['I1', 'I8'],
  doctor: {
    finding: 'shown-twice',
    article: '001',
    procedure: 'P-twice',
    delinkDate: '2026-01-12',
    deleteInExact: ['70/1004', '70/1003', '70/1002', '70/1001'],
    writeDown: ['70: 1001'],
    nextBookingNumbers: ['70: Exact says 1001, as written down'],
    deleteInFocus: [],
    startDate: '2026-01-01',
    journals: ['70', '71'],
  },
  steps: [
    step(
      'setup',
      'The accountant enters invoice 2026/1 by hand in Exact Online',
      'Before the integration is connected, the accountant books invoice 2026/1 of 12 January to Brouwerij De Kroon (€1,210.00) by hand in journal 70: booking 1001.',
      async (ctx) => {
        await bookByHand(ctx, '70', {
          customerCode: '1',
          entryDate: '2026-01-12',
          yourRef: '2026/1',
          description: 'Invoice 2026/1 Brouwerij De Kroon',
          lines: [{ glAccountCode: '700000', amountCents: 100_000, vatCode: '21', description: 'Services' }],
        });
      },
    ),
    connectFirstTime(),
    step(
      'setup',
      'Book invoices 2026/1 to 2026/3 in Focus',
      'Focus holds the same invoice 2026/1 of 12 January and two later ones, 2026/2 (26 January) and 2026/3 (9 February).',
      (ctx) => {
        book(ctx, '2026/1', { date: '2026-01-12' });
        book(ctx, '2026/2', { date: '2026-01-26', customer: 'Van Dijk Installaties' });
        book(ctx, '2026/3', { date: '2026-02-09', customer: 'Atelier Lumière' });
      },
    ),
    step(
      'reproduce',
      'Focus syncs its invoices, 2026/1 included',
      `The sync sends every booked invoice from the start date on: ${bookedInWords(SYNCED)}.`,
      async (ctx) => {
        await syncNow(ctx);
        await expectReproduced(ctx, () => {
          expectBooked(ctx, 'invoice', SYNCED);
        });
      },
    ),
    shownTwiceInExact('invoice', '70', '2026/1', [1001, 1002], 'Invoice 2026/1 Brouwerij De Kroon'),
    checkerNames(
      [
        ['I1', ['2026/1'], [1001, 1002]],
        ['I8', ['2026/1'], [1001]],
      ],
      'invoice 2026/1 stands twice in journal 70, and booking 1001, typed in by hand, stands for no document linked to it',
    ),
    ...repairFromDate(noteDateShownTwice('invoice'), { kind: 'invoice', writeDown: 'after-last-kept' }),
    step(
      'verify',
      'Every invoice stands once in Exact Online',
      `Invoices now: ${bookedInWords(AFTER)}; journal 70 holds ${journalInWords(JOURNAL_AFTER, 1004)}. The bell says "Synchronisation finished: 0 customers, 3 invoices and 0 credit notes synced".`,
      async (ctx) => {
        expectBooked(ctx, 'invoice', AFTER);
        await expectJournal(ctx, '70', JOURNAL_AFTER, 1004);
        expectBell(ctx, 'Synchronisation finished: 0 customers, 3 invoices and 0 credit notes synced');
      },
    ),
  ],
});
