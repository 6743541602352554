import { bookedInWords, expectBell, expectBooked, expectJournal, journalInWords, type Booked, type Entry } from '../expectations.js';
import { noteDoubleNumberDate, repairFromDate } from '../procedures.js';
import { defineScenario, step } from '../scenario.js';
import { invoiceNumberHandedOutAgain } from './same-number-case.js';

const AFTER: Booked[] = [
  ['2026/1', 1001],
  ['2026/2', 1002],
  ['2026/3', 1003],
  ['2026/4', 1004],
];
const JOURNAL_AFTER: Entry[] = [
  [1001, '2026/1'],
  [1002, '2026/2'],
  [1004, '2026/4'],
];

/**
 * Article 002 when the invoice whose booking was deleted (2026/3, 10 February) is dated before the one that got its
 * number again (2026/4, 17 February): the only case where "one number higher" matters. Played literally: the delink
 * date is the date of the most recent invoice with the double number, 17 February; the oldest invoice deleted from
 * Exact from that date, 2026/4, carries the double number, so 1004 is written down and the next booking number is
 * corrected from 1003 to 1004, and 1003 is not handed out a third time. But 2026/3 is dated before the delink date:
 * deactivating leaves it linked to a booking Exact no longer has, and the sync never books it again (I1).
 */
export default defineScenario({
  id: 'same-booking-number-earlier-date',
  title: 'The same booking number, the deleted booking dated before the other invoice',
  sources: ['002'],
  rules: ['R7', 'R8', 'R9', 'R12', 'R13', 'P-samenumber', 'I1', 'I2'],
  expected: ['I1'],
  finding:
    "The article's procedure leaves invoice 2026/3 (10 February) linked to booking 1003, which no longer exists in Exact Online: it is dated before the delink date 2026-02-17, so deactivating keeps its stale booking number and the sync never books it again.",
  symptomInvariants: ['I1', 'I2'],
  doctor: {
    finding: 'same-booking-number',
    article: '002',
    procedure: 'P-samenumber',
    delinkDate: '2026-02-17',
    deleteInExact: ['70/1003'],
    writeDown: ['70: 1004'],
    nextBookingNumbers: ['70: Exact says 1003, set 1004'],
    deleteInFocus: [],
    startDate: '2026-01-01',
    journals: ['70', '71'],
    articleLeaves: ['I1'],
  },
  steps: [
    ...invoiceNumberHandedOutAgain({ date: '2026-02-17', words: '17 February (a week later)' }),
    ...repairFromDate(noteDoubleNumberDate('invoice'), { kind: 'invoice', writeDown: 'one-higher-if-double' }),
    step(
      'verify',
      'No two invoices share a booking number; 2026/3 keeps a booking that is gone',
      `Invoices now: ${bookedInWords(AFTER)}; journal 70 holds ${journalInWords(JOURNAL_AFTER, 1005)}. 1003 was not handed out a third time, but invoice 2026/3 still shows 1003, which Exact no longer holds. ` +
        'The bell says "Synchronisation finished: 0 customers, 1 invoice and 0 credit notes synced".',
      async (ctx) => {
        expectBooked(ctx, 'invoice', AFTER);
        await expectJournal(ctx, '70', JOURNAL_AFTER, 1005);
        expectBell(ctx, 'Synchronisation finished: 0 customers, 1 invoice and 0 credit notes synced');
      },
    ),
  ],
});
