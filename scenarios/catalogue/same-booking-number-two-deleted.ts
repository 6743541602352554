import { book, bookDraft, draft, syncNow } from '../actions.js';
import { deleteInExact } from '../exact-moves.js';
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
import { bellSays, checkerNames, connectFirstTime, moveDelinkDateBack, noteDoubleNumberDate, repairFromDate } from '../procedures.js';
import { defineScenario, step } from '../scenario.js';

const AFTER: Booked[] = [
  ['2026/1', 1001],
  ['2026/2', 1003],
  ['2026/3', 1004],
  ['2026/4', 1005],
  ['2026/5', 1006],
];
const JOURNAL_AFTER: Entry[] = [
  [1001, '2026/1'],
  [1003, '2026/2'],
  [1004, '2026/3'],
  [1005, '2026/4'],
  [1006, '2026/5'],
];

/**
 * Article 002 with two bookings deleted in Exact: the accountant deletes 1003 and 1002 (invoices 2026/3 and 2026/2),
 * so Exact hands out 1002 and then 1003 again (R7) to the next two invoices synced, 2026/4 and 2026/5 of 16 February.
 * Those were drafted on 2 February, the Delta Logistics one first, but Atelier Lumière's was booked first. The bell
 * names each pair on a line of its own, lowest booking number first, each pair in number order (R9). P-samenumber
 * from the date of the first pair's most recent invoice, with the delink date moved back to 3 February, the first
 * invoice whose booking is gone, as in same-booking-number-earlier-date-complete: all four are booked again.
 */
export default defineScenario({
  id: 'same-booking-number-two-deleted',
  title: 'Two bookings deleted in Exact: two booking numbers handed out again',
  sources: ['002'],
  rules: ['R7', 'R8', 'R9', 'R12', 'R13', 'P-samenumber', 'I1', 'I2'],
  expected: 'fixed',
  symptomInvariants: ['I1', 'I2'],
  doctor: {
    finding: 'same-booking-number',
    article: '002',
    procedure: 'P-samenumber',
    plan: 'completed',
    delinkDate: '2026-02-03',
    deleteInExact: ['70/1003', '70/1002'],
    writeDown: ['70: 1003'],
    nextBookingNumbers: ['70: Exact says 1002, set 1003'],
    deleteInFocus: [],
    startDate: '2026-01-01',
    journals: ['70', '71'],
    articleLeaves: ['I1', 'I2'],
  },
  steps: [
    connectFirstTime(),
    step(
      'setup',
      'Two invoices of 16 February are drafted; invoices 2026/1 to 2026/3 are booked and synced',
      "On 2 February two invoices dated 16 February are drafted: first Delta Logistics' maintenance, then Atelier Lumière's lighting. Then three invoices are booked and synced: 2026/1 of 15 January (1001), 2026/2 of 3 February (1002) and 2026/3 of 10 February (1003).",
      async (ctx) => {
        draft(ctx, 'Delta maintenance', { date: '2026-02-16', customer: 'Delta Logistics' });
        draft(ctx, 'Atelier lighting', { date: '2026-02-16', customer: 'Atelier Lumière' });
        book(ctx, '2026/1', { date: '2026-01-15' });
        book(ctx, '2026/2', { date: '2026-02-03', customer: 'Van Dijk Installaties' });
        book(ctx, '2026/3', { date: '2026-02-10', customer: 'Atelier Lumière' });
        await syncNow(ctx);
      },
    ),
    step(
      'reproduce',
      'The accountant deletes bookings 1003 and 1002 in Exact Online, not in Focus',
      'In Exact Online bookings 1003 and 1002, of invoices 2026/3 and 2026/2, are deleted. Focus still shows 1002 on 2026/2 and 1003 on 2026/3.',
      async (ctx) => {
        await deleteInExact(ctx, '70', 1003);
        await deleteInExact(ctx, '70', 1002);
      },
    ),
    step(
      'reproduce',
      "Atelier Lumière's draft is booked as 2026/4, Delta Logistics' as 2026/5, and both are synced",
      'Exact gives a new booking the number of the last booking + 1: it hands out 1002 to 2026/4 and 1003 to 2026/5 again.',
      async (ctx) => {
        bookDraft(ctx, 'Atelier lighting', '2026/4');
        bookDraft(ctx, 'Delta maintenance', '2026/5');
        await syncNow(ctx);
        await expectReproduced(ctx, () => {
          expectBooked(ctx, 'invoice', [
            ['2026/1', 1001],
            ['2026/2', 1002],
            ['2026/3', 1003],
            ['2026/4', 1002],
            ['2026/5', 1003],
          ]);
        });
      },
    ),
    bellSays('The invoices 2026/2 and 2026/4 have the same booking number\nThe invoices 2026/3 and 2026/5 have the same booking number'),
    checkerNames(
      [
        ['I1', ['2026/2'], [1002]],
        ['I1', ['2026/3'], [1003]],
        ['I2', ['2026/2', '2026/4'], [1002]],
        ['I2', ['2026/3', '2026/5'], [1003]],
      ],
      'the bookings of 2026/2 and 2026/3 were deleted, and 2026/4 and 2026/5 got their numbers',
    ),
    ...repairFromDate(noteDoubleNumberDate('invoice'), {
      kind: 'invoice',
      writeDown: 'one-higher-if-double',
      beforeDeactivating: [moveDelinkDateBack('invoice')],
    }),
    step(
      'verify',
      'Every invoice has a booking of its own in Exact Online',
      `Invoices now: ${bookedInWords(AFTER)}; journal 70 holds ${journalInWords(JOURNAL_AFTER, 1007)}. The bell says "Synchronisation finished: 0 customers, 4 invoices and 0 credit notes synced".`,
      async (ctx) => {
        expectBooked(ctx, 'invoice', AFTER);
        await expectJournal(ctx, '70', JOURNAL_AFTER, 1007);
        expectBell(ctx, 'Synchronisation finished: 0 customers, 4 invoices and 0 credit notes synced');
      },
    ),
  ],
});
