import { book, line, syncNow } from '../actions.js';
import { bookedInWords, expectBell, expectBooked, expectJournal, journalInWords, type Booked, type Entry } from '../expectations.js';
import { connectFirstTime, noteDoubleNumberDate, repairFromDate } from '../procedures.js';
import { defineScenario, step } from '../scenario.js';
import { creditNoteNumberHandedOutAgain } from './same-number-case.js';

const INVOICES: Booked[] = [
  ['2026/1', 1001],
  ['2026/2', 1002],
  ['2026/3', 1003],
  ['2026/4', 1004],
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
const JOURNAL_70_AFTER: Entry[] = [
  [1001, '2026/1'],
  [1002, '2026/2'],
  [1003, '2026/3'],
  [1004, '2026/4'],
];

/**
 * Article 002 for a credit note ("change the word invoice with credit note and vice versa"): booking 8002 of credit
 * note 2026/2 is deleted in Exact, journal 71 hands 8002 out again to credit note 2026/3 of the same day. Invoice
 * 2026/4 (12 February), found when checking the invoices from the delink date, is deleted in Exact too and comes back
 * as 1004; the credit notes come back one number higher, from 8003.
 */
export default defineScenario({
  id: 'same-booking-number-credit-note',
  title: 'The credit notes X and Y have the same booking number',
  sources: ['002'],
  rules: ['R7', 'R8', 'R9', 'R12', 'R13', 'P-samenumber', 'I1', 'I2'],
  expected: 'fixed',
  symptomInvariants: ['I1', 'I2'],
  doctor: {
    finding: 'same-booking-number',
    article: '002',
    procedure: 'P-samenumber',
    delinkDate: '2026-02-10',
    deleteInExact: ['70/1004', '71/8002'],
    writeDown: ['70: 1004', '71: 8003'],
    nextBookingNumbers: ['70: Exact says 1004, as written down', '71: Exact says 8002, set 8003'],
    deleteInFocus: [],
    startDate: '2026-01-01',
    journals: ['70', '71'],
  },
  steps: [
    connectFirstTime(),
    step(
      'setup',
      'Book and sync invoices 2026/1 to 2026/4 and credit notes 2026/1 and 2026/2',
      `Invoices ${bookedInWords(INVOICES)} and credit notes 2026/1 of 3 February (8001) and 2026/2 of 10 February (8002) are booked and synced.`,
      async (ctx) => {
        book(ctx, '2026/1', { date: '2026-01-15' });
        book(ctx, '2026/2', { date: '2026-02-03', customer: 'Van Dijk Installaties' });
        book(ctx, '2026/3', { date: '2026-02-06', customer: 'Atelier Lumière' });
        book(ctx, '2026/4', { date: '2026-02-12', customer: 'Delta Logistics' });
        book(ctx, '2026/1', { date: '2026-02-03', kind: 'credit_note', lines: [line(10_000)] });
        book(ctx, '2026/2', { date: '2026-02-10', customer: 'Van Dijk Installaties', kind: 'credit_note', lines: [line(50_000)] });
        await syncNow(ctx);
      },
    ),
    ...creditNoteNumberHandedOutAgain({ date: '2026-02-10', day: '10 February', words: 'the same day' }),
    ...repairFromDate(noteDoubleNumberDate('credit_note'), { kind: 'credit_note', writeDown: 'one-higher-if-double' }),
    step(
      'verify',
      'Every credit note has a booking number of its own; 8002 is not handed out again',
      `Credit notes now: ${bookedInWords(CREDIT_NOTES_AFTER)}; journal 71 holds ${journalInWords(JOURNAL_71_AFTER, 8005)}. Invoice 2026/4 is back as 1004: journal 70 holds ${journalInWords(JOURNAL_70_AFTER, 1005)}. ` +
        'The bell says "Synchronisation finished: 0 customers, 1 invoice and 2 credit notes synced".',
      async (ctx) => {
        expectBooked(ctx, 'credit_note', CREDIT_NOTES_AFTER);
        expectBooked(ctx, 'invoice', INVOICES);
        await expectJournal(ctx, '71', JOURNAL_71_AFTER, 8005);
        await expectJournal(ctx, '70', JOURNAL_70_AFTER, 1005);
        expectBell(ctx, 'Synchronisation finished: 0 customers, 1 invoice and 2 credit notes synced');
      },
    ),
  ],
});
