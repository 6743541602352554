import { bookedInWords, expectBell, expectBooked, expectJournal, journalInWords, type Booked, type Entry } from '../expectations.js';
import { connectFirstTime, moveDelinkDateBack, noteDoubleNumberDate, repairFromDate } from '../procedures.js';
import { book, line } from '../actions.js';
import { defineScenario, step } from '../scenario.js';
import { invoiceNumberReused, invoiceNumberReuseReported } from './same-number-case.js';

const AFTER: Booked[] = [
  ['2026/1', 1001],
  ['2026/2', 1002],
  ['2026/3', 1004],
  ['2026/4', 1003],
];
const JOURNAL_AFTER: Entry[] = [
  [1001, '2026/1'],
  [1002, '2026/2'],
  [1003, '2026/4'],
  [1004, '2026/3'],
];

/**
 * Article 002 when the invoice that got the number again is backdated: booking 1003 of invoice 2026/3 (10 February)
 * was deleted in Exact but not in Focus, and Exact hands 1003 out again to invoice 2026/4, dated 6 February. "Check the
 * date of the most recent invoice with the double booking number": that is 2026/3, the lower number, so the delink
 * date is 10 February. Nothing in journal 70 is dated from then on (booking 1003 now stands for 2026/4 of 6 February);
 * 2026/3 carries the double number, so the person writes down 1004, which Exact already says. The step that completes
 * the repair (same-booking-number-earlier-date-complete) finds no earlier document whose booking is gone: journal 70
 * holds 1003 for 2026/4, and credit note 2025/1, dated before the start date, never had a booking to lose, so the
 * delink date stays. Deactivating resets 2026/3 alone, and the sync books it as 1004; 2026/4
 * keeps 1003.
 */
export default defineScenario({
  id: 'same-booking-number-backdated',
  title: 'The same booking number, the invoice that got it again dated earlier',
  sources: ['002'],
  rules: ['R7', 'R8', 'R9', 'R12', 'R13', 'P-samenumber', 'I1', 'I2'],
  expected: 'fixed',
  symptomInvariants: ['I1', 'I2'],
  doctor: {
    finding: 'same-booking-number',
    article: '002',
    procedure: 'P-samenumber',
    delinkDate: '2026-02-10',
    deleteInExact: [],
    writeDown: ['70: 1004'],
    nextBookingNumbers: ['70: Exact says 1004, as written down'],
    deleteInFocus: [],
    startDate: '2026-01-01',
    journals: ['70', '71'],
  },
  steps: [
    connectFirstTime(),
    step(
      'setup',
      'Credit note 2025/1 of 22 December 2025 is booked',
      'Focus also holds credit note 2025/1 of 22 December 2025 to Brouwerij De Kroon (-€121.00), dated before the start date of the integration: it is never synced and has no booking number.',
      (ctx) => {
        book(ctx, '2025/1', { date: '2025-12-22', kind: 'credit_note', lines: [line(10_000)] });
      },
    ),
    ...invoiceNumberReused({ date: '2026-02-06', words: '6 February (backdated, before 2026/3)' }),
    ...invoiceNumberReuseReported(),
    ...repairFromDate(noteDoubleNumberDate('invoice'), {
      kind: 'invoice',
      writeDown: 'one-higher-if-double',
      beforeDeactivating: [moveDelinkDateBack('invoice')],
    }),
    step(
      'verify',
      'Every invoice has a booking number of its own; 2026/4 keeps 1003',
      `Invoices now: ${bookedInWords(AFTER)}; journal 70 holds ${journalInWords(JOURNAL_AFTER, 1005)}. The bell says "Synchronisation finished: 0 customers, 1 invoice and 0 credit notes synced".`,
      async (ctx) => {
        expectBooked(ctx, 'invoice', AFTER);
        await expectJournal(ctx, '70', JOURNAL_AFTER, 1005);
        expectBell(ctx, 'Synchronisation finished: 0 customers, 1 invoice and 0 credit notes synced');
      },
    ),
  ],
});
