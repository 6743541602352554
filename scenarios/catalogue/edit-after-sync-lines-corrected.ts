import { book, documentNumbered, expectOk, line, syncNow } from '../actions.js';
import { editInExact } from '../exact-moves.js';
import { expectBell, expectNamed } from '../expectations.js';
import { checkerNames, connectFirstTime } from '../procedures.js';
import { defineScenario, step } from '../scenario.js';

/**
 * Article 003, note: "further changes in Teamleader Focus won't be synced" (R11), for corrections that keep each
 * document's total. After the sync, invoice 2026/1 gets back the VAT rates its manual and cables were swapped on
 * (€200.00 each), the free inspection line of invoice 2026/2 is taken off, and €50.00 of credit note 2026/1 (0 % VAT)
 * is moved from the pallets to the transport. Totals still agree, so the sync sends nothing, but bookings 1001, 1002
 * and 8001 keep the old lines until they are typed in again in Exact Online (I5 per line).
 */
export default defineScenario({
  id: 'edit-after-sync-lines-corrected',
  title: 'Lines of two invoices and a credit note corrected after the sync, same totals: Exact keeps the old lines',
  sources: ['003'],
  rules: ['R11', 'R15', 'I5'],
  expected: 'fixed',
  symptomInvariants: ['I5'],
  steps: [
    connectFirstTime(),
    step(
      'setup',
      'Invoices 2026/1 and 2026/2 and credit note 2026/1 are booked and synced',
      'Invoice 2026/1 of 12 February to Van Dijk Installaties (installation €1,000.00 at 21 %, manual €200.00 typed at 21 %, cables €200.00 typed at 6 %), invoice 2026/2 of 16 February to Atelier Lumière (renovation €800.00 and a free inspection of €0.00, at 21 %) and credit note 2026/1 of 20 February to Delta Logistics (pallets €300.00 and transport €100.00, at 0 %) are booked and synced: 1001, 1002 and 8001.',
      async (ctx) => {
        book(ctx, '2026/1', {
          date: '2026-02-12',
          customer: 'Van Dijk Installaties',
          lines: [
            line(100_000, { description: 'Installation' }),
            line(20_000, { description: 'Manual' }),
            line(20_000, { description: 'Cables', vatRateBp: 600 }),
          ],
        });
        book(ctx, '2026/2', {
          date: '2026-02-16',
          customer: 'Atelier Lumière',
          lines: [line(80_000, { description: 'Renovation' }), line(0, { description: 'Inspection' })],
        });
        book(ctx, '2026/1', {
          date: '2026-02-20',
          customer: 'Delta Logistics',
          kind: 'credit_note',
          lines: [line(30_000, { description: 'Pallets', vatRateBp: 0 }), line(10_000, { description: 'Transport', vatRateBp: 0 })],
        });
        await syncNow(ctx);
      },
    ),
    step(
      'reproduce',
      'The lines are corrected in Focus, totals unchanged',
      'The manual gets 6 % and the cables 21 % on invoice 2026/1 (still €1,452.00); the free inspection is taken off invoice 2026/2 (still €968.00); credit note 2026/1 lists pallets €250.00 and transport €150.00 (still -€400.00).',
      (ctx) => {
        const edit = (kind: 'invoice' | 'credit_note', number: string, lines: ReturnType<typeof line>[]) =>
          expectOk(ctx.world.focus.editLines(documentNumbered(ctx, kind, number).id, lines), `Correcting ${number}`);
        edit('invoice', '2026/1', [
          line(100_000, { description: 'Installation' }),
          line(20_000, { description: 'Manual', vatRateBp: 600 }),
          line(20_000, { description: 'Cables' }),
        ]);
        edit('invoice', '2026/2', [line(80_000, { description: 'Renovation' })]);
        edit('credit_note', '2026/1', [
          line(25_000, { description: 'Pallets', vatRateBp: 0 }),
          line(15_000, { description: 'Transport', vatRateBp: 0 }),
        ]);
      },
    ),
    step('reproduce', 'A manual sync sends nothing', 'The two arrows are clicked; the bell says: "There are no changes".', async (ctx) => {
      await syncNow(ctx);
      expectBell(ctx, 'There are no changes');
    }),
    checkerNames(
      [
        ['I5', ['2026/1'], [8001]],
        ['I5', ['2026/1'], [1001]],
        ['I5', ['2026/2'], [1002]],
      ],
      'credit note 2026/1 and invoices 2026/1 and 2026/2 have the same totals as bookings 8001, 1001 and 1002, but their lines differ',
    ),
    step(
      'repair',
      'Type the lines of booking 1001 again in Exact Online',
      'Booking 1001 of journal 70 is opened and its lines typed in again as on invoice 2026/1: installation €1,000.00 at VAT 21, manual €200.00 at VAT 6, cables €200.00 at VAT 21, on 700000.',
      async (ctx) => {
        await editInExact(ctx, '70', 1001, [
          { glAccountCode: '700000', amountCents: 100_000, vatCode: '21', description: 'Installation' },
          { glAccountCode: '700000', amountCents: 20_000, vatCode: '6', description: 'Manual' },
          { glAccountCode: '700000', amountCents: 20_000, vatCode: '21', description: 'Cables' },
        ]);
      },
    ),
    step(
      'repair',
      'Type the lines of booking 1002 again in Exact Online',
      'Booking 1002 of journal 70 is opened and its lines typed in again as on invoice 2026/2: renovation €800.00 at VAT 21, on 700000.',
      async (ctx) => {
        await editInExact(ctx, '70', 1002, [{ glAccountCode: '700000', amountCents: 80_000, vatCode: '21', description: 'Renovation' }]);
      },
    ),
    step(
      'repair',
      'Type the lines of booking 8001 again in Exact Online',
      'Booking 8001 of journal 71 is opened and its lines typed in again as on credit note 2026/1: pallets -€250.00 and transport -€150.00 at VAT 0, on 700000.',
      async (ctx) => {
        await editInExact(ctx, '71', 8001, [
          { glAccountCode: '700000', amountCents: -25_000, vatCode: '0', description: 'Pallets' },
          { glAccountCode: '700000', amountCents: -15_000, vatCode: '0', description: 'Transport' },
        ]);
      },
    ),
    step(
      'verify',
      'Bookings 1001, 1002 and 8001 list the lines of their documents',
      'Each booking now lists the lines of its document under the same total, and the checker names nothing.',
      async (ctx) => {
        await expectNamed(ctx, []);
      },
    ),
  ],
});
