import { bookedInWords, expectBell, expectBooked, expectJournal, journalInWords, type Booked, type Entry } from '../expectations.js';
import { noteDoubleNumberDate, repairFromDate } from '../procedures.js';
import { defineScenario, step } from '../scenario.js';
import { invoiceNumberHandedOutAgain } from './same-number-case.js';

const AFTER: Booked[] = [
  ['2026/1', 1001],
  ['2026/2', 1002],
  ['2026/3', 1004],
  ['2026/4', 1005],
];
const JOURNAL_AFTER: Entry[] = [
  [1001, '2026/1'],
  [1002, '2026/2'],
  [1004, '2026/3'],
  [1005, '2026/4'],
];

/**
 * Article 002: booking 1003 of invoice 2026/3 was deleted in Exact but not in Focus; Exact hands 1003 out again to
 * invoice 2026/4 of the same day, and the bell says "The invoices 2026/3 and 2026/4 have the same booking number".
 * P-samenumber from 10 February: the oldest invoice deleted from Exact, 2026/3, carries the double number, so the
 * person writes down one number higher, 1004; Exact says 1003, so the next booking number is corrected to 1004.
 */
export default defineScenario({
  id: 'same-booking-number',
  title: 'The invoices X and Y have the same booking number',
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
    ...invoiceNumberHandedOutAgain({ date: '2026-02-10', words: '10 February (the same day)' }),
    ...repairFromDate(noteDoubleNumberDate('invoice'), { kind: 'invoice', writeDown: 'one-higher-if-double' }),
    step(
      'verify',
      'Every invoice has a booking number of its own; 1003 is not handed out again',
      `Invoices now: ${bookedInWords(AFTER)}; journal 70 holds ${journalInWords(JOURNAL_AFTER, 1006)}. The bell says "Synchronisation finished: 0 customers, 2 invoices and 0 credit notes synced".`,
      async (ctx) => {
        expectBooked(ctx, 'invoice', AFTER);
        await expectJournal(ctx, '70', JOURNAL_AFTER, 1006);
        expectBell(ctx, 'Synchronisation finished: 0 customers, 2 invoices and 0 credit notes synced');
      },
    ),
  ],
});
