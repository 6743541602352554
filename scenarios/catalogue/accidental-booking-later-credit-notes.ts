import { book, expectRefused, line, syncNow, tryDeleteInFocus } from '../actions.js';
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
import { connectFirstTime, deleteSyncedDocuments } from '../procedures.js';
import { defineScenario, step } from '../scenario.js';
import { realDocumentsSynced, TEST_INVOICE_STILL_THERE } from './test-invoice-case.js';

const CREDIT_NOTES: Booked[] = [
  ['2026/1', 8001],
  ['2026/2', 8002],
  ['2026/3', 8003],
];
const INVOICES_AFTER: Booked[] = [
  ['2026/1', 1001],
  ['2026/2', 1002],
];
const JOURNAL_70_AFTER: Entry[] = [
  [1001, '2026/1'],
  [1002, '2026/2'],
];
const JOURNAL_71_AFTER: Entry[] = [
  [8001, '2026/1'],
  [8002, '2026/2'],
  [8003, '2026/3'],
];

/**
 * Article 000 with credit notes dated after the delink date: "Go to your credit notes … and check whether there are
 * any from that particular date of the invoice until now. If any, they will need to be deleted in Exact Online too."
 * Test invoice 2026/3 (19 February) is booked by accident; credit notes 2026/2 (20 February) and 2026/3 (24 February)
 * follow it. Their bookings are deleted in Exact too, deactivating resets them, and the sync books them again.
 */
export default defineScenario({
  id: 'accidental-booking-later-credit-notes',
  title: 'Deleting a synced test invoice with credit notes dated after it',
  sources: ['000'],
  rules: ['R3', 'R5', 'R7', 'R8', 'R12', 'R13', 'P-delete', 'I1', 'I8'],
  expected: 'fixed',
  symptom: TEST_INVOICE_STILL_THERE,
  doctor: {
    testDocuments: [{ kind: 'invoice', number: '2026/3' }],
    finding: 'accidental-booking',
    article: '000',
    procedure: 'P-delete',
    delinkDate: '2026-02-19',
    deleteInExact: ['70/1003', '71/8003', '71/8002'],
    writeDown: ['70: 1003', '71: 8002'],
    nextBookingNumbers: ['70: Exact says 1003, as written down', '71: Exact says 8002, as written down'],
    deleteInFocus: ['invoice 2026/3'],
    startDate: '2026-01-01',
    journals: ['70', '71'],
  },
  steps: [
    connectFirstTime(),
    realDocumentsSynced(),
    step(
      'reproduce',
      'Test invoice 2026/3 is booked by accident, credit notes 2026/2 and 2026/3 after it, all synced',
      `Test invoice 2026/3 of 19 February (Delta Logistics, €149.37) is booked by accident; credit notes 2026/2 of 20 February (Atelier Lumière, €242.00) and 2026/3 of 24 February (Brouwerij De Kroon, €121.00) are real. The sync books 2026/3 as 1003 and the credit notes as ${bookedInWords(CREDIT_NOTES.slice(1))}.`,
      async (ctx) => {
        book(ctx, '2026/3', { date: '2026-02-19', customer: 'Delta Logistics', lines: [line(12_345, { description: 'Test' })] });
        book(ctx, '2026/2', { date: '2026-02-20', customer: 'Atelier Lumière', kind: 'credit_note', lines: [line(20_000)] });
        book(ctx, '2026/3', { date: '2026-02-24', kind: 'credit_note', lines: [line(10_000)] });
        await syncNow(ctx);
        await expectReproduced(ctx, () => {
          expectBooked(ctx, 'credit_note', CREDIT_NOTES);
          expectBooked(ctx, 'invoice', [...INVOICES_AFTER, ['2026/3', 1003]]);
        });
      },
    ),
    step(
      'symptom',
      'Deleting invoice 2026/3 is refused: it has a booking number',
      'Deleting invoice 2026/3 in Focus gives an error message: it has booking number 1003 from the bookkeeping tool.',
      (ctx) => {
        expectRefused(tryDeleteInFocus(ctx, 'invoice', '2026/3'), 'Deleting invoice 2026/3', 'has_booking_number', [
          '2026/3',
          'booking number 1003',
        ]);
      },
    ),
    ...deleteSyncedDocuments('invoice', ['2026/3']),
    step(
      'verify',
      'Invoice 2026/3 is gone; the later credit notes are back in Exact Online',
      `Invoices now: ${bookedInWords(INVOICES_AFTER)}; journal 70 holds ${journalInWords(JOURNAL_70_AFTER, 1003)}. Credit notes 2026/2 and 2026/3 are booked again with their old numbers: ${journalInWords(JOURNAL_71_AFTER, 8004)}. ` +
        'The bell says "Synchronisation finished: 0 customers, 0 invoices and 2 credit notes synced".',
      async (ctx) => {
        expectBooked(ctx, 'invoice', INVOICES_AFTER);
        expectBooked(ctx, 'credit_note', CREDIT_NOTES);
        await expectJournal(ctx, '70', JOURNAL_70_AFTER, 1003);
        await expectJournal(ctx, '71', JOURNAL_71_AFTER, 8004);
        expectBell(ctx, 'Synchronisation finished: 0 customers, 0 invoices and 2 credit notes synced');
      },
    ),
  ],
});
