import { book, bookDraft, doc, draft, expectOk, syncNow } from '../actions.js';
import { expectBell, expectBooked } from '../expectations.js';
import { connectFirstTime, syncAgain } from '../procedures.js';
import { defineScenario, step, StepFailure } from '../scenario.js';
import { overview } from '../screens.js';

/**
 * Article 003, §1: "an invoice has to be booked in order to be synced"; a draft is not synced, even once it was sent
 * to the customer. Nothing is inconsistent, so the symptom is the customer's own: no booking number. While the draft
 * waits, a later-made invoice is booked first (2026/1), so the draft, made earlier, becomes 2026/2: the sync still
 * sends them in number order (R5, R7).
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
      'reproduce',
      'An invoice of 18 February is made and booked while the draft waits',
      'Later that day an invoice of 18 February to Brouwerij De Kroon (€1,210.00) is made and booked: it becomes invoice 2026/1. It is not synced yet.',
      (ctx) => {
        book(ctx, '2026/1', { date: '2026-02-18' });
      },
    ),
    step(
      'symptom',
      'The booking number column of the invoice stays empty',
      `With the 'booking number' column added to the invoice overview, the draft shows none, and the bell said "There are no changes": "If this column is empty, it means that your invoice hasn't been synced."`,
      (ctx) => {
        expectBell(ctx, 'There are no changes');
        const row = overview(ctx, 'invoice').find((r) => r.date === '2026-02-20');
        if (row?.status !== 'draft' || row.bookingNumber !== null)
          throw new StepFailure(
            `The invoice overview shows ${row ? `${row.status} ${row.number} with booking number ${row.bookingNumber}` : 'no invoice'}, not a draft without booking number.`,
          );
      },
    ),
    step(
      'repair',
      'Book the invoice',
      '"An invoice has to be booked in order to be synced": the draft is booked and becomes invoice 2026/2, after the invoice of 18 February.',
      (ctx) => {
        bookDraft(ctx, 'invoice', '2026/2');
      },
    ),
    syncAgain(),
    step(
      'verify',
      'Invoices 2026/1 and 2026/2 have booking numbers 1001 and 1002, in number order',
      'The sync sends the booked invoices in number order, whichever was made first: 2026/1 carries booking number 1001 of journal 70 and 2026/2, the former draft, 1002; the bell says "Synchronisation finished: 0 customers, 2 invoices and 0 credit notes synced".',
      (ctx) => {
        expectBooked(ctx, 'invoice', [
          ['2026/1', 1001],
          ['2026/2', 1002],
        ]);
        expectBell(ctx, 'Synchronisation finished: 0 customers, 2 invoices and 0 credit notes synced');
      },
    ),
  ],
});
