import { syncNow } from '../actions.js';
import { payInExact } from '../exact-moves.js';
import { expectBell, expectNamed } from '../expectations.js';
import { defineScenario, step, StepFailure } from '../scenario.js';
import { noteDateShownTwice, repairFromDate } from '../procedures.js';
import { overviewRow, settingsScreen } from '../screens.js';
import { invoiceShownTwice } from './shown-twice-case.js';

/**
 * P-twice with a later start date (R14), and a customer who pays in part: Brouwerij De Kroon pays €605.00 of invoice
 * 2026/1 (15 January, €1,210.00). "If the start date is set to a later date, the payment status of these invoices will
 * not be fetched from Exact Online": Exact shows 2026/1 partly paid, Focus keeps it unpaid, and the checker names I6.
 */
export default defineScenario({
  id: 'mistake-later-start-date-part-payment',
  title: 'Mistake: reconnecting with a later start date, an invoice paid in part',
  sources: ['001', '000', '002'],
  rules: ['R14', 'P-twice', 'I6'],
  expected: ['I6'],
  symptomInvariants: ['I1', 'I8'],
  steps: [
    ...invoiceShownTwice(),
    ...repairFromDate(noteDateShownTwice('invoice'), { kind: 'invoice', writeDown: 'after-last-kept', startDate: 'delink-date' }),
    step(
      'verify',
      'Brouwerij De Kroon pays €605.00 of invoice 2026/1',
      'After the sync of the repair (the bell said "Synchronisation finished: 0 customers, 2 invoices and 0 credit notes synced"), Brouwerij De Kroon pays €605.00 of invoice 2026/1 of 15 January (€1,210.00); the accountant registers the part payment in Exact Online on booking 1002.',
      async (ctx) => {
        expectBell(ctx, 'Synchronisation finished: 0 customers, 2 invoices and 0 credit notes synced');
        const start = settingsScreen(ctx).startDate;
        if (start !== '2026-02-03') throw new StepFailure(`The integration's start date is ${start}, not the delink date 2026-02-03.`);
        await payInExact(ctx, '70', 1002, 60_500);
      },
    ),
    step(
      'verify',
      'The next sync leaves invoice 2026/1 unpaid in Focus',
      'The next sync fetches payment status only from the start date 2026-02-03 on: Exact Online shows 2026/1 partly paid (€605.00 of €1,210.00 outstanding), but Focus keeps it unpaid. The checker names I6 for 2026/1 (1002), and nothing else.',
      async (ctx) => {
        await syncNow(ctx);
        const first = overviewRow(ctx, 'invoice', '2026/1').paymentStatus;
        if (first !== 'unpaid')
          throw new StepFailure(`Focus shows 2026/1 ${first}: the payment of an invoice dated before the start date was fetched.`);
        await expectNamed(ctx, [['I6', ['2026/1'], [1002]]]);
      },
    ),
  ],
});
