import { book, bookings, doc, documentsFrom, expectOk, expectRefused, line, listNumbers, syncNow } from '../actions.js';
import { checkCreditNotesFrom, checkNextBookingNumbers, connectFirstTime, deactivateWithDelinkDate, deleteInExactFrom, noteIntegrationSettings, reconnect, showBookingNumbers, syncAgain, writeDownOldestDeleted } from '../procedures.js';
import { defineScenario, step, type ScenarioContext } from '../scenario.js';

/** The test invoice's number, written down when it was booked (the document itself goes away in the repair). */
const testNumber = (ctx: ScenarioContext) => String(ctx.notes.testInvoice);

/**
 * Article 000: a test invoice booked by accident is the last invoice and already synced. Deleting it is refused
 * while it carries a booking number (R3); P-delete removes it from Exact Online and Focus.
 */
export default defineScenario({
  id: 'accidental-booking-last-invoice',
  title: 'Deleting a test invoice that is already synced with Exact Online',
  sources: ['000'],
  rules: ['R2', 'R3', 'R7', 'R12', 'R13', 'P-delete'],
  expected: 'fixed',
  symptom: {
    description: 'the accidental invoice still exists in Focus and Exact',
    // It must be gone from both sides: from Focus alone would leave its booking in the books.
    async present(ctx) {
      const inFocus = Object.values(ctx.world.focus.state.documents).some((d) => d.kind === 'invoice' && d.number === testNumber(ctx));
      const inExact = (await bookings(ctx, '70')).some((b) => b.yourRef === testNumber(ctx));
      return inFocus || inExact;
    },
  },
  steps: [
    connectFirstTime(),
    step('setup', 'Book and sync invoices 2026/1 and 2026/2', (ctx) => `Two real invoices are booked and synced: ${listNumbers(documentsFrom(ctx, '2026-01-01'))}.`, async (ctx) => {
      book(ctx, 'first', { date: '2026-01-14' });
      book(ctx, 'second', { date: '2026-02-05', customer: 'Van Dijk Installaties' });
      await syncNow(ctx);
    }),
    step('reproduce', 'A test invoice is booked by accident and synced', (ctx) => `While trying Focus out, someone books test invoice ${testNumber(ctx)} (${doc(ctx, 'test invoice').date}) instead of leaving it a draft. It is the last invoice, and the sync sends it to Exact Online: it gets booking number ${doc(ctx, 'test invoice').bookingNumber}.`, async (ctx) => {
      const test = book(ctx, 'test invoice', { date: '2026-02-19', customer: 'Delta Logistics', lines: [line(12_345, { description: 'Test' })] });
      ctx.notes.testInvoice = test.number!;
      await syncNow(ctx);
    }),
    step('symptom', 'Deleting the test invoice is refused', (ctx) => `Deleting invoice ${testNumber(ctx)} in Focus gives an error message: "${ctx.notes.refusal}"`, (ctx) => {
      ctx.notes.refusal = expectRefused(ctx.world.focus.deleteDocument(doc(ctx, 'test invoice').id), `Deleting invoice ${testNumber(ctx)}`);
    }),
    showBookingNumbers(),
    step('repair', 'Write down the date of the test invoice: the delink date', (ctx) => `Test invoice ${testNumber(ctx)} is dated ${ctx.notes.delinkDate}. All invoices from that date up till now will need to be deleted in Exact Online: this is the delink date.`, (ctx) => {
      ctx.notes.delinkDate = doc(ctx, 'test invoice').date;
    }),
    checkCreditNotesFrom(),
    deleteInExactFrom(),
    writeDownOldestDeleted('as-booked'),
    checkNextBookingNumbers(),
    noteIntegrationSettings(),
    deactivateWithDelinkDate(),
    step('repair', 'Delete the test invoice in Focus, from the highest number down', (ctx) => `Go to Revenue › Invoices and delete the unneeded invoice ${testNumber(ctx)}. As you can only delete the last invoice, start from the highest number; now that its booking number is reset, Focus lets it go.`, (ctx) => {
      expectOk(ctx.world.focus.deleteDocument(doc(ctx, 'test invoice').id), `Deleting invoice ${testNumber(ctx)}`);
    }),
    reconnect(),
    syncAgain(),
    step('verify', 'The test invoice is gone from both sides', (ctx) => `Invoices now: ${listNumbers(documentsFrom(ctx, '2026-01-01', 'invoice'))}. Exact Online no longer holds ${testNumber(ctx)}, and the checker finds nothing wrong.`, () => {}),
  ],
});
