import { book, documentNumbered, line, syncNow } from '../actions.js';
import { payInExact } from '../exact-moves.js';
import { bookedInWords, expectBell, expectBooked, expectJournal, journalInWords, type Booked, type Entry } from '../expectations.js';
import { connectFirstTime, deleteSyncedDocuments } from '../procedures.js';
import { defineScenario, step, StepFailure } from '../scenario.js';
import { overview, overviewRow, settingsScreen } from '../screens.js';
import { deletingTestInvoiceRefused, realInvoicesSynced, TEST_INVOICE_STILL_THERE, testInvoiceSynced } from './test-invoice-case.js';

const AFTER: Booked[] = [
  ['2026/1', 1001],
  ['2026/2', 1002],
];
const JOURNAL_AFTER: Entry[] = [
  [1001, '2026/1'],
  [1002, '2026/2'],
];

/**
 * Articles 000 and 002 when reconnecting: "The start date should be the date of the invoice that was first synced to
 * Exact Online. If the start date is set to a later date, the payment status of these invoices will not be fetched."
 * P-delete as in accidental-booking-last-invoice, but the start date filled in is 2026-01-14, the date of invoice
 * 2026/1 (the first synced), not the integration's original 2026-01-01. No booked document is dated between the two,
 * so nothing synced falls before the start date, and the payment of 2026/1 still reaches Focus (R14).
 */
export default defineScenario({
  id: 'reconnect-start-date-first-synced',
  title: 'Reconnecting from the date of the invoice first synced',
  sources: ['000', '002'],
  rules: ['R3', 'R5', 'R12', 'R13', 'R14', 'P-delete', 'I6'],
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
    firstSynced: '2026-01-14',
  },
  steps: [
    connectFirstTime(),
    step(
      'setup',
      'Credit note 2025/1 of 22 December 2025 is booked',
      'Focus also holds credit note 2025/1 of 22 December 2025 to Brouwerij De Kroon (-€121.00), dated before the start date of the integration.',
      (ctx) => {
        book(ctx, '2025/1', { date: '2025-12-22', kind: 'credit_note', lines: [line(10_000)] });
      },
    ),
    realInvoicesSynced(),
    testInvoiceSynced(),
    deletingTestInvoiceRefused(),
    ...deleteSyncedDocuments('invoice', ['2026/3'], { startDate: 'first-synced' }),
    step(
      'verify',
      'The start date is 2026-01-14, 13 days after the original 2026-01-01, and nothing lies between',
      'The settings now show start date 2026-01-14, the date of invoice 2026/1, the first one synced; the start date written down was 2026-01-01. No invoice or credit note is dated between the two, so every synced invoice is still on or after the start date. The sync after reconnecting said "There are no changes".',
      (ctx) => {
        expectBell(ctx, 'There are no changes');
        const { startDate } = settingsScreen(ctx);
        if (startDate !== '2026-01-14') throw new StepFailure(`The integration's start date is ${startDate}, not 2026-01-14.`);
        const between = [...overview(ctx, 'invoice'), ...overview(ctx, 'credit_note')].filter(
          (r) => r.status === 'booked' && r.date >= '2026-01-01' && r.date < '2026-01-14',
        );
        if (between.length)
          throw new StepFailure(
            `${between.map((r) => r.number).join(', ')} are dated between 2026-01-01 and 2026-01-14: their payment status would no longer be fetched.`,
          );
      },
    ),
    step(
      'verify',
      'Credit note 2025/1, dated before either start date, was never synced',
      'A sync sends only documents dated on or after the start date: credit note 2025/1 of 22 December 2025 still has no booking number, and journal 71 holds nothing.',
      async (ctx) => {
        expectBooked(ctx, 'credit_note', [['2025/1', null]]);
        await expectJournal(ctx, '71', [], 8001);
      },
    ),
    step(
      'verify',
      'Invoice 2026/1 is paid in Exact Online, and the next sync shows it paid in Focus',
      `Brouwerij De Kroon pays invoice 2026/1; the accountant registers the payment on booking 1001 in Exact Online. The next sync fetches it: Focus shows 2026/1 paid. Invoices: ${bookedInWords(AFTER)}; journal 70 holds ${journalInWords(JOURNAL_AFTER, 1003)}.`,
      async (ctx) => {
        await payInExact(ctx, '70', 1001);
        await syncNow(ctx);
        const paid = overviewRow(ctx, 'invoice', '2026/1').paymentStatus;
        if (paid !== 'paid') throw new StepFailure(`Focus shows invoice 2026/1 ${paid}: its payment did not arrive.`);
        expectBooked(ctx, 'invoice', AFTER);
        await expectJournal(ctx, '70', JOURNAL_AFTER, 1003);
      },
    ),
    step(
      'verify',
      'Van Dijk Installaties pays €500.00 of invoice 2026/2, and Focus shows it partly paid',
      'Van Dijk Installaties pays €500.00 of invoice 2026/2 (€1,210.00); the accountant registers it on booking 1002. The next sync fetches it: Focus shows 2026/2 partly paid, €500.00 paid, and 2026/1 still paid.',
      async (ctx) => {
        await payInExact(ctx, '70', 1002, 50_000);
        await syncNow(ctx);
        const second = documentNumbered(ctx, 'invoice', '2026/2');
        if (second.paymentStatus !== 'partially_paid' || second.paidCents !== 50_000)
          throw new StepFailure(
            `Focus shows invoice 2026/2 ${second.paymentStatus} with ${second.paidCents} cents paid, not partly paid with €500.00.`,
          );
        const first = overviewRow(ctx, 'invoice', '2026/1').paymentStatus;
        if (first !== 'paid') throw new StepFailure(`Focus shows invoice 2026/1 ${first} after the payment of 2026/2, not paid.`);
      },
    ),
    step(
      'verify',
      'Van Dijk Installaties pays €300.00 more, and Focus shows €800.00 paid',
      'Van Dijk Installaties pays another €300.00 of invoice 2026/2; the accountant registers it on booking 1002. The status stays partly paid, but the next sync fetches the new amount: Focus shows €800.00 paid.',
      async (ctx) => {
        await payInExact(ctx, '70', 1002, 30_000);
        await syncNow(ctx);
        const second = documentNumbered(ctx, 'invoice', '2026/2');
        if (second.paymentStatus !== 'partially_paid' || second.paidCents !== 80_000)
          throw new StepFailure(
            `Focus shows invoice 2026/2 ${second.paymentStatus} with ${second.paidCents} cents paid, not partly paid with €800.00.`,
          );
      },
    ),
  ],
});
