import { bookDraft, doc, draft, expectOk, syncNow } from '../actions.js';
import { expectBell, expectBooked } from '../expectations.js';
import { connectFirstTime, syncAgain } from '../procedures.js';
import { defineScenario, step, StepFailure } from '../scenario.js';
import { overview } from '../screens.js';

/**
 * Article 003, §1: "an invoice has to be booked in order to be synced"; a draft is not synced, even once it was sent
 * to the customer. Nothing is inconsistent, so the symptom is the customer's own: no booking number.
 */
export default defineScenario({
  id: 'draft-not-synced',
  title: 'A draft invoice is not synced, even when it was sent',
  sources: ['003'],
  rules: ['R1', 'R6', 'R15'],
  expected: 'fixed',
  symptom: {
    description: 'the invoice of 20 February has no booking number',
    present: (ctx) => doc(ctx, 'invoice').bookingNumber === null,
  },
  steps: [
    connectFirstTime(),
    step(
      'reproduce',
      'An invoice is made and sent to the customer, but left as a draft',
      'An invoice of 20 February to Atelier Lumière (€1,210.00) is made and sent to the customer, but never booked: it is still a draft.',
      (ctx) => {
        const invoice = draft(ctx, 'invoice', { date: '2026-02-20', customer: 'Atelier Lumière' });
        expectOk(ctx.world.focus.markSent(invoice.id), 'Marking the invoice as sent');
      },
    ),
    step(
      'reproduce',
      'A manual sync finds nothing to send',
      'The two arrows are clicked; the bell says: "There are no changes".',
      async (ctx) => {
        await syncNow(ctx);
      },
    ),
    step(
      'symptom',
      'The booking number column of the invoice stays empty',
      `With the 'booking number' column added to the invoice overview, the draft shows none, and the bell said "There are no changes": "If this column is empty, it means that your invoice hasn't been synced."`,
      (ctx) => {
        expectBell(ctx, 'There are no changes');
        const [row] = overview(ctx, 'invoice');
        if (row?.status !== 'draft' || row.bookingNumber !== null)
          throw new StepFailure(
            `The invoice overview shows ${row ? `${row.status} ${row.number} with booking number ${row.bookingNumber}` : 'no invoice'}, not a draft without booking number.`,
          );
      },
    ),
    step(
      'repair',
      'Book the invoice',
      '"An invoice has to be booked in order to be synced": the draft is booked and becomes invoice 2026/1.',
      (ctx) => {
        bookDraft(ctx, 'invoice', '2026/1');
      },
    ),
    syncAgain(),
    step(
      'verify',
      'Invoice 2026/1 has booking number 1001',
      'Invoice 2026/1 now carries booking number 1001 of journal 70; the bell says "Synchronisation finished: 0 customers, 1 invoice and 0 credit notes synced".',
      (ctx) => {
        expectBooked(ctx, 'invoice', [['2026/1', 1001]]);
        expectBell(ctx, 'Synchronisation finished: 0 customers, 1 invoice and 0 credit notes synced');
      },
    ),
  ],
});
