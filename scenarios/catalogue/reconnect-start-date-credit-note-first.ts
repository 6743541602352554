import { book, line } from '../actions.js';
import { expectBell, expectBooked, expectJournal } from '../expectations.js';
import { connectFirstTime, deleteSyncedDocuments } from '../procedures.js';
import { defineScenario, step, StepFailure } from '../scenario.js';
import { settingsScreen } from '../screens.js';
import { deletingTestInvoiceRefused, realInvoicesSynced, TEST_INVOICE_STILL_THERE, testInvoiceSynced } from './test-invoice-case.js';

/**
 * Articles 000 and 002 when reconnecting ("The start date should be the date of the invoice that was first synced to
 * Exact Online"), when the first document synced is a credit note: credit note 2026/1 of 9 January, to Brouwerij De
 * Kroon, is synced as 8001 with invoices 2026/1 (14 January) and 2026/2. Read for both kinds, as the sync sends both
 * from the start date on (R5, R14), the rule gives 9 January: reconnecting from the first invoice, 14 January, would
 * leave the credit note before the start date.
 */
export default defineScenario({
  id: 'reconnect-start-date-credit-note-first',
  title: 'Reconnecting from the date of the first synced document, a credit note',
  sources: ['000', '002'],
  rules: ['R5', 'R12', 'R13', 'R14', 'P-delete', 'I1'],
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
    firstSynced: '2026-01-09',
  },
  steps: [
    connectFirstTime(),
    step(
      'setup',
      'Credit note 2026/1 of 9 January is booked',
      'Credit note 2026/1 of 9 January to Brouwerij De Kroon (-€121.00) is booked; the next sync sends it with the invoices.',
      (ctx) => {
        book(ctx, '2026/1', { date: '2026-01-09', kind: 'credit_note', lines: [line(10_000)] });
      },
    ),
    realInvoicesSynced(),
    testInvoiceSynced(),
    deletingTestInvoiceRefused(),
    ...deleteSyncedDocuments('invoice', ['2026/3'], { startDate: 'first-synced' }),
    step(
      'verify',
      'The start date is 2026-01-09, the date of credit note 2026/1',
      'The settings now show start date 2026-01-09, the date of credit note 2026/1, the first document synced, not 2026-01-14 of invoice 2026/1. Credit note 2026/1 keeps booking 8001 in journal 71, and the sync after reconnecting said "There are no changes".',
      async (ctx) => {
        expectBell(ctx, 'There are no changes');
        const { startDate } = settingsScreen(ctx);
        if (startDate !== '2026-01-09') throw new StepFailure(`The integration's start date is ${startDate}, not 2026-01-09.`);
        expectBooked(ctx, 'credit_note', [['2026/1', 8001]]);
        await expectJournal(ctx, '71', [[8001, '2026/1']], 8002);
      },
    ),
  ],
});
