import { book, deleteInExact, doc, documentsFrom, listNumbers, syncNow } from '../actions.js';
import { bellReportsSameBookingNumber, connectFirstTime, noteDoubleNumberDate, repairFromDate } from '../procedures.js';
import { defineScenario, step } from '../scenario.js';

/**
 * Article 002: a booking was deleted in Exact but not in Focus; Exact hands its number out again and the
 * next sync gives it to another invoice. Repaired with P-samenumber, including "one number higher".
 */
export default defineScenario({
  id: 'same-booking-number',
  title: 'The invoices X and Y have the same booking number',
  sources: ['002'],
  rules: ['R7', 'R9', 'R12', 'R13', 'P-samenumber', 'I1', 'I2'],
  expected: 'fixed',
  symptomInvariants: ['I1', 'I2'],
  steps: [
    connectFirstTime(),
    step('setup', 'Book and sync invoices 2026/1 to 2026/3', (ctx) => `Three invoices are booked and synced: ${listNumbers(documentsFrom(ctx, '2026-01-01'))}.`, async (ctx) => {
      book(ctx, 'first', { date: '2026-01-15' });
      book(ctx, 'second', { date: '2026-02-03' });
      book(ctx, 'third', { date: '2026-02-10' });
      await syncNow(ctx);
    }),
    step('reproduce', 'The accountant deletes booking 1003 in Exact Online, not in Focus', (ctx) => `In Exact Online the booking of invoice ${doc(ctx, 'third').number} (number ${ctx.notes.deletedByAccountant}) is deleted. Focus still shows booking number ${doc(ctx, 'third').bookingNumber} on it.`, async (ctx) => {
      const third = doc(ctx, 'third');
      await deleteInExact(ctx, '70', third.bookingNumber!);
      ctx.notes.deletedByAccountant = third.bookingNumber!;
    }),
    step('reproduce', 'A new invoice of the same day is booked and synced', (ctx) => `Invoice ${doc(ctx, 'fourth').number} is booked on ${doc(ctx, 'fourth').date} and synced. Exact gives a new booking the number of the last booking + 1, so it hands out ${doc(ctx, 'fourth').bookingNumber} again.`, async (ctx) => {
      book(ctx, 'fourth', { date: '2026-02-10' });
      ctx.notes.lastNotification = (await syncNow(ctx)).notification?.message ?? '';
    }),
    bellReportsSameBookingNumber('invoice', ['third', 'fourth']),
    ...repairFromDate(noteDoubleNumberDate('invoice'), { writeDown: 'one-higher-if-double' }),
    step('verify', 'Every invoice has a booking number of its own', (ctx) => `Invoices now: ${listNumbers(documentsFrom(ctx, '2026-01-01', 'invoice'))}. The checker finds nothing wrong.`, () => {}),
  ],
});
