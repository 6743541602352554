import { book, creditInvoice, expectRefused, expectSame, line, syncNow, tryDeleteInFocus } from '../actions.js';
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
import { connectFirstTime, syncAgain } from '../procedures.js';
import { defineScenario, step } from '../scenario.js';
import { journalScreen, overview } from '../screens.js';

const INVOICES: Booked[] = [
  ['2026/1', 1001],
  ['2026/2', 1002],
  ['2026/3', 1003],
];
const JOURNAL_71: Entry[] = [[8001, '2026/1']];

/**
 * Article 000's note: "deleting an invoice can have legal implications. You best credit the invoice via a credit
 * note." Test invoice 2026/2 (4 February, Delta Logistics, €149.37) is not the last invoice, so Focus refuses to
 * delete it (R2) and says to credit it. Credit note 2026/1 of 2 March cancels it on both sides.
 */
export default defineScenario({
  id: 'accidental-booking-not-last-credit',
  title: 'A test invoice that is not the last one, credited with a credit note',
  sources: ['000'],
  rules: ['R2', 'R5', 'R6', 'P-delete', 'I1'],
  expected: 'fixed',
  symptom: {
    description: 'test invoice 2026/2 is not credited: no credit note of -€149.37 stands in Focus and in Exact Online',
    async present(ctx) {
      const inFocus = overview(ctx, 'credit_note').some((r) => r.total === '-€149.37' && r.bookingNumber !== null);
      const inExact = (await journalScreen(ctx, '71')).entries.some((e) => e.amount === '-€149.37');
      return !(inFocus && inExact);
    },
  },
  doctor: {
    testDocuments: [{ kind: 'invoice', number: '2026/2' }],
    finding: 'accidental-booking',
    article: '000',
    procedure: 'credit',
    credit: 'invoice 2026/2 on 2026-03-02',
    delinkDate: null,
    deleteInExact: [],
    writeDown: [],
    nextBookingNumbers: [],
    deleteInFocus: [],
    startDate: null,
    journals: null,
  },
  steps: [
    connectFirstTime(),
    step(
      'reproduce',
      'Invoice 2026/1, test invoice 2026/2 and invoice 2026/3 are booked and synced',
      `Invoice 2026/1 of 14 January, test invoice 2026/2 of 4 February (Delta Logistics, €149.37), booked by accident, and real invoice 2026/3 of 9 February are synced: ${bookedInWords(INVOICES)}.`,
      async (ctx) => {
        book(ctx, '2026/1', { date: '2026-01-14' });
        book(ctx, '2026/2', { date: '2026-02-04', customer: 'Delta Logistics', lines: [line(12_345, { description: 'Test' })] });
        book(ctx, '2026/3', { date: '2026-02-09', customer: 'Van Dijk Installaties' });
        await syncNow(ctx);
        await expectReproduced(ctx, () => {
          expectBooked(ctx, 'invoice', INVOICES);
        });
      },
    ),
    {
      ...step(
        'symptom',
        'Deleting test invoice 2026/2 is refused, with the advice to credit it',
        'Deleting 2026/2 is refused: only the last invoice (2026/3) can be deleted. "Credit it with a credit note, or set its amount to zero."',
        (ctx) => {
          expectRefused(tryDeleteInFocus(ctx, 'invoice', '2026/2'), 'Deleting invoice 2026/2', 'not_last', [
            '2026/2',
            'only the last invoice (2026/3)',
            'Credit it with a credit note',
          ]);
        },
      ),
      outlivesRepair:
        'The repair credits 2026/2 instead of deleting it: it stays in the series, and Focus still refuses to delete it (R2).',
    },
    step(
      'repair',
      'Credit test invoice 2026/2 with a credit note',
      '"You best credit the invoice via a credit note": on 2 March invoice 2026/2 is credited; Focus books credit note 2026/1 of -€149.37 with the same lines.',
      (ctx) => {
        creditInvoice(ctx, '2026/2', { date: '2026-03-02', creditNote: '2026/1' });
      },
    ),
    syncAgain(),
    step(
      'verify',
      'Credit note 2026/1 cancels test invoice 2026/2 on both sides',
      `The invoices keep their numbers, no gap: ${bookedInWords(INVOICES)}. Credit note 2026/1 (-€149.37) is booked as 8001: journal 71 holds ${journalInWords(JOURNAL_71, 8002)}. ` +
        'The bell says "Synchronisation finished: 0 customers, 0 invoices and 1 credit note synced".',
      async (ctx) => {
        expectBooked(ctx, 'invoice', INVOICES);
        expectBooked(ctx, 'credit_note', [['2026/1', 8001]]);
        expectSame(overview(ctx, 'credit_note')[0]?.total, '-€149.37', 'Credit note 2026/1 in Focus');
        await expectJournal(ctx, '71', JOURNAL_71, 8002);
        expectSame((await journalScreen(ctx, '71')).entries[0]?.amount, '-€149.37', 'Booking 8001 in Exact Online');
        expectBell(ctx, 'Synchronisation finished: 0 customers, 0 invoices and 1 credit note synced');
      },
    ),
  ],
});
