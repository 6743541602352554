import { syncMessages } from '../../core/index.js';
import { doc, draft, expectOk, syncNow } from '../actions.js';
import { connectFirstTime, syncAgain } from '../procedures.js';
import { defineScenario, step, StepFailure } from '../scenario.js';

/**
 * Article 003, §1: "an invoice has to be booked in order to be synced"; a draft is not synced, even once it
 * was sent to the customer. Nothing is inconsistent, so the symptom is the customer's own: no booking number.
 */
export default defineScenario({
  id: 'draft-not-synced',
  title: 'A draft invoice is not synced, even when it was sent',
  sources: ['003'],
  rules: ['R1', 'R6', 'R15'],
  expected: 'fixed',
  symptom: {
    description: 'the invoice has no booking number',
    present: (ctx) => doc(ctx, 'invoice').bookingNumber === null,
  },
  steps: [
    connectFirstTime(),
    step('reproduce', 'An invoice is made and sent to the customer, but left as a draft', (ctx) => `An invoice of ${doc(ctx, 'invoice').date} to Atelier Lumière is made and sent to the customer, but never booked: it is still a ${doc(ctx, 'invoice').status}.`, (ctx) => {
      const invoice = draft(ctx, 'invoice', { date: '2026-02-20', customer: 'Atelier Lumière' });
      expectOk(ctx.world.focus.markSent(invoice.id), 'Marking the invoice as sent');
    }),
    step('reproduce', 'A manual sync finds nothing to send', (ctx) => `The two arrows are clicked; the bell says: "${ctx.notes.lastNotification}".`, async (ctx) => {
      ctx.notes.lastNotification = (await syncNow(ctx)).notification?.message ?? '(no notification)';
    }),
    step('symptom', 'The booking number column of the invoice stays empty', `With the 'booking number' column added to the invoice overview, the invoice shows none: "If this column is empty, it means that your invoice hasn't been synced."`, (ctx) => {
      if (ctx.notes.lastNotification !== syncMessages.noChanges()) throw new StepFailure(`Expected the bell to say "${syncMessages.noChanges()}", got "${ctx.notes.lastNotification}".`);
      if (doc(ctx, 'invoice').bookingNumber !== null) throw new StepFailure('The draft invoice got a booking number.');
    }),
    step('repair', 'Book the invoice', (ctx) => `"An invoice has to be booked in order to be synced": the draft is booked and becomes invoice ${doc(ctx, 'invoice').number}.`, (ctx) => {
      expectOk(ctx.world.focus.book(doc(ctx, 'invoice').id), 'Booking the invoice');
    }),
    syncAgain(),
    step('verify', 'The invoice has a booking number', (ctx) => `Invoice ${doc(ctx, 'invoice').number} now carries booking number ${doc(ctx, 'invoice').bookingNumber} of journal 70.`, () => {}),
  ],
});
