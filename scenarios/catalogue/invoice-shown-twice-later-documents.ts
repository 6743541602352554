import { book, line, syncNow } from '../actions.js';
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
import { invoiceTypedInByHand } from './shown-twice-case.js';

const INVOICES: Booked[] = [
  ['2026/1', 1002],
  ['2026/2', 1003],
  ['2026/3', 1004],
  ['2026/4', 1005],
];
const CREDIT_NOTES: Booked[] = [
  ['2026/1', 8001],
  ['2026/2', 8002],
  ['2026/3', 8003],
];
const JOURNAL_70_AFTER: Entry[] = [
  [1002, '2026/1'],
  [1003, '2026/2'],
  [1004, '2026/3'],
  [1005, '2026/4'],
];
const JOURNAL_71_AFTER: Entry[] = [
  [8001, '2026/1'],
  [8002, '2026/2'],
  [8003, '2026/3'],
];

/**
 * Article 001 with documents after the duplicate's date: invoice 2026/2 (3 February) was typed into Exact by hand as
 * booking 1001 before connecting, and synced again as 1003. "All invoices from that date up till now" (2026/2 to
 * 2026/4) and the credit notes from that date (2026/2, 2026/3) are deleted in Exact and synced again; invoice 2026/1
 * and credit note 2026/1, dated before, keep their bookings. The new bookings follow the last ones kept: 1003, 8002.
 */
export default defineScenario({
  id: 'invoice-shown-twice-later-documents',
  title: 'An invoice shown twice, with invoices and credit notes after it',
  sources: ['001'],
  rules: ['R5', 'R7', 'R8', 'R10', 'R12', 'R13', 'P-twice', 'I1', 'I8'],
  expected: 'fixed',
  symptomInvariants: ['I1', 'I8'],
  doctor: {
    finding: 'shown-twice',
    article: '001',
    procedure: 'P-twice',
    delinkDate: '2026-02-03',
    deleteInExact: ['70/1005', '70/1004', '70/1003', '70/1001', '71/8003', '71/8002'],
    writeDown: ['70: 1003', '71: 8002'],
    nextBookingNumbers: ['70: Exact says 1003, as written down', '71: Exact says 8002, as written down'],
    deleteInFocus: [],
    startDate: '2026-01-01',
    journals: ['70', '71'],
  },
  steps: [
    invoiceTypedInByHand(),
    connectFirstTime(),
    step(
      'setup',
      'Book invoices 2026/1 to 2026/4 and credit notes 2026/1 to 2026/3 in Focus',
      'Focus holds invoices 2026/1 (15 January), 2026/2 (3 February, the one typed in), 2026/3 (10 February) and 2026/4 (17 February), and credit notes 2026/1 (28 January), 2026/2 (12 February) and 2026/3 (24 February).',
      (ctx) => {
        book(ctx, '2026/1', { date: '2026-01-15' });
        book(ctx, '2026/2', { date: '2026-02-03', customer: 'Van Dijk Installaties' });
        book(ctx, '2026/3', { date: '2026-02-10', customer: 'Atelier Lumière' });
        book(ctx, '2026/4', { date: '2026-02-17', customer: 'Delta Logistics' });
        book(ctx, '2026/1', { date: '2026-01-28', kind: 'credit_note', lines: [line(10_000)] });
        book(ctx, '2026/2', { date: '2026-02-12', customer: 'Atelier Lumière', kind: 'credit_note', lines: [line(20_000)] });
        book(ctx, '2026/3', { date: '2026-02-24', customer: 'Delta Logistics', kind: 'credit_note', lines: [line(30_000)] });
      },
    ),
    step(
      'reproduce',
      'Focus syncs everything, invoice 2026/2 included',
      `The sync sends the invoices, ${bookedInWords(INVOICES)}, and the credit notes, ${bookedInWords(CREDIT_NOTES)}.`,
      async (ctx) => {
        await syncNow(ctx);
        await expectReproduced(ctx, () => {
          expectBooked(ctx, 'invoice', INVOICES);
          expectBooked(ctx, 'credit_note', CREDIT_NOTES);
        });
      },
    ),
    shownTwiceInExact('invoice', '70', '2026/2', [1001, 1003], 'Invoice 2026/2 Van Dijk Installaties'),
    checkerNames(
      [
        ['I1', ['2026/2'], [1001, 1003]],
        ['I8', ['2026/2'], [1001]],
      ],
      'invoice 2026/2 stands twice in journal 70, and booking 1001, typed in by hand, stands for no document linked to it',
    ),
    ...repairFromDate(noteDateShownTwice('invoice'), { kind: 'invoice', writeDown: 'after-last-kept' }),
    step(
      'verify',
      'Every invoice and credit note stands once in Exact Online',
      `Invoices now: ${bookedInWords(INVOICES)}; journal 70 holds ${journalInWords(JOURNAL_70_AFTER, 1006)} (1001, the number typed in by hand, is not used again). ` +
        `Credit notes: ${bookedInWords(CREDIT_NOTES)}; journal 71 holds ${journalInWords(JOURNAL_71_AFTER, 8004)}. The bell says "Synchronisation finished: 0 customers, 3 invoices and 2 credit notes synced".`,
      async (ctx) => {
        expectBooked(ctx, 'invoice', INVOICES);
        expectBooked(ctx, 'credit_note', CREDIT_NOTES);
        await expectJournal(ctx, '70', JOURNAL_70_AFTER, 1006);
        await expectJournal(ctx, '71', JOURNAL_71_AFTER, 8004);
        expectBell(ctx, 'Synchronisation finished: 0 customers, 3 invoices and 2 credit notes synced');
      },
    ),
  ],
});
