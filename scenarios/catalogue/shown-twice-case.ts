import { book, syncNow } from '../actions.js';
import { bookByHand } from '../exact-moves.js';
import { expectBooked, expectReproduced } from '../expectations.js';
import { checkerNames, connectFirstTime, shownTwiceInExact } from '../procedures.js';
import { step, type Step } from '../scenario.js';

/** Before Focus is connected, the accountant types invoice 2026/2 of 3 February to Van Dijk Installaties into journal 70 by hand: booking 1001. */
export function invoiceTypedInByHand(): Step {
  return step(
    'setup',
    'The accountant types invoice 2026/2 into Exact Online by hand',
    'Before Focus is connected, the accountant types the invoice of 3 February to Van Dijk Installaties (reference 2026/2, €1,210.00) into Exact Online by hand: booking 1001 in journal 70.',
    async (ctx) => {
      await bookByHand(ctx, '70', {
        customerCode: '2',
        entryDate: '2026-02-03',
        yourRef: '2026/2',
        description: 'Invoice 2026/2 Van Dijk Installaties',
        lines: [{ glAccountCode: '700000', amountCents: 100_000, vatCode: '21', description: 'Services' }],
      });
    },
  );
}

/**
 * The case the mistake scenarios start from (article 001): invoice 2026/2 (3 February, Van Dijk Installaties) was
 * typed into Exact Online by hand as booking 1001 before Focus was connected, and the first sync booked it again as
 * 1003. 2026/1 (15 January, 1002) comes before it, so a repair keeps one synced invoice (the one whose payment status
 * R14 stops fetching), and 2026/3 (10 February, 1004) after it, so a repair books a second customer's invoice again
 * (R12). The case breaks I1 and I8, which the mistake scenarios declare as their symptom.
 */
export function invoiceShownTwice(): Step[] {
  return [
    invoiceTypedInByHand(),
    connectFirstTime(),
    step(
      'reproduce',
      'Invoices 2026/1 to 2026/3 are synced, 2026/2 included',
      "The first sync sends Focus's invoices: 2026/1 (1002), 2026/2 (1003), 2026/3 (1004). Invoice 2026/2 gets a second booking.",
      async (ctx) => {
        book(ctx, '2026/1', { date: '2026-01-15' });
        book(ctx, '2026/2', { date: '2026-02-03', customer: 'Van Dijk Installaties' });
        book(ctx, '2026/3', { date: '2026-02-10', customer: 'Atelier Lumière' });
        await syncNow(ctx);
        await expectReproduced(ctx, () => {
          expectBooked(ctx, 'invoice', [
            ['2026/1', 1002],
            ['2026/2', 1003],
            ['2026/3', 1004],
          ]);
        });
      },
    ),
    shownTwiceInExact('invoice', '70', '2026/2', [1001, 1003], 'Invoice 2026/2 Van Dijk Installaties'),
    checkerNames(
      [
        ['I1', ['2026/2'], [1001, 1003]],
        ['I8', ['2026/2'], [1001]],
      ],
      '2026/2 stands twice in journal 70, and booking 1001, typed in by hand, stands for no document linked to it',
    ),
  ];
}
