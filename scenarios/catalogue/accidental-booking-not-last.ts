import { book, expectRefused, expectSame, line, setAmountToZero, syncNow, tryDeleteInFocus } from '../actions.js';
import { editInExact } from '../exact-moves.js';
import { bookedInWords, expectBooked, expectReproduced, type Booked } from '../expectations.js';
import { connectFirstTime, syncAgain } from '../procedures.js';
import { defineScenario, step, type ScenarioContext } from '../scenario.js';
import { journalScreen, overviewRow } from '../screens.js';

const BOOKED: Booked[] = [
  ['2026/1', 1001],
  ['2026/2', 1002],
  ['2026/3', 1003],
];

/** Test invoice 2026/2 as the overview and Exact's journal 70 show it. */
async function testInvoice(ctx: ScenarioContext) {
  const entry = (await journalScreen(ctx, '70')).entries.find((e) => e.entryNumber === 1002);
  return { focus: overviewRow(ctx, 'invoice', '2026/2'), exact: entry };
}

/**
 * Article 000's other case: test invoice 2026/2 (4 February, Delta Logistics, €149.37) is no longer the last invoice,
 * so it cannot be deleted (R2): "the best thing to do is to change the amount to zero". Focus does not send the edit
 * of a synced invoice (R11, article 003), so booking 1002 is set to zero in Exact Online by hand as well.
 */
export default defineScenario({
  id: 'accidental-booking-not-last',
  title: 'A test invoice booked by accident that is not the last invoice',
  sources: ['000', '003'],
  rules: ['R2', 'R11', 'P-delete', 'I5', 'I6'],
  expected: 'fixed',
  symptom: {
    description: 'test invoice 2026/2 still totals €149.37 in Focus or in Exact Online',
    // Zero on one side only is not the repair.
    async present(ctx) {
      const { focus, exact } = await testInvoice(ctx);
      return focus.total !== '€0.00' || exact?.amount !== '€0.00';
    },
  },
  doctor: {
    testDocuments: [{ kind: 'invoice', number: '2026/2' }],
    finding: 'accidental-booking',
    article: '000',
    procedure: 'credit',
    credit: 'invoice 2026/2 on 2026-03-02',
    delinkDate: null,
    deleteInExact: [],
    writeDown: [],
    nextBookingNumbers: [],
    deleteInFocus: [],
    startDate: null,
    journals: null,
  },
  steps: [
    connectFirstTime(),
    step(
      'setup',
      'Book and sync invoice 2026/1',
      'A real invoice, 2026/1 of 14 January, is booked and synced as booking 1001.',
      async (ctx) => {
        book(ctx, '2026/1', { date: '2026-01-14' });
        await syncNow(ctx);
      },
    ),
    step(
      'reproduce',
      'Test invoice 2026/2 is booked by accident, real invoice 2026/3 after it, both synced',
      `Test invoice 2026/2 of 4 February (Delta Logistics, €149.37) is booked by accident, then real invoice 2026/3 of 9 February; the sync sends both: ${bookedInWords(BOOKED)}.`,
      async (ctx) => {
        book(ctx, '2026/2', { date: '2026-02-04', customer: 'Delta Logistics', lines: [line(12_345, { description: 'Test' })] });
        book(ctx, '2026/3', { date: '2026-02-09', customer: 'Van Dijk Installaties' });
        await syncNow(ctx);
        await expectReproduced(ctx, () => {
          expectBooked(ctx, 'invoice', BOOKED);
        });
      },
    ),
    {
      ...step(
        'symptom',
        'Deleting test invoice 2026/2 is refused: it is not the last invoice',
        '"In Teamleader Focus you can only delete the last invoice": deleting 2026/2 is refused, only the last invoice (2026/3) can be deleted.',
        (ctx) => {
          expectRefused(tryDeleteInFocus(ctx, 'invoice', '2026/2'), 'Deleting invoice 2026/2', 'not_last', [
            '2026/2',
            'only the last invoice (2026/3)',
          ]);
        },
      ),
      outlivesRepair:
        'The repair sets 2026/2 to zero instead of deleting it: it stays in the series, and Focus still refuses to delete it (R2).',
    },
    step(
      'repair',
      'Set the amount of test invoice 2026/2 to zero in Focus',
      '"You best credit the invoice via a credit note" (accidental-booking-not-last-credit shows that way). Short of that, "if the test invoice is no longer the last one, the best thing to do is to change the amount to zero": ' +
        "2026/2 now totals €0.00 in Focus. But once an invoice is synced, further changes in Focus won't be synced to the bookkeeping tool anymore (article 003): booking 1002 in Exact Online still says €149.37.",
      async (ctx) => {
        setAmountToZero(ctx, 'invoice', '2026/2');
        const { focus, exact } = await testInvoice(ctx);
        expectSame(
          [focus.total, exact?.amount],
          ['€0.00', '€149.37'],
          'Invoice 2026/2 in Focus and booking 1002 in Exact Online after the edit in Focus (totals)',
        );
      },
    ),
    step(
      'repair',
      'Set booking 1002 to zero in Exact Online by hand',
      '"You\'ll need to edit the invoice in the bookkeeping tool to update the data" (article 003): in Exact Online booking 1002 of journal 70 gets its line again at €0.00 (700000, VAT 21).',
      async (ctx) => {
        await editInExact(ctx, '70', 1002, [{ glAccountCode: '700000', amountCents: 0, vatCode: '21', description: 'Test' }]);
      },
    ),
    // A booking of zero leaves nothing outstanding, so Exact counts it as paid: the sync brings that status to Focus (I6).
    syncAgain(),
    step(
      'verify',
      'Test invoice 2026/2 stands at zero on both sides',
      `Invoices now: ${bookedInWords(BOOKED)}, no gap. Test invoice 2026/2 totals €0.00 in Focus and booking 1002 €0.00 in Exact Online, where nothing is outstanding: both say paid.`,
      async (ctx) => {
        expectBooked(ctx, 'invoice', BOOKED);
        const { focus, exact } = await testInvoice(ctx);
        expectSame([focus.total, focus.paymentStatus], ['€0.00', 'paid'], 'Invoice 2026/2 in Focus (total, payment status)');
        expectSame([exact?.amount, exact?.outstanding], ['€0.00', '€0.00'], 'Booking 1002 in Exact Online (amount, outstanding)');
      },
    ),
  ],
});
