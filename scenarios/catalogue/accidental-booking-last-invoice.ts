import { bookDraft, expectSame, syncNow } from '../actions.js';
import {
  bookedInWords,
  expectBell,
  expectBooked,
  expectJournal,
  expectStillDraft,
  journalInWords,
  type Booked,
  type Entry,
} from '../expectations.js';
import { connectFirstTime, COUNTER_CHECK, DELINKED, deleteSyncedDocuments } from '../procedures.js';
import { defineScenario, step } from '../scenario.js';
import {
  deletingTestInvoiceRefused,
  MARCH_DRAFT,
  marchDraftMade,
  realInvoicesSynced,
  REAL_INVOICES,
  REAL_INVOICES_JOURNAL,
  TEST_INVOICE_STILL_THERE,
  testInvoiceGone,
  testInvoiceSynced,
} from './test-invoice-case.js';

const NEXT_REAL: Booked[] = [...REAL_INVOICES, ['2026/3', 1003]];
const JOURNAL_NEXT_REAL: Entry[] = [...REAL_INVOICES_JOURNAL, [1003, '2026/3']];

/**
 * Article 000: test invoice 2026/3 (19 February, Delta Logistics, €149.37) is booked by accident, is the last
 * invoice and is already synced as booking 1003. Deleting it is refused while it carries a booking number (R3);
 * P-delete removes it from Exact Online and from Focus. The next real invoice, of 2 March, waits as a draft: dated after
 * the delink date but without booking number, deactivating leaves it alone, and booked afterwards it becomes 2026/3.
 */
export default defineScenario({
  id: 'accidental-booking-last-invoice',
  title: 'Deleting a test invoice that is already synced with Exact Online',
  sources: ['000'],
  rules: ['R2', 'R3', 'R7', 'R8', 'R12', 'R13', 'P-delete', 'I8'],
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
    marchDraftMade(),
    testInvoiceSynced(),
    deletingTestInvoiceRefused(),
    ...deleteSyncedDocuments('invoice', ['2026/3']),
    testInvoiceGone(),
    step(
      'verify',
      'Exact handed booking number 1003 back',
      'Booking 1003 was the last of journal 70, so deleting it set the next booking number back to 1003 (R7): when checked, Exact said 1003, as written down, and nothing had to be corrected.',
      (ctx) => {
        expectSame(
          ctx.notes.read(COUNTER_CHECK),
          [{ journal: '70', exact: 1003, writtenDown: 1003 }],
          "Journal 70's next booking number when checked",
        );
      },
    ),
    step(
      'verify',
      'Deactivating reset 2026/3 only, not the draft of 2 March',
      'The delink date 2026-02-19 reset every invoice and credit note from that date on that had a booking number: invoice 2026/3 only (R12). The draft of 2 March to Atelier Lumière, dated after it, had none to lose: it is still a draft without booking number.',
      (ctx) => {
        expectSame(ctx.notes.read(DELINKED).documents, ['2026/3'], 'What deactivating reset');
        expectStillDraft(ctx, MARCH_DRAFT, 'The invoice of 2 March');
      },
    ),
    step(
      'verify',
      'The next real invoice is 2026/3 again, booked as 1003',
      `Focus numbers invoices without gaps (R2), so the draft of 2 March to Atelier Lumière, booked now, is numbered 2026/3 again, and the sync books it as 1003: invoices ${bookedInWords(NEXT_REAL)}; journal 70 holds ${journalInWords(JOURNAL_NEXT_REAL, 1004)}. The bell says "Synchronisation finished: 0 customers, 1 invoice and 0 credit notes synced".`,
      async (ctx) => {
        bookDraft(ctx, MARCH_DRAFT, '2026/3');
        await syncNow(ctx);
        expectBooked(ctx, 'invoice', NEXT_REAL);
        await expectJournal(ctx, '70', JOURNAL_NEXT_REAL, 1004);
        expectBell(ctx, 'Synchronisation finished: 0 customers, 1 invoice and 0 credit notes synced');
      },
    ),
  ],
});
