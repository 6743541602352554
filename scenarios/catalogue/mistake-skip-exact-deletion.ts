import { expectBooked, expectJournal, journalInWords, type Entry } from '../expectations.js';
import {
  deactivateWithDelinkDate,
  noteDateShownTwice,
  noteIntegrationSettings,
  reconnect,
  showBookingNumbers,
  syncAgain,
} from '../procedures.js';
import { defineScenario, step } from '../scenario.js';
import { invoiceShownTwice } from './shown-twice-case.js';

const JOURNAL_AFTER: Entry[] = [
  [1001, '2026/2'],
  [1002, '2026/1'],
  [1003, '2026/2'],
  [1004, '2026/3'],
  [1005, '2026/2'],
  [1006, '2026/3'],
];

/**
 * P-twice with one mistake: the part in Exact Online is skipped (deleting the bookings from the date on, writing down
 * and checking the booking numbers); the integration is delinked and reconnected straight away. The delinked invoices
 * are booked once more beside the bookings that stayed: the checker names I1 again, now for more bookings, and I8 for
 * the bookings nothing is linked to any more.
 */
export default defineScenario({
  id: 'mistake-skip-exact-deletion',
  title: 'Mistake: delinking and syncing again without deleting in Exact Online',
  sources: ['001', '000', '002'],
  rules: ['R10', 'R12', 'P-twice', 'I1', 'I8'],
  expected: ['I1', 'I8'],
  symptomInvariants: ['I1', 'I8'],
  steps: [
    ...invoiceShownTwice(),
    showBookingNumbers(),
    noteDateShownTwice('invoice'),
    noteIntegrationSettings(),
    deactivateWithDelinkDate(),
    reconnect(),
    syncAgain(),
    step(
      'verify',
      'The delinked invoices stand in Exact Online once more',
      `Nothing was deleted in Exact Online, so the sync booked 2026/2 and 2026/3 again beside their old bookings: journal 70 holds ${journalInWords(JOURNAL_AFTER, 1007)}. 2026/2 stands three times, 2026/3 twice.`,
      async (ctx) => {
        expectBooked(ctx, 'invoice', [
          ['2026/1', 1002],
          ['2026/2', 1005],
          ['2026/3', 1006],
        ]);
        await expectJournal(ctx, '70', JOURNAL_AFTER, 1007);
      },
    ),
  ],
});
