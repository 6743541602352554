import type { DocumentKind } from '../../core/index.js';
import { book, draft, expectRefused, line, syncNow, tryDeleteInFocus } from '../actions.js';
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
import { connectFirstTime } from '../procedures.js';
import { step, type Step, type Symptom } from '../scenario.js';
import { journalScreen, overview } from '../screens.js';

/**
 * The case of article 000 that P-delete starts from, shared by its repair and the scenarios that change one thing
 * in it: invoices 2026/1 (14 January, 1001) and 2026/2 (5 February, 1002) are real; test invoice 2026/3 of 19 February
 * to Delta Logistics (€149.37) is booked by accident, is the last invoice and is synced as booking 1003, so deleting
 * it is refused (R3). A variant takes the parts it keeps by name and puts its own steps between them.
 */
export function testInvoiceBookedByAccident(): Step[] {
  return [connectFirstTime(), realInvoicesSynced(), testInvoiceSynced(), deletingTestInvoiceRefused()];
}

/** Invoices 2026/1 (14 January) and 2026/2 (5 February) are booked and synced: 1001 and 1002. */
export function realInvoicesSynced(): Step {
  return step(
    'setup',
    'Book and sync invoices 2026/1 and 2026/2',
    'Two real invoices are booked and synced: 2026/1 of 14 January (1001) and 2026/2 of 5 February (1002).',
    async (ctx) => {
      book(ctx, '2026/1', { date: '2026-01-14' });
      book(ctx, '2026/2', { date: '2026-02-05', customer: 'Van Dijk Installaties' });
      await syncNow(ctx);
    },
  );
}

/** Test invoice 2026/3 of 19 February is booked by accident and synced as booking 1003. */
export function testInvoiceSynced(): Step {
  return step(
    'reproduce',
    'Test invoice 2026/3 is booked by accident and synced',
    'While trying Focus out, someone books test invoice 2026/3 of 19 February to Delta Logistics (€149.37) instead of leaving it a draft. It is the last invoice, and the sync sends it to Exact Online as booking 1003.',
    async (ctx) => {
      book(ctx, '2026/3', { date: '2026-02-19', customer: 'Delta Logistics', lines: [line(12_345, { description: 'Test' })] });
      await syncNow(ctx);
      await expectReproduced(ctx, () => {
        expectBooked(ctx, 'invoice', [
          ['2026/1', 1001],
          ['2026/2', 1002],
          ['2026/3', 1003],
        ]);
      });
    },
  );
}

/** Deleting invoice 2026/3 in Focus is refused because it carries booking number 1003 (R3). */
export function deletingTestInvoiceRefused(): Step {
  return step(
    'symptom',
    'Deleting invoice 2026/3 is refused: it has a booking number',
    'Deleting invoice 2026/3 in Focus gives an error message: it has booking number 1003 from the bookkeeping tool.',
    (ctx) => {
      expectRefused(tryDeleteInFocus(ctx, 'invoice', '2026/3'), 'Deleting invoice 2026/3', 'has_booking_number', [
        '2026/3',
        'booking number 1003',
      ]);
    },
  );
}

/** The real invoices once the test invoice is gone from both sides: 2026/1 (1001) and 2026/2 (1002). */
export const REAL_INVOICES: Booked[] = [
  ['2026/1', 1001],
  ['2026/2', 1002],
];
/** Journal 70 once the test invoice is gone: 1001 for 2026/1 and 1002 for 2026/2. */
export const REAL_INVOICES_JOURNAL: Entry[] = [
  [1001, '2026/1'],
  [1002, '2026/2'],
];

/** After P-delete: test invoice 2026/3 is gone from Focus and from journal 70, which hands out 1003 next. */
export function testInvoiceGone(): Step {
  return step(
    'verify',
    'Test invoice 2026/3 is gone from both sides',
    `Invoices now: ${bookedInWords(REAL_INVOICES)}. Journal 70 holds ${journalInWords(REAL_INVOICES_JOURNAL, 1003)}. The bell says "There are no changes".`,
    async (ctx) => {
      expectBooked(ctx, 'invoice', REAL_INVOICES);
      await expectJournal(ctx, '70', REAL_INVOICES_JOURNAL, 1003);
      expectBell(ctx, 'There are no changes');
    },
  );
}

/** The next real invoice, of 2 March to Atelier Lumière, as a draft until March. */
export const MARCH_DRAFT = 'the invoice of 2 March';

/**
 * The next real invoice, of 2 March to Atelier Lumière, is already made as a draft when the test invoice is booked:
 * it is dated after the delink date, so deactivating meets it, but a draft has no booking number to reset.
 */
export function marchDraftMade(): Step {
  return step(
    'setup',
    'The invoice of 2 March is made as a draft',
    'The next real invoice, of 2 March to Atelier Lumière (€1,210.00), is made in Focus and left a draft until March.',
    (ctx) => {
      draft(ctx, MARCH_DRAFT, { date: '2026-03-02', customer: 'Atelier Lumière' });
    },
  );
}

/** The real documents of the credit-note variants of article 000: invoices 2026/1 and 2026/2, credit note 2026/1 of 10 February, synced. */
export function realDocumentsSynced(): Step {
  return step(
    'setup',
    'Book and sync invoices 2026/1 and 2026/2 and credit note 2026/1',
    'Invoices 2026/1 (14 January) and 2026/2 (5 February) and credit note 2026/1 of 10 February to Van Dijk Installaties (-€605.00) are booked and synced: 1001, 1002 and 8001.',
    async (ctx) => {
      book(ctx, '2026/1', { date: '2026-01-14' });
      book(ctx, '2026/2', { date: '2026-02-05', customer: 'Van Dijk Installaties' });
      book(ctx, '2026/1', { date: '2026-02-10', customer: 'Van Dijk Installaties', kind: 'credit_note', lines: [line(50_000)] });
      await syncNow(ctx);
    },
  );
}

/**
 * The symptom of a document booked by accident until P-delete is done: it is still in Focus or in Exact (gone from
 * Focus alone leaves its booking in the books, I8). It is known by its number and its date, as the person knows it:
 * once it is deleted, Focus hands its number to the next document (R2), which is not the test document.
 */
export function stillInFocusOrExact(kind: DocumentKind, number: string, date: string, journal: string): Symptom {
  return {
    description: `test ${kind === 'invoice' ? 'invoice' : 'credit note'} ${number} of ${date} still exists in Focus or in Exact Online`,
    async present(ctx) {
      const inFocus = overview(ctx, kind).some((r) => r.number === number && r.date === date);
      const inExact = (await journalScreen(ctx, journal)).entries.some((e) => e.yourRef === number && e.date === date);
      return inFocus || inExact;
    },
  };
}

/** Test invoice 2026/3 of 19 February still in Focus or in journal 70. */
export const TEST_INVOICE_STILL_THERE = stillInFocusOrExact('invoice', '2026/3', '2026-02-19', '70');
