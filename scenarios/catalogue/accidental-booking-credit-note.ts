import { book, bookDraft, draft, expectRefused, expectSame, line, syncNow, tryDeleteInFocus } from '../actions.js';
import {
  bookedInWords,
  expectBell,
  expectBooked,
  expectJournal,
  expectReproduced,
  expectStillDraft,
  journalInWords,
  type Booked,
  type Entry,
} from '../expectations.js';
import { connectFirstTime, DELINKED, deleteSyncedDocuments } from '../procedures.js';
import { defineScenario, step } from '../scenario.js';
import { realDocumentsSynced, stillInFocusOrExact } from './test-invoice-case.js';

const INVOICES: Booked[] = [
  ['2026/1', 1001],
  ['2026/2', 1002],
];
const CREDIT_NOTES: Booked[] = [
  ['2026/1', 8001],
  ['2026/2', 8002],
];
const CREDIT_NOTES_AFTER: Booked[] = [['2026/1', 8001]];
const JOURNAL_71_AFTER: Entry[] = [[8001, '2026/1']];
const CREDIT_NOTES_NEXT_REAL: Booked[] = [...CREDIT_NOTES_AFTER, ['2026/2', 8002]];
const JOURNAL_71_NEXT_REAL: Entry[] = [...JOURNAL_71_AFTER, [8002, '2026/2']];

const MARCH_DRAFT = 'the credit note of 2 March';

/**
 * Article 000 for a credit note ("change the word invoice to credit note and vice versa"): test credit note 2026/2
 * (19 February, Delta Logistics, €149.37) is booked by accident, is the last credit note and is synced as booking
 * 8002 of journal 71. P-delete with the words swapped removes it; the invoices are checked from the delink date. The
 * next real credit note, of 2 March, waits as a draft: deactivating leaves it alone, and booked afterwards it becomes 2026/2.
 */
export default defineScenario({
  id: 'accidental-booking-credit-note',
  title: 'Deleting a test credit note that is already synced with Exact Online',
  sources: ['000'],
  rules: ['R2', 'R3', 'R7', 'R8', 'R12', 'R13', 'P-delete', 'I8'],
  expected: 'fixed',
  symptom: stillInFocusOrExact('credit_note', '2026/2', '2026-02-19', '71'),
  doctor: {
    testDocuments: [{ kind: 'credit_note', number: '2026/2' }],
    finding: 'accidental-booking',
    article: '000',
    procedure: 'P-delete',
    delinkDate: '2026-02-19',
    deleteInExact: ['71/8002'],
    writeDown: ['71: 8002'],
    nextBookingNumbers: ['71: Exact says 8002, as written down'],
    deleteInFocus: ['credit note 2026/2'],
    startDate: '2026-01-01',
    journals: ['70', '71'],
  },
  steps: [
    connectFirstTime(),
    realDocumentsSynced(),
    step(
      'setup',
      'The credit note of 2 March is made as a draft',
      'The next real credit note, of 2 March to Atelier Lumière (-€242.00), is made in Focus and left a draft until March.',
      (ctx) => {
        draft(ctx, MARCH_DRAFT, { date: '2026-03-02', customer: 'Atelier Lumière', kind: 'credit_note', lines: [line(20_000)] });
      },
    ),
    step(
      'reproduce',
      'Test credit note 2026/2 is booked by accident and synced',
      'Someone books test credit note 2026/2 of 19 February to Delta Logistics (€149.37) instead of leaving it a draft. It is the last credit note, and the sync sends it to journal 71 as booking 8002.',
      async (ctx) => {
        book(ctx, '2026/2', {
          date: '2026-02-19',
          customer: 'Delta Logistics',
          kind: 'credit_note',
          lines: [line(12_345, { description: 'Test' })],
        });
        await syncNow(ctx);
        await expectReproduced(ctx, () => {
          expectBooked(ctx, 'credit_note', CREDIT_NOTES);
        });
      },
    ),
    step(
      'symptom',
      'Deleting credit note 2026/2 is refused: it has a booking number',
      'Deleting credit note 2026/2 in Focus gives an error message: it has booking number 8002 from the bookkeeping tool.',
      (ctx) => {
        expectRefused(tryDeleteInFocus(ctx, 'credit_note', '2026/2'), 'Deleting credit note 2026/2', 'has_booking_number', [
          'Credit note 2026/2',
          'booking number 8002',
        ]);
      },
    ),
    ...deleteSyncedDocuments('credit_note', ['2026/2']),
    step(
      'verify',
      'Test credit note 2026/2 is gone from both sides',
      `Credit notes now: ${bookedInWords(CREDIT_NOTES_AFTER)}; journal 71 holds ${journalInWords(JOURNAL_71_AFTER, 8002)}. The invoices keep ${bookedInWords(INVOICES)}. The bell says "There are no changes".`,
      async (ctx) => {
        expectBooked(ctx, 'credit_note', CREDIT_NOTES_AFTER);
        await expectJournal(ctx, '71', JOURNAL_71_AFTER, 8002);
        expectBooked(ctx, 'invoice', INVOICES);
        expectBell(ctx, 'There are no changes');
      },
    ),
    step(
      'verify',
      'Deactivating reset credit note 2026/2 only, not the draft of 2 March',
      'The delink date 2026-02-19 reset every invoice and credit note from that date on that had a booking number: credit note 2026/2 only (R12). The draft credit note of 2 March to Atelier Lumière, dated after it, had none to lose: it is still a draft without booking number.',
      (ctx) => {
        expectSame(ctx.notes.read(DELINKED).documents, ['2026/2'], 'What deactivating reset');
        expectStillDraft(ctx, MARCH_DRAFT, 'The credit note of 2 March');
      },
    ),
    step(
      'verify',
      'The next real credit note is 2026/2 again, booked as 8002',
      `Focus numbers credit notes without gaps (R2), so the draft of 2 March, booked now, is credit note 2026/2 again, and the sync books it as 8002 (R7: deleting 8002 had handed that number back): credit notes ${bookedInWords(CREDIT_NOTES_NEXT_REAL)}; journal 71 holds ${journalInWords(JOURNAL_71_NEXT_REAL, 8003)}. The bell says "Synchronisation finished: 0 customers, 0 invoices and 1 credit note synced".`,
      async (ctx) => {
        bookDraft(ctx, MARCH_DRAFT, '2026/2');
        await syncNow(ctx);
        expectBooked(ctx, 'credit_note', CREDIT_NOTES_NEXT_REAL);
        await expectJournal(ctx, '71', JOURNAL_71_NEXT_REAL, 8003);
        expectBell(ctx, 'Synchronisation finished: 0 customers, 0 invoices and 1 credit note synced');
      },
    ),
  ],
});
