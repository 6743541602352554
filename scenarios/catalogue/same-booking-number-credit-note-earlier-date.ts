import { book, line, syncNow } from '../actions.js';
import { bookedInWords, expectBell, expectBooked, expectJournal, journalInWords, type Booked, type Entry } from '../expectations.js';
import { connectFirstTime, moveDelinkDateBack, noteDoubleNumberDate, repairFromDate } from '../procedures.js';
import { defineScenario, step } from '../scenario.js';
import { creditNoteNumberHandedOutAgain } from './same-number-case.js';

const INVOICES: Booked[] = [
  ['2026/1', 1001],
  ['2026/2', 1002],
];
const CREDIT_NOTES_AFTER: Booked[] = [
  ['2026/1', 8001],
  ['2026/2', 8003],
  ['2026/3', 8004],
];
const JOURNAL_71_AFTER: Entry[] = [
  [8001, '2026/1'],
  [8003, '2026/2'],
  [8004, '2026/3'],
];

/**
 * same-booking-number-earlier-date-complete for credit notes (article 002: "change the word invoice with credit note
 * and vice versa"). Booking 8002 of credit note 2026/2 (10 February) is deleted in Exact, not in Focus; journal 71 hands
 * 8002 out again to credit note 2026/3 of 17 February, a week later. The date written down is 17 February; comparing
 * the credit note overview with journal 71 shows 2026/2 lost its booking, so the delink date moves back to 10 February
 * ("the date of the first invoice or credit note that had to be deleted"). The sync books 2026/2 and 2026/3 again as
 * 8003 (one higher, as written down) and 8004; the invoices of January and 3 February keep 1001 and 1002.
 */
export default defineScenario({
  id: 'same-booking-number-credit-note-earlier-date',
  title: 'The credit notes X and Y have the same booking number, the deleted booking dated earlier: the complete repair',
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
    deleteInExact: ['71/8002'],
    writeDown: ['71: 8003'],
    nextBookingNumbers: ['71: Exact says 8002, set 8003'],
    deleteInFocus: [],
    startDate: '2026-01-01',
    journals: ['70', '71'],
    articleLeaves: ['I1'],
  },
  steps: [
    connectFirstTime(),
    step(
      'setup',
      'Book and sync invoices 2026/1 and 2026/2 and credit notes 2026/1 and 2026/2',
      `Invoices ${bookedInWords(INVOICES)} and credit notes 2026/1 of 3 February (8001) and 2026/2 of 10 February (8002) are booked and synced.`,
      async (ctx) => {
        book(ctx, '2026/1', { date: '2026-01-15' });
        book(ctx, '2026/2', { date: '2026-02-03', customer: 'Van Dijk Installaties' });
        book(ctx, '2026/1', { date: '2026-02-03', kind: 'credit_note', lines: [line(10_000)] });
        book(ctx, '2026/2', { date: '2026-02-10', customer: 'Van Dijk Installaties', kind: 'credit_note', lines: [line(50_000)] });
        await syncNow(ctx);
      },
    ),
    ...creditNoteNumberHandedOutAgain({ date: '2026-02-17', day: '17 February', words: '17 February (a week later)' }),
    ...repairFromDate(noteDoubleNumberDate('credit_note'), {
      kind: 'credit_note',
      writeDown: 'one-higher-if-double',
      beforeDeactivating: [moveDelinkDateBack('credit_note')],
    }),
    step(
      'verify',
      'Every credit note has a booking of its own in Exact Online; the invoices are untouched',
      `Credit notes now: ${bookedInWords(CREDIT_NOTES_AFTER)}; journal 71 holds ${journalInWords(JOURNAL_71_AFTER, 8005)}: 8002 is not handed out again. Invoices still ${bookedInWords(INVOICES)}. ` +
        'The bell says "Synchronisation finished: 0 customers, 0 invoices and 2 credit notes synced".',
      async (ctx) => {
        expectBooked(ctx, 'credit_note', CREDIT_NOTES_AFTER);
        expectBooked(ctx, 'invoice', INVOICES);
        await expectJournal(ctx, '71', JOURNAL_71_AFTER, 8005);
        expectBell(ctx, 'Synchronisation finished: 0 customers, 0 invoices and 2 credit notes synced');
      },
    ),
  ],
});
