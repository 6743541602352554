import { syncNow } from '../actions.js';
import { payInExact } from '../exact-moves.js';
import { expectNamed } from '../expectations.js';
import { defineScenario, step, StepFailure } from '../scenario.js';
import { noteDateShownTwice, repairFromDate } from '../procedures.js';
import { overviewRow, settingsScreen } from '../screens.js';
import { invoiceShownTwice } from './shown-twice-case.js';

/**
 * P-twice with one mistake: the delink date (2026-02-03) is filled in as start date when reconnecting, not the
 * original 2026-01-01. "If the start date is set to a later date, the payment status of these invoices will not be
 * fetched from Exact Online" (R14): the payment of invoice 2026/1 (15 January) never reaches Focus, so the checker
 * names I6.
 */
export default defineScenario({
  id: 'mistake-later-start-date',
  title: 'Mistake: reconnecting with a later start date',
  sources: ['001', '000', '002'],
  rules: ['R14', 'P-twice', 'I6'],
  expected: ['I6'],
  symptomInvariants: ['I1', 'I8'],
  steps: [
    ...invoiceShownTwice(),
    ...repairFromDate(noteDateShownTwice('invoice'), { kind: 'invoice', writeDown: 'after-last-kept', startDate: 'delink-date' }),
    step(
      'verify',
      'Invoices 2026/1 and 2026/3 are paid in Exact Online',
      'The customers pay; the accountant registers the payments in Exact Online on booking 1002 (invoice 2026/1 of 15 January) and booking 1004 (invoice 2026/3 of 10 February).',
      async (ctx) => {
        const start = settingsScreen(ctx).startDate;
        if (start !== '2026-02-03') throw new StepFailure(`The integration's start date is ${start}, not the delink date 2026-02-03.`);
        await payInExact(ctx, '70', 1002);
        await payInExact(ctx, '70', 1004);
      },
    ),
    step(
      'verify',
      'The next sync fetches the payment of 2026/3 only',
      'The next sync fetches payment status only from the start date 2026-02-03 on: Focus shows 2026/3 paid, but 2026/1 stays unpaid although it is paid in Exact Online. The checker names I6 for 2026/1 (1002), and nothing else.',
      async (ctx) => {
        await syncNow(ctx);
        const [first, third] = [overviewRow(ctx, 'invoice', '2026/1').paymentStatus, overviewRow(ctx, 'invoice', '2026/3').paymentStatus];
        if (third !== 'paid')
          throw new StepFailure(
            `Focus shows 2026/3 ${third}: the sync did not fetch its payment, although it is dated after the start date.`,
          );
        if (first !== 'unpaid')
          throw new StepFailure(`Focus shows 2026/1 ${first}: the payment of an invoice dated before the start date was fetched.`);
        await expectNamed(ctx, [['I6', ['2026/1'], [1002]]]);
      },
    ),
  ],
});
