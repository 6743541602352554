import { book, line, syncNow } from '../actions.js';
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
import { bellSays, checkerNames, connectFirstTime, noteDoubleNumberDate, repairFromDate } from '../procedures.js';
import { defineScenario, step } from '../scenario.js';

const INVOICES_AFTER: Booked[] = [
  ['2026/1', 1001],
  ['2026/2', 1002],
  ['2026/3', 1004],
  ['2026/4', 1005],
];
const CREDIT_NOTES: Booked[] = [
  ['2026/1', 8001],
  ['2026/2', 8002],
  ['2026/3', 8003],
];
const JOURNAL_70_AFTER: Entry[] = [
  [1001, '2026/1'],
  [1002, '2026/2'],
  [1004, '2026/3'],
  [1005, '2026/4'],
];
const JOURNAL_71_AFTER: Entry[] = [
  [8001, '2026/1'],
  [8002, '2026/2'],
  [8003, '2026/3'],
];

/**
 * Article 002 with credit notes after the delink date: "Go to your credit notes … and check whether there are any
 * from that particular date of the invoice until now. If any, they will need to be deleted in Exact Online too."
 * Invoices 2026/3 and 2026/4 share booking number 1003; credit notes 2026/2 (12 February) and 2026/3 (16 February)
 * are dated after the delink date 10 February. They are deleted in Exact too and come back with their numbers; the
 * invoices come back one number higher, 1004 and 1005.
 */
export default defineScenario({
  id: 'same-booking-number-later-credit-notes',
  title: 'The same booking number, with credit notes dated after it',
  sources: ['002'],
  rules: ['R5', 'R7', 'R8', 'R9', 'R12', 'R13', 'P-samenumber', 'I1', 'I2'],
  expected: 'fixed',
  symptomInvariants: ['I1', 'I2'],
  doctor: {
    finding: 'same-booking-number',
    article: '002',
    procedure: 'P-samenumber',
    delinkDate: '2026-02-10',
    deleteInExact: ['70/1003', '71/8003', '71/8002'],
    writeDown: ['70: 1004', '71: 8002'],
    nextBookingNumbers: ['70: Exact says 1003, set 1004', '71: Exact says 8002, as written down'],
    deleteInFocus: [],
    startDate: '2026-01-01',
    journals: ['70', '71'],
  },
  steps: [
    connectFirstTime(),
    step(
      'setup',
      'Book and sync invoices 2026/1 to 2026/3 and credit notes 2026/1 and 2026/2',
      'Invoices 2026/1 of 15 January (1001), 2026/2 of 3 February (1002) and 2026/3 of 10 February (1003), and credit notes 2026/1 of 5 February (8001) and 2026/2 of 12 February (8002) are booked and synced.',
      async (ctx) => {
        book(ctx, '2026/1', { date: '2026-01-15' });
        book(ctx, '2026/2', { date: '2026-02-03', customer: 'Van Dijk Installaties' });
        book(ctx, '2026/3', { date: '2026-02-10', customer: 'Atelier Lumière' });
        book(ctx, '2026/1', { date: '2026-02-05', kind: 'credit_note', lines: [line(10_000)] });
        book(ctx, '2026/2', { date: '2026-02-12', customer: 'Van Dijk Installaties', kind: 'credit_note', lines: [line(50_000)] });
        await syncNow(ctx);
      },
    ),
    step(
      'reproduce',
      'The accountant deletes booking 1003 in Exact Online, not in Focus',
      'In Exact Online booking 1003, the booking of invoice 2026/3, is deleted. Focus still shows booking number 1003 on 2026/3.',
      async (ctx) => {
        await deleteInExact(ctx, '70', 1003);
      },
    ),
    step(
      'reproduce',
      'Invoice 2026/4 of the same day and credit note 2026/3 are booked and synced',
      'Invoice 2026/4 of 10 February (Delta Logistics) and credit note 2026/3 of 16 February (Atelier Lumière) are booked and synced: Exact hands 1003 out again to 2026/4, and books the credit note as 8003.',
      async (ctx) => {
        book(ctx, '2026/4', { date: '2026-02-10', customer: 'Delta Logistics' });
        book(ctx, '2026/3', { date: '2026-02-16', customer: 'Atelier Lumière', kind: 'credit_note', lines: [line(20_000)] });
        await syncNow(ctx);
        await expectReproduced(ctx, () => {
          expectBooked(ctx, 'invoice', [
            ['2026/1', 1001],
            ['2026/2', 1002],
            ['2026/3', 1003],
            ['2026/4', 1003],
          ]);
          expectBooked(ctx, 'credit_note', CREDIT_NOTES);
        });
      },
    ),
    bellSays('The invoices 2026/3 and 2026/4 have the same booking number'),
    checkerNames(
      [
        ['I1', ['2026/3'], [1003]],
        ['I2', ['2026/3', '2026/4'], [1003]],
      ],
      '2026/3 is linked to booking 1003, which was deleted, and 2026/3 and 2026/4 both show 1003',
    ),
    ...repairFromDate(noteDoubleNumberDate('invoice'), { kind: 'invoice', writeDown: 'one-higher-if-double' }),
    step(
      'verify',
      'Every invoice has a booking number of its own; the later credit notes are back',
      `Invoices now: ${bookedInWords(INVOICES_AFTER)}; journal 70 holds ${journalInWords(JOURNAL_70_AFTER, 1006)}. Credit notes 2026/2 and 2026/3 are booked again with their numbers: ${journalInWords(JOURNAL_71_AFTER, 8004)}. ` +
        'The bell says "Synchronisation finished: 0 customers, 2 invoices and 2 credit notes synced".',
      async (ctx) => {
        expectBooked(ctx, 'invoice', INVOICES_AFTER);
        expectBooked(ctx, 'credit_note', CREDIT_NOTES);
        await expectJournal(ctx, '70', JOURNAL_70_AFTER, 1006);
        await expectJournal(ctx, '71', JOURNAL_71_AFTER, 8004);
        expectBell(ctx, 'Synchronisation finished: 0 customers, 2 invoices and 2 credit notes synced');
      },
    ),
  ],
});
