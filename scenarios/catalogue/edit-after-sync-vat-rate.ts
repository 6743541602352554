import { expectSame } from '../actions.js';
import { expectBell } from '../expectations.js';
import { checkerNames } from '../procedures.js';
import { defineScenario, step } from '../scenario.js';
import { bookingLines, bookingLinesRetyped, invoiceAndBookingTotals, invoiceEditedAfterSync } from './installation-invoice-case.js';

/**
 * Article 003, note, when only the VAT changes: "further changes in Teamleader Focus won't be synced … You'll need to
 * edit the invoice in the bookkeeping tool." After the sync, the installation on invoice 2026/1 turns out to be
 * renovation of a home older than ten years, at 6 % VAT instead of 21 %: the net amount stays €1,250.00, but the invoice
 * now totals €1,362.50 in Focus, while booking 1001 keeps €1,512.50 (VAT €262.50) until its lines are typed in again in
 * Exact Online (R11, I5).
 */
export default defineScenario({
  id: 'edit-after-sync-vat-rate',
  title: "An invoice's VAT rate changed after its sync: Exact keeps the old VAT",
  sources: ['003'],
  rules: ['R11', 'I5'],
  expected: 'fixed',
  symptomInvariants: ['I5'],
  steps: [
    ...invoiceEditedAfterSync({
      title: 'The VAT rate of the installation is changed to 6 % in Focus',
      narration:
        'The installation is renovation of a home older than ten years: its VAT rate goes from 21 % to 6 %. The net amount stays €1,250.00; invoice 2026/1 now totals €1,362.50 in Focus.',
      changes: { Installation: { vatRateBp: 600 } },
      doing: 'Changing the VAT rate',
    }),
    step(
      'symptom',
      'Exact Online keeps the old VAT',
      'The bell said "There are no changes": in Exact Online booking 1001 still totals €1,512.50, the installation at VAT 21; Focus says €1,362.50.',
      async (ctx) => {
        expectBell(ctx, 'There are no changes');
        expectSame(await invoiceAndBookingTotals(ctx), ['€1,362.50', '€1,512.50'], 'Invoice 2026/1 in Focus and booking 1001 in Exact');
        expectSame(
          await bookingLines(ctx, { vat: true }),
          ['Installation €1,000.00 VAT 21', 'Parts €250.00 VAT 21'],
          'The lines of booking 1001',
        );
      },
    ),
    checkerNames(
      [['I5', ['2026/1'], [1001]]],
      'the VAT of invoice 2026/1 in Focus differs from that of booking 1001, its net amount does not',
    ),
    bookingLinesRetyped(
      'Edit booking 1001 in Exact Online by hand',
      '"You\'ll need to edit the invoice in the bookkeeping tool": in Exact Online booking 1001 of journal 70 is opened and its lines are typed in again as on invoice 2026/1: installation €1,000.00 at VAT 6 and parts €250.00 at VAT 21, both on 700000.',
      [
        { description: 'Installation', amountCents: 100_000, vatCode: '6' },
        { description: 'Parts', amountCents: 25_000, vatCode: '21' },
      ],
    ),
    step(
      'verify',
      'Exact Online and Focus show the same VAT',
      'Invoice 2026/1 and booking 1001 both total €1,362.50; the installation is booked at VAT 6.',
      async (ctx) => {
        expectSame(await invoiceAndBookingTotals(ctx), ['€1,362.50', '€1,362.50'], 'Invoice 2026/1 in Focus and booking 1001 in Exact');
        expectSame(
          await bookingLines(ctx, { vat: true }),
          ['Installation €1,000.00 VAT 6', 'Parts €250.00 VAT 21'],
          'The lines of booking 1001',
        );
      },
    ),
  ],
});
