import { bookedInWords, expectBell, expectBooked, expectJournal, journalInWords, type Booked, type Entry } from '../expectations.js';
import { moveDelinkDateBack, noteDoubleNumberDate, repairFromDate } from '../procedures.js';
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
 * same-booking-number-earlier-date with the one step that completes the repair. Before deactivating, the person
 * compares the overview with Exact's journal 70: invoice 2026/3 (10 February) shows booking number 1003, which the
 * journal no longer holds for it. The article's deactivate step defines the delink date as "the date of the first
 * invoice or credit note that had to be deleted from Exact Online", so the delink date moves back from 17 to 10
 * February. Deactivating then resets 2026/3 as well, and the sync books it again: 1004 (one higher, as written down)
 * and 2026/4 1005. Nothing is left wrong.
 */
export default defineScenario({
  id: 'same-booking-number-earlier-date-complete',
  title: 'The same booking number, the deleted booking dated earlier: the complete repair',
  sources: ['002'],
  rules: ['R7', 'R8', 'R9', 'R12', 'R13', 'P-samenumber', 'I1', 'I2'],
  expected: 'fixed',
  symptomInvariants: ['I1', 'I2'],
  doctor: {
    finding: 'same-booking-number',
    article: '002',
    procedure: 'P-samenumber',
    plan: 'completed',
    delinkDate: '2026-02-10',
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
    ...repairFromDate(noteDoubleNumberDate('invoice'), {
      kind: 'invoice',
      writeDown: 'one-higher-if-double',
      beforeDeactivating: [moveDelinkDateBack('invoice')],
    }),
    step(
      'verify',
      'Every invoice has a booking of its own in Exact Online',
      `Invoices now: ${bookedInWords(AFTER)}; journal 70 holds ${journalInWords(JOURNAL_AFTER, 1006)}: 1003 is not handed out again. The bell says "Synchronisation finished: 0 customers, 2 invoices and 0 credit notes synced".`,
      async (ctx) => {
        expectBooked(ctx, 'invoice', AFTER);
        await expectJournal(ctx, '70', JOURNAL_AFTER, 1006);
        expectBell(ctx, 'Synchronisation finished: 0 customers, 2 invoices and 0 credit notes synced');
      },
    ),
  ],
});
