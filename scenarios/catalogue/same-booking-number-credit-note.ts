import { book, deleteInExact, doc, documentsFrom, listNumbers, syncNow } from '../actions.js';
import { bellReportsSameBookingNumber, checkDocumentsFrom, connectFirstTime, noteDoubleNumberDate, repairFromDate } from '../procedures.js';
import { defineScenario, step } from '../scenario.js';

/**
 * Article 002 for a credit note ("change the word invoice to credit note and vice versa"): a credit note's
 * booking is deleted in Exact, journal 71 hands its number out again. An invoice dated after the delink date
 * shows why the article also has the other kind checked and deleted.
 */
export default defineScenario({
  id: 'same-booking-number-credit-note',
  title: 'The credit notes X and Y have the same booking number',
  sources: ['002'],
  rules: ['R7', 'R9', 'R12', 'R13', 'P-samenumber', 'I1', 'I2'],
  expected: 'fixed',
  symptomInvariants: ['I1', 'I2'],
  steps: [
    connectFirstTime(),
    step('setup', 'Book and sync invoices 2026/1 to 2026/4 and credit notes 2026/1 and 2026/2', (ctx) => `Invoices ${listNumbers(documentsFrom(ctx, '2026-01-01', 'invoice'))} and credit notes ${listNumbers(documentsFrom(ctx, '2026-01-01', 'credit_note'))} are booked and synced.`, async (ctx) => {
      book(ctx, 'invoice 1', { date: '2026-01-15' });
      book(ctx, 'invoice 2', { date: '2026-02-03', customer: 'Van Dijk Installaties' });
      book(ctx, 'invoice 3', { date: '2026-02-06', customer: 'Atelier Lumière' });
      book(ctx, 'invoice 4', { date: '2026-02-12', customer: 'Delta Logistics' });
      book(ctx, 'first', { date: '2026-02-03', kind: 'credit_note' });
      book(ctx, 'second', { date: '2026-02-10', kind: 'credit_note', customer: 'Van Dijk Installaties' });
      await syncNow(ctx);
    }),
    step('reproduce', 'The accountant deletes booking 8002 in Exact Online, not in Focus', (ctx) => `In Exact Online the booking of credit note ${doc(ctx, 'second').number} (number ${ctx.notes.deletedByAccountant}, journal 71) is deleted. Focus still shows booking number ${doc(ctx, 'second').bookingNumber} on it.`, async (ctx) => {
      const second = doc(ctx, 'second');
      await deleteInExact(ctx, '71', second.bookingNumber!);
      ctx.notes.deletedByAccountant = second.bookingNumber!;
    }),
    step('reproduce', 'A new credit note of the same day is booked and synced', (ctx) => `Credit note ${doc(ctx, 'third').number} is booked on ${doc(ctx, 'third').date} and synced. Exact gives a new booking the number of the last booking + 1, so journal 71 hands out ${doc(ctx, 'third').bookingNumber} again.`, async (ctx) => {
      book(ctx, 'third', { date: '2026-02-10', kind: 'credit_note', customer: 'Atelier Lumière' });
      ctx.notes.lastNotification = (await syncNow(ctx)).notification?.message ?? '';
    }),
    bellReportsSameBookingNumber('credit_note', ['second', 'third']),
    ...repairFromDate(noteDoubleNumberDate('credit_note'), { writeDown: 'one-higher-if-double', checkOthers: checkDocumentsFrom('invoice') }),
    step('verify', 'Every credit note has a booking number of its own', (ctx) => `Credit notes now: ${listNumbers(documentsFrom(ctx, '2026-01-01', 'credit_note'))}; invoices: ${listNumbers(documentsFrom(ctx, '2026-01-01', 'invoice'))}. The checker finds nothing wrong.`, () => {}),
  ],
});
