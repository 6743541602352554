import { book, expectSame, line } from '../actions.js';
import { bookedInWords, expectBell, expectBooked, expectJournal, journalInWords, type Booked, type Entry } from '../expectations.js';
import { connectFirstTime, deleteSyncedDocuments, NEXT_NUMBERS } from '../procedures.js';
import { defineScenario, step } from '../scenario.js';
import { deletingTestInvoiceRefused, realInvoicesSynced, TEST_INVOICE_STILL_THERE, testInvoiceSynced } from './test-invoice-case.js';

const INVOICES_AFTER: Booked[] = [
  ['2026/1', 1001],
  ['2026/2', 1002],
];
const JOURNAL_70_AFTER: Entry[] = [
  [1001, '2026/1'],
  [1002, '2026/2'],
];

/**
 * Article 000 with a credit note from the delink date on that is not synced yet: after test invoice 2026/3 (19 February,
 * 1003), credit note 2026/1 of 23 February to Atelier Lumière is booked, and no sync has run since. "Go to your credit
 * notes and check whether there are any from that particular date until now": there is one, but it has no booking
 * number, so nothing of it is in Exact to delete, and no number is written down for journal 71. The sync after
 * reconnecting books it as 8001.
 */
export default defineScenario({
  id: 'accidental-booking-unsynced-credit-note',
  title: 'Deleting a synced test invoice with a later credit note not synced yet',
  sources: ['000'],
  rules: ['R3', 'R5', 'R7', 'R8', 'R12', 'R13', 'P-delete', 'I8'],
  expected: 'fixed',
  symptom: TEST_INVOICE_STILL_THERE,
  doctor: {
    testDocuments: [{ kind: 'invoice', number: '2026/3' }],
    finding: 'accidental-booking',
    article: '000',
    procedure: 'P-delete',
    delinkDate: '2026-02-19',
    deleteInExact: ['70/1003'],
    writeDown: ['70: 1003'],
    nextBookingNumbers: ['70: Exact says 1003, as written down'],
    deleteInFocus: ['invoice 2026/3'],
    startDate: '2026-01-01',
    journals: ['70', '71'],
  },
  steps: [
    connectFirstTime(),
    realInvoicesSynced(),
    testInvoiceSynced(),
    step(
      'reproduce',
      'Credit note 2026/1 of 23 February is booked, not synced yet',
      'Credit note 2026/1 of 23 February to Atelier Lumière (-€242.00) is booked; no sync has run since, so it has no booking number yet.',
      (ctx) => {
        book(ctx, '2026/1', { date: '2026-02-23', customer: 'Atelier Lumière', kind: 'credit_note', lines: [line(20_000)] });
        expectBooked(ctx, 'credit_note', [['2026/1', null]]);
      },
    ),
    deletingTestInvoiceRefused(),
    ...deleteSyncedDocuments('invoice', ['2026/3']),
    step(
      'verify',
      'Only journal 70 got a number written down; the credit note is booked as 8001',
      `Credit note 2026/1 had no booking number, so the person wrote down 1003 for journal 70 only. Invoices now: ${bookedInWords(INVOICES_AFTER)}; journal 70 holds ${journalInWords(JOURNAL_70_AFTER, 1003)}. The sync after reconnecting booked credit note 2026/1 as 8001: journal 71 holds 8001 2026/1. The bell says "Synchronisation finished: 0 customers, 0 invoices and 1 credit note synced".`,
      async (ctx) => {
        expectSame(
          ctx.notes.read(NEXT_NUMBERS).map((n) => `${n.journal}: ${n.value}`),
          ['70: 1003'],
          'The next booking numbers written down',
        );
        expectBooked(ctx, 'invoice', INVOICES_AFTER);
        await expectJournal(ctx, '70', JOURNAL_70_AFTER, 1003);
        expectBooked(ctx, 'credit_note', [['2026/1', 8001]]);
        await expectJournal(ctx, '71', [[8001, '2026/1']], 8002);
        expectBell(ctx, 'Synchronisation finished: 0 customers, 0 invoices and 1 credit note synced');
      },
    ),
  ],
});
