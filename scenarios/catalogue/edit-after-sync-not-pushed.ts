import { documentTotals, euros, lineNetCents, syncMessages } from '../../core/index.js';
import { book, bookings, DIVISION, doc, expectOk, line, syncNow } from '../actions.js';
import { connectFirstTime } from '../procedures.js';
import { defineScenario, step, StepFailure } from '../scenario.js';

/**
 * Article 003, note: "Once an invoice is synced to a bookkeeping tool, further changes in Teamleader Focus
 * won't be synced … You'll need to edit the invoice in the bookkeeping tool." A price changed in Focus
 * after the sync stays out of Exact until someone edits the booking there.
 */
export default defineScenario({
  id: 'edit-after-sync-not-pushed',
  title: 'An invoice edited after its sync keeps its old amount in Exact',
  sources: ['003'],
  rules: ['R11', 'I5'],
  expected: 'fixed',
  symptomInvariants: ['I5'],
  steps: [
    connectFirstTime(),
    step('setup', 'An invoice is booked and synced', (ctx) => `Invoice ${doc(ctx, 'invoice').number} to Van Dijk Installaties (${euros(documentTotals(doc(ctx, 'invoice')).totalCents)}) is booked and synced: booking ${doc(ctx, 'invoice').bookingNumber}.`, async (ctx) => {
      book(ctx, 'invoice', { date: '2026-02-12', customer: 'Van Dijk Installaties', lines: [line(100_000, { description: 'Installation' }), line(25_000, { description: 'Parts' })] });
      await syncNow(ctx);
    }),
    step('reproduce', 'The price of a line is changed in Focus', (ctx) => `The installation is billed at €1,200.00 instead of €1,000.00: invoice ${doc(ctx, 'invoice').number} now totals ${euros(documentTotals(doc(ctx, 'invoice')).totalCents)} in Focus.`, (ctx) => {
      const invoice = doc(ctx, 'invoice');
      expectOk(ctx.world.focus.editLines(invoice.id, invoice.lines.map((l) => (l.description === 'Installation' ? { ...l, unitPriceCents: 120_000 } : l))), 'Changing the price');
    }),
    step('reproduce', 'A manual sync sends nothing', (ctx) => `The two arrows are clicked; the bell says: "${ctx.notes.lastNotification}".`, async (ctx) => {
      ctx.notes.lastNotification = (await syncNow(ctx)).notification?.message ?? '(no notification)';
    }),
    step('symptom', 'Exact Online keeps the old amount', (ctx) => `In Exact Online booking ${doc(ctx, 'invoice').bookingNumber} still totals ${euros(Number(ctx.notes.exactTotal))}; Focus says ${euros(documentTotals(doc(ctx, 'invoice')).totalCents)}.`, async (ctx) => {
      if (ctx.notes.lastNotification !== syncMessages.noChanges()) throw new StepFailure(`Expected the bell to say "${syncMessages.noChanges()}", got "${ctx.notes.lastNotification}".`);
      const booking = (await bookings(ctx, '70')).find((b) => b.entryNumber === doc(ctx, 'invoice').bookingNumber);
      if (!booking) throw new StepFailure(`Journal 70 has no booking ${doc(ctx, 'invoice').bookingNumber}.`);
      ctx.notes.exactTotal = booking.totalCents;
      if (ctx.notes.exactTotal === documentTotals(doc(ctx, 'invoice')).totalCents) throw new StepFailure('Exact Online already has the new amount.');
    }),
    step('repair', 'Edit the booking in Exact Online by hand', (ctx) => `"You'll need to edit the invoice in the bookkeeping tool": in Exact Online booking ${doc(ctx, 'invoice').bookingNumber} of journal 70 is opened and its lines are typed in again as on invoice ${doc(ctx, 'invoice').number}; it now totals ${euros(Number(ctx.notes.exactTotal))}.`, async (ctx) => {
      const invoice = doc(ctx, 'invoice');
      const { vatMap } = ctx.world.focus.state.integration!.settings;
      const lines = invoice.lines.map((l) => ({ glAccountCode: l.ledgerAccount!, amountCents: lineNetCents(l), vatCode: vatMap[String(l.vatRateBp)], description: l.description }));
      ctx.notes.exactTotal = expectOk(await ctx.world.backOffice.editLines(DIVISION, '70', invoice.bookingNumber!, lines), 'Editing the booking').totalCents;
    }),
    step('verify', 'Exact Online and Focus show the same amount', (ctx) => `Invoice ${doc(ctx, 'invoice').number} and booking ${doc(ctx, 'invoice').bookingNumber} both total ${euros(documentTotals(doc(ctx, 'invoice')).totalCents)}.`, () => {}),
  ],
});

