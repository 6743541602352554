import { expectSame } from '../actions.js';
import { expectBell, expectNamed } from '../expectations.js';
import { checkerNames } from '../procedures.js';
import { defineScenario, step } from '../scenario.js';
import { bookingLines, bookingLinesRetyped, invoiceAndBookingTotals, invoiceEditedAfterSync } from './installation-invoice-case.js';

/**
 * Article 003, note, when the total stays the same: "further changes in Teamleader Focus won't be synced". €100.00 of
 * the installation on invoice 2026/1 is moved to the parts after the sync (installation €900.00, parts €350.00): the
 * invoice still totals €1,512.50, so totals agree, but booking 1001 keeps the old split until its lines are typed in
 * again in Exact Online (R11, I5 per line).
 */
export default defineScenario({
  id: 'edit-after-sync-same-total',
  title: "An invoice's lines changed after its sync, same total: Exact keeps the old lines",
  sources: ['003'],
  rules: ['R11', 'R15', 'I5'],
  expected: 'fixed',
  symptomInvariants: ['I5'],
  steps: [
    ...invoiceEditedAfterSync({
      title: '€100.00 of the installation is moved to the parts in Focus',
      narration: 'The installation is billed at €900.00 and the parts at €350.00: invoice 2026/1 still totals €1,512.50.',
      changes: { Installation: { unitPriceCents: 90_000 }, Parts: { unitPriceCents: 35_000 } },
      doing: 'Moving €100.00 to the parts',
    }),
    step(
      'symptom',
      'Exact Online keeps the old lines under the same total',
      'The bell said "There are no changes": booking 1001 and invoice 2026/1 both total €1,512.50, but the booking still lists installation €1,000.00 and parts €250.00 (without VAT).',
      async (ctx) => {
        expectBell(ctx, 'There are no changes');
        expectSame(
          [...(await invoiceAndBookingTotals(ctx)), (await bookingLines(ctx)).join(', ')],
          ['€1,512.50', '€1,512.50', 'Installation €1,000.00, Parts €250.00'],
          'Invoice 2026/1 in Focus and booking 1001 in Exact',
        );
      },
    ),
    checkerNames([['I5', ['2026/1'], [1001]]], 'invoice 2026/1 has the same total as booking 1001, but its lines differ'),
    bookingLinesRetyped(
      'Type the lines of booking 1001 again in Exact Online',
      '"You\'ll need to edit the invoice in the bookkeeping tool": booking 1001 of journal 70 is opened and its lines are typed in again as on invoice 2026/1: installation €900.00 and parts €350.00 on 700000 at VAT 21.',
      [
        { description: 'Installation', amountCents: 90_000, vatCode: '21' },
        { description: 'Parts', amountCents: 35_000, vatCode: '21' },
      ],
    ),
    step(
      'verify',
      'Booking 1001 lists the lines of invoice 2026/1',
      'Booking 1001 lists installation €900.00 and parts €350.00 under its total of €1,512.50, as invoice 2026/1 does, and the checker names nothing.',
      async (ctx) => {
        expectSame((await bookingLines(ctx)).join(', '), 'Installation €900.00, Parts €350.00', 'The lines of booking 1001');
        await expectNamed(ctx, []);
      },
    ),
  ],
});
