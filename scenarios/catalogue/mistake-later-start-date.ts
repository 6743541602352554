import { DIVISION, doc, expectOk, syncNow } from '../actions.js';
import { noteDateShownTwice, repairFromDate } from '../procedures.js';
import { defineScenario, step, StepFailure } from '../scenario.js';
import { invoiceShownTwice } from './shown-twice-case.js';

/**
 * P-twice with one mistake: the delink date is filled in as start date when reconnecting, not the original
 * start date. "If the start date is set to a later date, the payment status of these invoices will not be
 * fetched from Exact Online" (R14): a payment of an older invoice never reaches Focus, so the checker names I6.
 */
export default defineScenario({
  id: 'mistake-later-start-date',
  title: 'Mistake: reconnecting with a later start date',
  sources: ['001', '000', '002'],
  rules: ['R14', 'P-twice', 'I6'],
  expected: ['I6'],
  symptomInvariants: ['I1'],
  steps: [
    ...invoiceShownTwice(),
    ...repairFromDate(noteDateShownTwice(), { writeDown: 'after-last-kept', startDate: (ctx) => String(ctx.notes.delinkDate) }),
    step('verify', 'Invoices 2026/1 and 2026/3 are paid in Exact Online', (ctx) => `The customers pay; the accountant registers the payments in Exact Online on booking ${doc(ctx, 'first').bookingNumber} (invoice ${doc(ctx, 'first').number}, ${doc(ctx, 'first').date}) and booking ${doc(ctx, 'third').bookingNumber} (invoice ${doc(ctx, 'third').number}).`, async (ctx) => {
      for (const ref of ['first', 'third']) expectOk(await ctx.world.backOffice.registerPayment(DIVISION, '70', doc(ctx, ref).bookingNumber!), `Registering the payment of ${doc(ctx, ref).number}`);
    }),
    step('verify', 'The next sync fetches the payment of the newer invoice only', (ctx) => `The next sync fetches payment status only from the start date ${ctx.notes.reconnectStartDate} on: Focus shows ${doc(ctx, 'third').number} ${doc(ctx, 'third').paymentStatus}, but ${doc(ctx, 'first').number} stays ${doc(ctx, 'first').paymentStatus} although it is paid in Exact Online. The checker names I6.`, async (ctx) => {
      await syncNow(ctx);
      if (doc(ctx, 'third').paymentStatus !== 'paid') throw new StepFailure(`The sync did not fetch the payment of ${doc(ctx, 'third').number}, which is dated after the start date.`);
    }),
  ],
});
