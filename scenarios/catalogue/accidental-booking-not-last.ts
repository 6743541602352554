import { bookSign, checkInvariants, documentTotals, euros, lineNetCents } from '../../core/index.js';
import { DIVISION, book, bookings, doc, documentsFrom, expectOk, expectRefused, line, listNumbers, syncNow } from '../actions.js';
import { connectFirstTime, syncAgain } from '../procedures.js';
import { defineScenario, step, type ScenarioContext } from '../scenario.js';

/** The test invoice's booking in Exact Online. */
async function testBooking(ctx: ScenarioContext) {
  const test = doc(ctx, 'test invoice');
  return (await bookings(ctx, '70')).find((b) => b.entryNumber === test.bookingNumber);
}

/**
 * Article 000's other case: the test invoice booked by accident is no longer the last one, so it cannot be
 * deleted (R2). Its amount is set to zero in Focus, and, because a synced invoice's edits are not sent
 * (R11, article 003), in Exact Online by hand as well.
 */
export default defineScenario({
  id: 'accidental-booking-not-last',
  title: 'A test invoice booked by accident that is not the last invoice',
  sources: ['000', '003'],
  rules: ['R2', 'R11', 'P-delete', 'I5'],
  expected: 'fixed',
  symptom: {
    description: 'the test invoice still carries its amount',
    // In Focus or in the books: zero on one side only is not the repair.
    async present(ctx) {
      return documentTotals(doc(ctx, 'test invoice')).totalCents > 0 || ((await testBooking(ctx))?.totalCents ?? 0) !== 0;
    },
  },
  steps: [
    connectFirstTime(),
    step('setup', 'Book and sync invoice 2026/1', (ctx) => `A real invoice is booked and synced: ${listNumbers(documentsFrom(ctx, '2026-01-01'))}.`, async (ctx) => {
      book(ctx, 'first', { date: '2026-01-14' });
      await syncNow(ctx);
    }),
    step('reproduce', 'A test invoice is booked by accident, a real invoice after it, both synced', (ctx) => `Test invoice ${doc(ctx, 'test invoice').number} (${euros(documentTotals(doc(ctx, 'test invoice')).totalCents)}) is booked by accident, then real invoice ${doc(ctx, 'real invoice').number}; the sync sends both: ${listNumbers(documentsFrom(ctx, '2026-01-01'))}.`, async (ctx) => {
      book(ctx, 'test invoice', { date: '2026-02-04', customer: 'Delta Logistics', lines: [line(12_345, { description: 'Test' })] });
      book(ctx, 'real invoice', { date: '2026-02-09', customer: 'Van Dijk Installaties' });
      await syncNow(ctx);
    }),
    step('symptom', 'The test invoice stands in Focus and Exact Online with its amount', (ctx) => `Test invoice ${doc(ctx, 'test invoice').number} totals ${euros(documentTotals(doc(ctx, 'test invoice')).totalCents)} in Focus and is booking ${doc(ctx, 'test invoice').bookingNumber} in Exact Online.`, () => {}),
    step('repair', 'Try to delete the test invoice: refused, it is not the last one', (ctx) => `In Focus you can only delete the last invoice. Deleting ${doc(ctx, 'test invoice').number} gives: "${ctx.notes.refusal}"`, (ctx) => {
      ctx.notes.refusal = expectRefused(ctx.world.focus.deleteDocument(doc(ctx, 'test invoice').id), 'Deleting the test invoice');
    }),
    step('repair', "Set the test invoice's amount to zero in Focus", (ctx) => `The test invoice is no longer the last one, so the best thing to do is to change the amount to zero. But once synced, edits in Focus are not sent to Exact Online; the checker now says: ${ctx.notes.checkerSays}`, async (ctx) => {
      expectOk(ctx.world.focus.setAmountToZero(doc(ctx, 'test invoice').id), 'Setting the test invoice to zero');
      const violations = await checkInvariants(ctx.world);
      ctx.notes.checkerSays = violations.map((v) => `${v.invariant} ${v.message}`).join(' ') || 'nothing';
    }),
    step('repair', "Set the test invoice's booking to zero in Exact Online by hand", (ctx) => `Edits of a synced invoice must be made in the bookkeeping tool: in Exact Online, booking ${doc(ctx, 'test invoice').bookingNumber} of journal 70 gets the invoice's lines at zero and now totals ${euros(Number(ctx.notes.bookingTotal))}.`, async (ctx) => {
      const test = doc(ctx, 'test invoice');
      const vatMap = ctx.world.focus.state.integration!.settings.vatMap;
      const lines = test.lines.map((l) => ({ glAccountCode: l.ledgerAccount!, amountCents: bookSign(test) * lineNetCents(l), vatCode: vatMap[String(l.vatRateBp)], description: l.description }));
      const edited = expectOk(await ctx.world.backOffice.editLines(DIVISION, '70', test.bookingNumber!, lines), 'Editing the test booking');
      ctx.notes.bookingTotal = edited.totalCents;
    }),
    // A booking of zero leaves nothing outstanding, so Exact counts it as paid: the sync brings that status to Focus (I6).
    syncAgain(),
    step('verify', 'The test invoice stands at zero on both sides', (ctx) => `Invoices now: ${listNumbers(documentsFrom(ctx, '2026-01-01', 'invoice'))}; test invoice ${doc(ctx, 'test invoice').number} totals ${euros(documentTotals(doc(ctx, 'test invoice')).totalCents)} in Focus and in Exact Online, where nothing is outstanding (Focus: ${doc(ctx, 'test invoice').paymentStatus}). The numbering has no gap, and the checker finds nothing wrong.`, () => {}),
  ],
});
