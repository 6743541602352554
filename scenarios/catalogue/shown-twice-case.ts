import { book, DIVISION, documentsFrom, expectOk, listNumbers, syncNow } from '../actions.js';
import { connectFirstTime, shownTwiceInExact } from '../procedures.js';
import { step, type Step } from '../scenario.js';

/**
 * The case the mistake scenarios start from (article 001): invoice 2026/2 was typed into Exact Online by
 * hand before Focus was connected, and the first sync booked it again. 2026/1 comes before it, so a repair
 * keeps one synced invoice (the one whose payment status R14 stops fetching), and 2026/3 after it, so a
 * repair books a second customer's invoice again (R12). The case breaks I1, which the mistake scenarios
 * declare as their symptom so that the safe strategy can say whether it still happens.
 */
export function invoiceShownTwice(): Step[] {
  return [
    step('setup', 'The accountant types invoice 2026/2 into Exact Online by hand', (ctx) => `Before Focus is connected, the accountant types the invoice of 3 February to Van Dijk Installaties (reference 2026/2, €1,210.00) into Exact Online by hand: booking ${ctx.notes.handBooking} in journal 70.`, async (ctx) => {
      const booked = await ctx.world.backOffice.book(DIVISION, '70', {
        customerCode: '2',
        entryDate: '2026-02-03',
        yourRef: '2026/2',
        description: 'Invoice 2026/2 Van Dijk Installaties',
        lines: [{ glAccountCode: '700000', amountCents: 100_000, vatCode: '21', description: 'Services' }],
      });
      ctx.notes.handBooking = expectOk(booked, 'Booking invoice 2026/2 by hand').entryNumber;
    }),
    connectFirstTime(),
    step('reproduce', 'Invoices 2026/1 to 2026/3 are synced, 2026/2 included', (ctx) => `The first sync sends Focus's invoices: ${listNumbers(documentsFrom(ctx, '2026-01-01'))}. Invoice 2026/2 gets a second booking.`, async (ctx) => {
      book(ctx, 'first', { date: '2026-01-15' });
      book(ctx, 'second', { date: '2026-02-03', customer: 'Van Dijk Installaties' });
      book(ctx, 'third', { date: '2026-02-10', customer: 'Atelier Lumière' });
      await syncNow(ctx);
    }),
    shownTwiceInExact('second'),
  ];
}
