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
];
const AFTER: Booked[] = [
  ['2026/1', 1001],
  ['2026/2', 1002],
];
const JOURNAL_AFTER: Entry[] = [
  [1001, '2026/1'],
  [1002, '2026/2'],
];

/**
 * Article 001 (R10) with a booking typed in the accountant's own words: before Focus is connected she types invoice
 * 2026/1 (12 January, Brouwerij De Kroon) into journal 70 as booking 1001 with Focus's number as reference but her own
 * description, "Beer crates January", while Focus's sync describes its booking 1002 "Invoice 2026/1 Brouwerij De Kroon".
 * The two bookings read differently, yet both name invoice 2026/1: it is shown twice all the same. P-twice deletes from
 * 12 January, deactivates with that date and syncs again: 1001 and 1002.
 */
export default defineScenario({
  id: 'invoice-shown-twice-own-description',
  title: 'My invoice is shown twice in Exact Online: typed in there with its own description',
  sources: ['001'],
  rules: ['R5', 'R7', 'R8', 'R10', 'R12', 'R13', 'P-twice', 'I1', 'I8'],
  expected: 'fixed',
  symptomInvariants: ['I1', 'I8'],
  doctor: {
    finding: 'shown-twice',
    article: '001',
    procedure: 'P-twice',
    delinkDate: '2026-01-12',
    deleteInExact: ['70/1003', '70/1002', '70/1001'],
    writeDown: ['70: 1001'],
    nextBookingNumbers: ['70: Exact says 1001, as written down'],
    deleteInFocus: [],
    startDate: '2026-01-01',
    journals: ['70', '71'],
  },
  steps: [
    step(
      'setup',
      'The accountant types invoice 2026/1 into Exact Online in her own words',
      'Before the integration is connected, the accountant books invoice 2026/1 of 12 January to Brouwerij De Kroon (€1,210.00) by hand in journal 70, with reference 2026/1 and the description "Beer crates January": booking 1001.',
      async (ctx) => {
        await bookByHand(ctx, '70', {
          customerCode: '1',
          entryDate: '2026-01-12',
          yourRef: '2026/1',
          description: 'Beer crates January',
          lines: [{ glAccountCode: '700000', amountCents: 100_000, vatCode: '21', description: 'Services' }],
        });
      },
    ),
    connectFirstTime(),
    step(
      'setup',
      'Book invoices 2026/1 and 2026/2 in Focus',
      'Focus holds the same invoice 2026/1 of 12 January and a later one, 2026/2 (26 January, Van Dijk Installaties).',
      (ctx) => {
        book(ctx, '2026/1', { date: '2026-01-12' });
        book(ctx, '2026/2', { date: '2026-01-26', customer: 'Van Dijk Installaties' });
      },
    ),
    step(
      'reproduce',
      'Focus syncs its invoices, 2026/1 included',
      `The sync sends every booked invoice from the start date on, each described in Focus's words ("Invoice 2026/1 Brouwerij De Kroon"): ${bookedInWords(SYNCED)}.`,
      async (ctx) => {
        await syncNow(ctx);
        await expectReproduced(ctx, () => {
          expectBooked(ctx, 'invoice', SYNCED);
        });
      },
    ),
    shownTwiceInExact('invoice', '70', '2026/1', [1001, 1002]),
    checkerNames(
      [
        ['I1', ['2026/1'], [1001, 1002]],
        ['I8', ['2026/1'], [1001]],
      ],
      'invoice 2026/1 stands twice in journal 70, whatever each booking is described as, and booking 1001, typed in by hand, stands for no document linked to it',
    ),
    ...repairFromDate(noteDateShownTwice('invoice'), { kind: 'invoice', writeDown: 'after-last-kept' }),
    step(
      'verify',
      'Every invoice stands once in Exact Online',
      `Invoices now: ${bookedInWords(AFTER)}; journal 70 holds ${journalInWords(JOURNAL_AFTER, 1003)}. The bell says "Synchronisation finished: 0 customers, 2 invoices and 0 credit notes synced".`,
      async (ctx) => {
        expectBooked(ctx, 'invoice', AFTER);
        await expectJournal(ctx, '70', JOURNAL_AFTER, 1003);
        expectBell(ctx, 'Synchronisation finished: 0 customers, 2 invoices and 0 credit notes synced');
      },
    ),
  ],
});
