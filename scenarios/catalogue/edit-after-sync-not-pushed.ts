import { expectSame } from '../actions.js';
import { expectBell } from '../expectations.js';
import { checkerNames } from '../procedures.js';
import { defineScenario, step } from '../scenario.js';
import { bookingLinesRetyped, invoiceAndBookingTotals, invoiceEditedAfterSync } from './installation-invoice-case.js';

/**
 * Article 003, note: "Once an invoice is synced to a bookkeeping tool, further changes in Teamleader Focus won't be
 * synced … You'll need to edit the invoice in the bookkeeping tool." The installation on invoice 2026/1 goes from
 * €1,000.00 to €1,200.00 after the sync: Focus says €1,754.50, booking 1001 keeps €1,512.50 until it is edited there.
 */
export default defineScenario({
  id: 'edit-after-sync-not-pushed',
  title: 'An invoice edited after its sync keeps its old amount in Exact',
  sources: ['003'],
  rules: ['R11', 'I5'],
  expected: 'fixed',
  symptomInvariants: ['I5'],
  steps: [
    ...invoiceEditedAfterSync({
      title: 'The price of the installation is changed in Focus',
      narration: 'The installation is billed at €1,200.00 instead of €1,000.00: invoice 2026/1 now totals €1,754.50 in Focus.',
      changes: { Installation: { unitPriceCents: 120_000 } },
      doing: 'Changing the price',
    }),
    step(
      'symptom',
      'Exact Online keeps the old amount',
      'The bell said "There are no changes": in Exact Online booking 1001 still totals €1,512.50; Focus says €1,754.50.',
      async (ctx) => {
        expectBell(ctx, 'There are no changes');
        expectSame(await invoiceAndBookingTotals(ctx), ['€1,754.50', '€1,512.50'], 'Invoice 2026/1 in Focus and booking 1001 in Exact');
      },
    ),
    checkerNames([['I5', ['2026/1'], [1001]]], 'the amounts of invoice 2026/1 in Focus differ from those of booking 1001'),
    bookingLinesRetyped(
      'Edit booking 1001 in Exact Online by hand',
      '"You\'ll need to edit the invoice in the bookkeeping tool": in Exact Online booking 1001 of journal 70 is opened and its lines are typed in again as on invoice 2026/1: installation €1,200.00 and parts €250.00 on 700000 at VAT 21.',
      [
        { description: 'Installation', amountCents: 120_000, vatCode: '21' },
        { description: 'Parts', amountCents: 25_000, vatCode: '21' },
      ],
    ),
    step('verify', 'Exact Online and Focus show the same amount', 'Invoice 2026/1 and booking 1001 both total €1,754.50.', async (ctx) => {
      expectSame(await invoiceAndBookingTotals(ctx), ['€1,754.50', '€1,754.50'], 'Invoice 2026/1 in Focus and booking 1001 in Exact');
    }),
  ],
});
