import { book, expectRefused, expectSame, line, syncNow, tryDeleteInFocus } from '../actions.js';
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
import { connectFirstTime, DELETED_IN_FOCUS, DELINKED, deleteSyncedDocuments } from '../procedures.js';
import { defineScenario, step } from '../scenario.js';
import { stillInFocusOrExact } from './test-invoice-case.js';

const AFTER: Booked[] = [
  ['2026/1', 1001],
  ['2026/2', 1002],
];
const JOURNAL_AFTER: Entry[] = [
  [1001, '2026/1'],
  [1002, '2026/2'],
];

/**
 * Article 000 with two test invoices: "delete the unneeded invoices … As you can always only delete the last invoice,
 * you need to start from the highest number" (P-delete, R2, R3). Test invoices 2026/3 (19 February) and 2026/4
 * (20 February) to Delta Logistics are booked by accident and synced as 1003 and 1004. The delink date is the date of
 * the older one; deleting in Exact removes both bookings, and in Focus 2026/4 goes first: 2026/3 is not the last
 * invoice while 2026/4 exists.
 */
export default defineScenario({
  id: 'accidental-booking-two-invoices',
  title: 'Deleting two test invoices that are already synced with Exact Online',
  sources: ['000'],
  rules: ['R2', 'R3', 'R7', 'R8', 'R12', 'R13', 'P-delete', 'I8'],
  expected: 'fixed',
  symptom: stillInFocusOrExact('invoice', '2026/4', '2026-02-20', '70'),
  doctor: {
    testDocuments: [
      { kind: 'invoice', number: '2026/3' },
      { kind: 'invoice', number: '2026/4' },
    ],
    finding: 'accidental-booking',
    article: '000',
    procedure: 'P-delete',
    delinkDate: '2026-02-19',
    deleteInExact: ['70/1004', '70/1003'],
    writeDown: ['70: 1003'],
    nextBookingNumbers: ['70: Exact says 1003, as written down'],
    deleteInFocus: ['invoice 2026/4', 'invoice 2026/3'],
    startDate: '2026-01-01',
    journals: ['70', '71'],
  },
  steps: [
    connectFirstTime(),
    step(
      'setup',
      'Book and sync invoices 2026/1 and 2026/2',
      'Two real invoices are booked and synced: 2026/1 of 14 January (1001) and 2026/2 of 5 February (1002).',
      async (ctx) => {
        book(ctx, '2026/1', { date: '2026-01-14' });
        book(ctx, '2026/2', { date: '2026-02-05', customer: 'Van Dijk Installaties' });
        await syncNow(ctx);
      },
    ),
    step(
      'reproduce',
      'Test invoices 2026/3 and 2026/4 are booked by accident and synced',
      'While trying Focus out, someone books test invoices 2026/3 of 19 February (€149.37) and 2026/4 of 20 February (€60.50) to Delta Logistics instead of leaving them drafts. The sync sends them to Exact Online as bookings 1003 and 1004.',
      async (ctx) => {
        book(ctx, '2026/3', { date: '2026-02-19', customer: 'Delta Logistics', lines: [line(12_345, { description: 'Test' })] });
        book(ctx, '2026/4', { date: '2026-02-20', customer: 'Delta Logistics', lines: [line(5_000, { description: 'Test' })] });
        await syncNow(ctx);
        await expectReproduced(ctx, () => {
          expectBooked(ctx, 'invoice', [...AFTER, ['2026/3', 1003], ['2026/4', 1004]]);
        });
      },
    ),
    step(
      'symptom',
      'Deleting invoice 2026/4 is refused: it has a booking number',
      'Deleting invoice 2026/4, the last one, in Focus gives an error message: it has booking number 1004 from the bookkeeping tool.',
      (ctx) => {
        expectRefused(tryDeleteInFocus(ctx, 'invoice', '2026/4'), 'Deleting invoice 2026/4', 'has_booking_number', [
          '2026/4',
          'booking number 1004',
        ]);
      },
    ),
    ...deleteSyncedDocuments('invoice', ['2026/3', '2026/4']),
    step(
      'verify',
      'Test invoices 2026/3 and 2026/4 are gone from both sides',
      `Invoices now: ${bookedInWords(AFTER)}. Journal 70 holds ${journalInWords(JOURNAL_AFTER, 1003)}. The bell says "There are no changes".`,
      async (ctx) => {
        expectBooked(ctx, 'invoice', AFTER);
        await expectJournal(ctx, '70', JOURNAL_AFTER, 1003);
        expectBell(ctx, 'There are no changes');
      },
    ),
    step(
      'verify',
      'Deactivating reset both test invoices; Focus deleted 2026/4 before 2026/3',
      'The delink date 2026-02-19, the date of the older test invoice, reset 2026/3 and 2026/4 (R12). Focus only deletes the last invoice (R2), so 2026/4 went first, then 2026/3.',
      (ctx) => {
        expectSame(ctx.notes.read(DELINKED).documents, ['2026/3', '2026/4'], 'What deactivating reset');
        expectSame(ctx.notes.read(DELETED_IN_FOCUS), ['2026/4', '2026/3'], 'The invoices deleted in Focus, in order');
      },
    ),
  ],
});
