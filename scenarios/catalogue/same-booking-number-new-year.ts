import { book, bookDraft, connectDemo, draft, expectSame, syncNow } from '../actions.js';
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
import { bellSays, checkerNames, moveDelinkDateBack, noteDoubleNumberDate, repairFromDate } from '../procedures.js';
import { defineScenario, step } from '../scenario.js';

const AFTER: Booked[] = [
  ['2025/1', 1001],
  ['2025/2', 1003],
  ['2026/1', 1004],
];
const JOURNAL_AFTER: Entry[] = [
  [1001, '2025/1'],
  [1003, '2025/2'],
  [1004, '2026/1'],
];

/**
 * Article 002 across the turn of the year. Focus restarts its invoice numbers with each fiscal year (focus-side.md §2,
 * numbering) while Exact's journal 70 counts on (R7): booking 1002 of invoice 2025/2 (22 December 2025) is deleted in
 * Exact, and invoice 2026/1 of 5 January, drafted on 1 December before 2025/2 existed, gets 1002 again. The bell names
 * them in number order, 2025 before 2026, whatever order they were made in (R9). As in
 * same-booking-number-earlier-date-complete, the invoice whose booking was deleted is the older one, so the delink date
 * moves back to 22 December and both are booked again: 2025/2 1003, 2026/1 1004.
 */
export default defineScenario({
  id: 'same-booking-number-new-year',
  title: 'The same booking number across the turn of the year',
  sources: ['002'],
  rules: ['R2', 'R7', 'R8', 'R9', 'R12', 'R13', 'P-samenumber', 'I1', 'I2'],
  expected: 'fixed',
  symptomInvariants: ['I1', 'I2'],
  doctor: {
    finding: 'same-booking-number',
    article: '002',
    procedure: 'P-samenumber',
    plan: 'completed',
    delinkDate: '2025-12-22',
    deleteInExact: ['70/1002'],
    writeDown: ['70: 1003'],
    nextBookingNumbers: ['70: Exact says 1002, set 1003'],
    deleteInFocus: [],
    startDate: '2025-12-01',
    journals: ['70', '71'],
    articleLeaves: ['I1'],
  },
  steps: [
    step(
      'setup',
      'Connect Exact Online from 1 December 2025 and import the customers',
      'The company connects Exact Online with start date 2025-12-01, journal 70 for invoices and 71 for credit notes, and imports its customers once: Focus says 4 companies were imported.',
      async (ctx) => {
        const connected = await connectDemo(ctx, { startDate: '2025-12-01', importContacts: true });
        expectSame(connected.importedCompanies, 4, 'The companies imported');
      },
    ),
    step(
      'setup',
      "Draft January's invoice to Delta Logistics; book and sync invoices 2025/1 and 2025/2",
      "On 1 December the invoice for Delta Logistics' January maintenance is drafted, dated 5 January 2026. Then two invoices are booked and synced: 2025/1 of 10 December to Brouwerij De Kroon (1001) and 2025/2 of 22 December to Van Dijk Installaties (1002).",
      async (ctx) => {
        draft(ctx, 'January maintenance', { date: '2026-01-05', customer: 'Delta Logistics' });
        book(ctx, '2025/1', { date: '2025-12-10' });
        book(ctx, '2025/2', { date: '2025-12-22', customer: 'Van Dijk Installaties' });
        await syncNow(ctx);
      },
    ),
    step(
      'reproduce',
      'The accountant deletes booking 1002 in Exact Online, not in Focus',
      'In Exact Online booking 1002, the booking of invoice 2025/2, is deleted. Focus still shows booking number 1002 on 2025/2.',
      async (ctx) => {
        await deleteInExact(ctx, '70', 1002);
      },
    ),
    step(
      'reproduce',
      'In January the drafted invoice is booked as 2026/1 and synced',
      'The draft of 5 January is booked: the new fiscal year starts at 2026/1. Exact gives a new booking the number of the last booking + 1, so it hands out 1002 again.',
      async (ctx) => {
        bookDraft(ctx, 'January maintenance', '2026/1');
        await syncNow(ctx);
        await expectReproduced(ctx, () => {
          expectBooked(ctx, 'invoice', [
            ['2025/1', 1001],
            ['2025/2', 1002],
            ['2026/1', 1002],
          ]);
        });
      },
    ),
    bellSays('The invoices 2025/2 and 2026/1 have the same booking number'),
    checkerNames(
      [
        ['I1', ['2025/2'], [1002]],
        ['I2', ['2025/2', '2026/1'], [1002]],
      ],
      '2025/2 is linked to booking 1002, which was deleted, and 2025/2 and 2026/1 both show 1002',
    ),
    ...repairFromDate(noteDoubleNumberDate('invoice'), {
      kind: 'invoice',
      writeDown: 'one-higher-if-double',
      beforeDeactivating: [moveDelinkDateBack('invoice')],
    }),
    step(
      'verify',
      'Every invoice has a booking of its own in Exact Online',
      `Invoices now: ${bookedInWords(AFTER)}; journal 70 holds ${journalInWords(JOURNAL_AFTER, 1005)}: 1002 is not handed out again. The bell says "Synchronisation finished: 0 customers, 2 invoices and 0 credit notes synced".`,
      async (ctx) => {
        expectBooked(ctx, 'invoice', AFTER);
        await expectJournal(ctx, '70', JOURNAL_AFTER, 1005);
        expectBell(ctx, 'Synchronisation finished: 0 customers, 2 invoices and 0 credit notes synced');
      },
    ),
  ],
});
