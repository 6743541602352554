import { book, bookDraft, draft, syncNow } from '../actions.js';
import { bookedInWords, expectBell, expectBooked, expectJournal, journalInWords, type Booked, type Entry } from '../expectations.js';
import { connectFirstTime, deleteSyncedDocuments } from '../procedures.js';
import { defineScenario, step } from '../scenario.js';
import {
  deletingTestInvoiceRefused,
  MARCH_DRAFT,
  marchDraftMade,
  REAL_INVOICES,
  REAL_INVOICES_JOURNAL,
  TEST_INVOICE_STILL_THERE,
  testInvoiceGone,
  testInvoiceSynced,
} from './test-invoice-case.js';

const FEBRUARY_DRAFT = 'the invoice of 5 February';
const NEXT_REAL: Booked[] = [...REAL_INVOICES, ['2026/3', 1003]];
const JOURNAL_NEXT_REAL: Entry[] = [...REAL_INVOICES_JOURNAL, [1003, '2026/3']];

/**
 * Article 000 when the real invoices were not made in the order they were booked: the invoice of 5 February to Van
 * Dijk Installaties is prepared as a draft in January, before invoice 2026/1 of 14 January is made and booked, and is
 * booked itself on 5 February as 2026/2. Test invoice 2026/3 (19 February, 1003) is then booked by accident and synced;
 * P-delete removes it. "Only the last invoice can be deleted" and numbers have no gaps (R2): the last invoice is the
 * highest number, 2026/2, not the one made last, so the next real invoice, of 2 March, is numbered 2026/3 again.
 */
export default defineScenario({
  id: 'accidental-booking-draft-booked-later',
  title: 'Deleting a synced test invoice when an earlier draft was booked later',
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
    step(
      'setup',
      'The invoice of 5 February is drafted first, booked after 2026/1',
      'In January the invoice of 5 February to Van Dijk Installaties (€1,210.00) is prepared and left a draft. Invoice 2026/1 of 14 January to Brouwerij De Kroon is made after it and booked; the draft is booked on 5 February as 2026/2. Both are synced: 2026/1 (1001) and 2026/2 (1002).',
      async (ctx) => {
        draft(ctx, FEBRUARY_DRAFT, { date: '2026-02-05', customer: 'Van Dijk Installaties' });
        book(ctx, '2026/1', { date: '2026-01-14' });
        bookDraft(ctx, FEBRUARY_DRAFT, '2026/2');
        await syncNow(ctx);
        expectBooked(ctx, 'invoice', REAL_INVOICES);
      },
    ),
    marchDraftMade(),
    testInvoiceSynced(),
    deletingTestInvoiceRefused(),
    ...deleteSyncedDocuments('invoice', ['2026/3']),
    testInvoiceGone(),
    step(
      'verify',
      'The invoice of 2 March follows 2026/2, the highest number, not the invoice made last',
      `After 2026/3 is deleted, the last invoice is 2026/2, the invoice of 5 February, although invoice 2026/1 was made after it. The draft of 2 March, booked now, is numbered 2026/3 and the sync books it as 1003: invoices ${bookedInWords(NEXT_REAL)}; journal 70 holds ${journalInWords(JOURNAL_NEXT_REAL, 1004)}. The bell says "Synchronisation finished: 0 customers, 1 invoice and 0 credit notes synced".`,
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
