import { DIVISION, book, bookings, documentsFrom, expectOk, listNumbers, syncNow } from '../actions.js';
import { connectFirstTime, noteDateShownTwice, repairFromDate, shownTwiceInExact } from '../procedures.js';
import { defineScenario, step } from '../scenario.js';

/**
 * Article 001: invoice 2026/1 was entered by hand in Exact Online before Focus was connected, and Focus syncs
 * it too, so Exact holds it twice with two booking numbers (R10). Repaired with P-twice.
 */
export default defineScenario({
  id: 'invoice-shown-twice',
  title: 'My invoice is shown twice in Exact Online',
  sources: ['001'],
  rules: ['R5', 'R10', 'R12', 'R13', 'P-twice', 'I1'],
  expected: 'fixed',
  symptomInvariants: ['I1'],
  steps: [
    step('setup', 'The accountant enters invoice 2026/1 by hand in Exact Online', (ctx) => `Before the integration is connected, the accountant books invoice 2026/1 of Brouwerij De Kroon by hand in journal 70: it gets booking number ${ctx.notes.handBooking}.`, async (ctx) => {
      const booked = expectOk(
        await ctx.world.backOffice.book(DIVISION, '70', {
          customerCode: '1',
          entryDate: '2026-01-12',
          yourRef: '2026/1',
          description: 'Invoice 2026/1 Brouwerij De Kroon',
          lines: [{ glAccountCode: '700000', amountCents: 100_000, vatCode: '21', description: 'Services' }],
        }),
        'Booking invoice 2026/1 by hand',
      );
      ctx.notes.handBooking = booked.entryNumber;
    }),
    connectFirstTime(),
    step('setup', 'Book invoices 2026/1 to 2026/3 in Focus', (ctx) => `Focus holds the same invoice 2026/1 and two later ones: ${listNumbers(documentsFrom(ctx, '2026-01-01'))}.`, (ctx) => {
      book(ctx, 'first', { date: '2026-01-12' });
      book(ctx, 'second', { date: '2026-01-26', customer: 'Van Dijk Installaties' });
      book(ctx, 'third', { date: '2026-02-09', customer: 'Atelier Lumière' });
    }),
    step('reproduce', 'Focus syncs its invoices, 2026/1 included', (ctx) => `The sync sends every booked invoice from the start date on: ${listNumbers(documentsFrom(ctx, '2026-01-01'))}. Journal 70 now holds ${ctx.notes.journal70}.`, async (ctx) => {
      await syncNow(ctx);
      ctx.notes.journal70 = (await bookings(ctx, '70')).map((b) => `${b.entryNumber} (${b.yourRef})`).join(', ');
    }),
    shownTwiceInExact('first'),
    ...repairFromDate(noteDateShownTwice(), { writeDown: 'after-last-kept' }),
    step('verify', 'Every invoice stands once in Exact Online', (ctx) => `Invoices now: ${listNumbers(documentsFrom(ctx, '2026-01-01', 'invoice'))}, each once in journal 70. The checker finds nothing wrong.`, () => {}),
  ],
});
