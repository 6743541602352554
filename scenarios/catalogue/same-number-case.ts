import { book, line, syncNow } from '../actions.js';
import { deleteInExact } from '../exact-moves.js';
import { expectBooked, expectReproduced } from '../expectations.js';
import { bellSays, checkerNames, connectFirstTime } from '../procedures.js';
import { step, type Step } from '../scenario.js';

/**
 * The case of article 002 the invoice scenarios of P-samenumber start from: invoices 2026/1 (15 January, 1001),
 * 2026/2 (3 February, 1002) and 2026/3 (10 February, 1003) are synced; the accountant deletes booking 1003 in Exact
 * but not invoice 2026/3 in Focus; Exact hands 1003 out again (R7) to invoice 2026/4, dated `fourth` (the same day as
 * 2026/3, later, or backdated before it), and the bell and the checker report it (R9). Made of its parts, which a
 * variant that puts steps between them calls by name.
 */
export function invoiceNumberHandedOutAgain(fourth: { date: string; words: string }): Step[] {
  return [connectFirstTime(), ...invoiceNumberReused(fourth), ...invoiceNumberReuseReported()];
}

/** After the first connection: 2026/1 to 2026/3 synced, booking 1003 deleted in Exact, and 1003 given again to 2026/4. */
export function invoiceNumberReused(fourth: { date: string; words: string }): Step[] {
  return [
    step(
      'setup',
      'Book and sync invoices 2026/1 to 2026/3',
      'Three invoices are booked and synced: 2026/1 of 15 January (1001), 2026/2 of 3 February (1002) and 2026/3 of 10 February (1003).',
      async (ctx) => {
        book(ctx, '2026/1', { date: '2026-01-15' });
        book(ctx, '2026/2', { date: '2026-02-03', customer: 'Van Dijk Installaties' });
        book(ctx, '2026/3', { date: '2026-02-10', customer: 'Atelier Lumière' });
        await syncNow(ctx);
      },
    ),
    step(
      'reproduce',
      'The accountant deletes booking 1003 in Exact Online, not in Focus',
      'In Exact Online booking 1003, the booking of invoice 2026/3, is deleted. Focus still shows booking number 1003 on 2026/3.',
      async (ctx) => {
        await deleteInExact(ctx, '70', 1003);
      },
    ),
    step(
      'reproduce',
      `Invoice 2026/4 of ${fourth.words} is booked and synced`,
      `Invoice 2026/4 of ${fourth.words} to Delta Logistics is booked and synced. Exact gives a new booking the number of the last booking + 1, so it hands out 1003 again.`,
      async (ctx) => {
        book(ctx, '2026/4', { date: fourth.date, customer: 'Delta Logistics' });
        await syncNow(ctx);
        await expectReproduced(ctx, () => {
          expectBooked(ctx, 'invoice', [
            ['2026/1', 1001],
            ['2026/2', 1002],
            ['2026/3', 1003],
            ['2026/4', 1003],
          ]);
        });
      },
    ),
  ];
}

/** What reports the reused number: the bell (R9) and the checker (I1 for the deleted booking, I2 for the double one). */
export function invoiceNumberReuseReported(): Step[] {
  return [
    bellSays('The invoices 2026/3 and 2026/4 have the same booking number'),
    checkerNames(
      [
        ['I1', ['2026/3'], [1003]],
        ['I2', ['2026/3', '2026/4'], [1003]],
      ],
      '2026/3 is linked to booking 1003, which was deleted, and 2026/3 and 2026/4 both show 1003',
    ),
  ];
}

/**
 * The credit-note case of article 002, after its setup has synced credit notes 2026/1 (3 February, 8001) and 2026/2
 * (10 February, 8002): the accountant deletes booking 8002 in Exact but not credit note 2026/2 in Focus; journal 71
 * hands 8002 out again (R7) to credit note 2026/3, dated `third` (`day` in the narration, `words` in the title), and
 * the bell reports it (R9).
 */
export function creditNoteNumberHandedOutAgain(third: { date: string; day: string; words: string }): Step[] {
  return [
    step(
      'reproduce',
      'The accountant deletes booking 8002 in Exact Online, not in Focus',
      'In Exact Online booking 8002 of journal 71, the booking of credit note 2026/2, is deleted. Focus still shows booking number 8002 on it.',
      async (ctx) => {
        await deleteInExact(ctx, '71', 8002);
      },
    ),
    step(
      'reproduce',
      `Credit note 2026/3 of ${third.words} is booked and synced`,
      `Credit note 2026/3 of ${third.day} to Atelier Lumière is booked and synced. Journal 71 gives it the number of its last booking + 1: 8002 again.`,
      async (ctx) => {
        book(ctx, '2026/3', { date: third.date, customer: 'Atelier Lumière', kind: 'credit_note', lines: [line(20_000)] });
        await syncNow(ctx);
        await expectReproduced(ctx, () => {
          expectBooked(ctx, 'credit_note', [
            ['2026/1', 8001],
            ['2026/2', 8002],
            ['2026/3', 8002],
          ]);
        });
      },
    ),
    bellSays('The credit notes 2026/2 and 2026/3 have the same booking number'),
    checkerNames(
      [
        ['I1', ['2026/2'], [8002]],
        ['I2', ['2026/2', '2026/3'], [8002]],
      ],
      'credit note 2026/2 is linked to booking 8002, which was deleted, and credit notes 2026/2 and 2026/3 both show 8002',
    ),
  ];
}
