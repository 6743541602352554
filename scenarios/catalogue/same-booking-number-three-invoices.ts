import { book, syncNow } from '../actions.js';
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
import { invoiceNumberReused } from './same-number-case.js';

const THRICE: Booked[] = [
  ['2026/1', 1001],
  ['2026/2', 1002],
  ['2026/3', 1003],
  ['2026/4', 1003],
  ['2026/5', 1003],
];
const AFTER: Booked[] = [
  ['2026/1', 1001],
  ['2026/2', 1002],
  ['2026/3', 1004],
  ['2026/4', 1005],
  ['2026/5', 1006],
];
const JOURNAL_AFTER: Entry[] = [
  [1001, '2026/1'],
  [1002, '2026/2'],
  [1004, '2026/3'],
  [1005, '2026/4'],
  [1006, '2026/5'],
];

/**
 * Article 002, the same mistake made twice before the repair: booking 1003 of invoice 2026/3 is deleted in Exact, and
 * Exact hands 1003 out again to 2026/4 (R7, R9); before anyone repairs it, the accountant deletes booking 1003 once
 * more, now 2026/4's, and Exact hands it out a third time, to 2026/5. Three invoices carry 1003. P-samenumber from
 * 10 February, the date of the invoices carrying it, repairs all three.
 */
export default defineScenario({
  id: 'same-booking-number-three-invoices',
  title: 'The same booking number on three invoices',
  sources: ['002'],
  rules: ['R7', 'R8', 'R9', 'R12', 'R13', 'P-samenumber', 'I1', 'I2'],
  expected: 'fixed',
  symptomInvariants: ['I1', 'I2'],
  doctor: {
    finding: 'same-booking-number',
    article: '002',
    procedure: 'P-samenumber',
    delinkDate: '2026-02-10',
    deleteInExact: ['70/1003'],
    writeDown: ['70: 1004'],
    nextBookingNumbers: ['70: Exact says 1003, set 1004'],
    deleteInFocus: [],
    startDate: '2026-01-01',
    journals: ['70', '71'],
  },
  steps: [
    connectFirstTime(),
    ...invoiceNumberReused({ date: '2026-02-10', words: '10 February (the same day)' }),
    step(
      'reproduce',
      'The accountant deletes booking 1003 in Exact Online again, now the booking of 2026/4',
      'Before anyone repairs the first double number, booking 1003 is deleted in Exact Online once more: it now stood for invoice 2026/4. Focus still shows 1003 on 2026/3 and 2026/4.',
      async (ctx) => {
        await deleteInExact(ctx, '70', 1003);
      },
    ),
    step(
      'reproduce',
      'Invoice 2026/5 of 10 February is booked and synced',
      `Invoice 2026/5 of 10 February to Brouwerij De Kroon is booked and synced: Exact hands out 1003 a third time. Invoices: ${bookedInWords(THRICE)}.`,
      async (ctx) => {
        book(ctx, '2026/5', { date: '2026-02-10', customer: 'Brouwerij De Kroon' });
        await syncNow(ctx);
        await expectReproduced(ctx, () => expectBooked(ctx, 'invoice', THRICE));
      },
    ),
    bellSays('The invoices 2026/3, 2026/4 and 2026/5 have the same booking number'),
    checkerNames(
      [
        ['I1', ['2026/3'], [1003]],
        ['I1', ['2026/4'], [1003]],
        ['I2', ['2026/3', '2026/4', '2026/5'], [1003]],
      ],
      '2026/3 and 2026/4 are linked to bookings 1003 that were deleted, and 2026/3, 2026/4 and 2026/5 all show 1003',
    ),
    ...repairFromDate(noteDoubleNumberDate('invoice'), { kind: 'invoice', writeDown: 'one-higher-if-double' }),
    step(
      'verify',
      'Every invoice has a booking number of its own; 1003 is not handed out again',
      `Invoices now: ${bookedInWords(AFTER)}; journal 70 holds ${journalInWords(JOURNAL_AFTER, 1007)}. The bell says "Synchronisation finished: 0 customers, 3 invoices and 0 credit notes synced".`,
      async (ctx) => {
        expectBooked(ctx, 'invoice', AFTER);
        await expectJournal(ctx, '70', JOURNAL_AFTER, 1007);
        expectBell(ctx, 'Synchronisation finished: 0 customers, 3 invoices and 0 credit notes synced');
      },
    ),
  ],
});
