import {
  bookedInWords,
  expectBell,
  expectBooked,
  expectJournal,
  expectNamed,
  journalInWords,
  type Booked,
  type Entry,
} from '../expectations.js';
import {
  deactivateWithDelinkDate,
  deleteUnneededInFocus,
  noteDateToDelete,
  noteIntegrationSettings,
  reconnect,
  showBookingNumbers,
  syncAgain,
} from '../procedures.js';
import { defineScenario, step } from '../scenario.js';
import { TEST_INVOICE_STILL_THERE, testInvoiceBookedByAccident } from './test-invoice-case.js';

const AFTER: Booked[] = [
  ['2026/1', 1001],
  ['2026/2', 1002],
];
const JOURNAL_AFTER: Entry[] = [
  [1001, '2026/1'],
  [1002, '2026/2'],
  [1003, '2026/3'],
];

/**
 * P-delete with one mistake: the part in Exact Online is skipped. Deactivating resets test invoice 2026/3, Focus then
 * lets it be deleted, and the sync has nothing to send, so every screen in Focus looks right; but booking 1003 stays
 * in Exact Online, standing for an invoice that no longer exists. The checker names it an orphan (I8).
 */
export default defineScenario({
  id: 'mistake-delete-only-in-focus',
  title: 'Mistake: deleting the test invoice in Focus only',
  sources: ['000'],
  rules: ['R3', 'R12', 'P-delete', 'I8'],
  expected: ['I8'],
  symptom: TEST_INVOICE_STILL_THERE,
  steps: [
    ...testInvoiceBookedByAccident(),
    showBookingNumbers(),
    noteDateToDelete('invoice', ['2026/3']),
    noteIntegrationSettings(),
    deactivateWithDelinkDate(),
    deleteUnneededInFocus('invoice'),
    reconnect(),
    syncAgain(),
    step(
      'verify',
      'Booking 1003 of the deleted invoice stays in Exact Online',
      `Focus shows ${bookedInWords(AFTER)} and the bell says "There are no changes", but journal 70 still holds ${journalInWords(JOURNAL_AFTER, 1004)}: booking 1003 stands for invoice 2026/3, which Focus no longer has. The checker names I8 for booking 1003 and for no document, as Focus has none left that it stands for.`,
      async (ctx) => {
        expectBooked(ctx, 'invoice', AFTER);
        expectBell(ctx, 'There are no changes');
        await expectJournal(ctx, '70', JOURNAL_AFTER, 1004);
        await expectNamed(ctx, [['I8', [], [1003]]]);
      },
    ),
  ],
});
