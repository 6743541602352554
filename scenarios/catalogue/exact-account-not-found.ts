import { book, editInvoiceLines, ERROR_SHOWN, errorInBell, expectSame, line, noteErrorShown, syncNow } from '../actions.js';
import { expectBell, expectBooked } from '../expectations.js';
import { checkerNames, connectFirstTime, syncAgain } from '../procedures.js';
import { defineScenario, step, StepFailure } from '../scenario.js';
import { journalEntry } from '../screens.js';

/** The bell's text, word for word (focus-side.md §1a: the account is missing in Exact). */
const NOT_FOUND =
  'The account number 706000 could not be found in Exact Online. Create this account number in Exact Online or choose another one.';

/**
 * Article 003 §3 with the Exact Online troubleshooting table (focus-side.md §1a): "The account number X could not be
 * found in Exact Online" — "create this account number in Exact Online or choose another one". The rental lines of
 * invoices 2026/1 and 2026/2 were put on revenue account 706000, which Exact's chart of accounts does not have; the bell
 * names the account once for both. Choosing 705000 (Sales of services) on the lines in Focus lets them through as
 * bookings 1001 and 1002, on 705000.
 */
export default defineScenario({
  id: 'exact-account-not-found',
  title: 'Invoices are not synced: their account number is not in Exact Online',
  sources: ['003'],
  rules: ['R5', 'R6', 'R15', 'I1'],
  expected: 'fixed',
  symptomInvariants: ['I1'],
  steps: [
    connectFirstTime(),
    step(
      'reproduce',
      'Invoices 2026/1 and 2026/2 with lines on account 706000 are booked; the two arrows are clicked',
      'Invoices 2026/1 of 10 March to Atelier Lumière (rental of lighting, €450.00) and 2026/2 of 11 March to Delta Logistics (rental of a stage, €300.00) are booked with their lines on revenue account 706000; a manual sync follows.',
      async (ctx) => {
        book(ctx, '2026/1', {
          date: '2026-03-10',
          customer: 'Atelier Lumière',
          lines: [line(45_000, { description: 'Rental of lighting', ledgerAccount: '706000' })],
        });
        book(ctx, '2026/2', {
          date: '2026-03-11',
          customer: 'Delta Logistics',
          lines: [line(30_000, { description: 'Rental of a stage', ledgerAccount: '706000' })],
        });
        await syncNow(ctx);
        noteErrorShown(ctx);
      },
    ),
    step(
      'symptom',
      'Invoices 2026/1 and 2026/2 have no booking number; the bell names account 706000 once',
      `Invoices 2026/1 and 2026/2 have no booking number, and the bell says, once for both: "${NOT_FOUND}"`,
      (ctx) => {
        expectBooked(ctx, 'invoice', [
          ['2026/1', null],
          ['2026/2', null],
        ]);
        expectSame(errorInBell(ctx), NOT_FOUND, "The bell's error");
      },
    ),
    checkerNames(
      [
        ['I1', ['2026/1'], []],
        ['I1', ['2026/2'], []],
      ],
      'invoices 2026/1 and 2026/2 are booked but have no booking in journal 70',
    ),
    step(
      'repair',
      'Choose another account on the lines: 705000',
      "The bell says to create account 706000 in Exact Online or to choose another one. Rental is a service: in Focus the lines of invoices 2026/1 and 2026/2 are put on 705000 (Sales of services), which Exact's chart of accounts has.",
      (ctx) => {
        if (ctx.notes.read(ERROR_SHOWN) !== NOT_FOUND)
          throw new StepFailure(
            `The bell shows "${ctx.notes.read(ERROR_SHOWN)}", not that account number 706000 is missing in Exact Online.`,
          );
        for (const number of ['2026/1', '2026/2'])
          editInvoiceLines(ctx, number, () => ({ ledgerAccount: '705000' }), `Choosing account 705000 on invoice ${number}`);
      },
    ),
    syncAgain(),
    step(
      'verify',
      'Invoices 2026/1 and 2026/2 are bookings 1001 and 1002, their lines on 705000',
      'Invoices 2026/1 and 2026/2 now carry booking numbers 1001 and 1002; in Exact Online their lines are booked on 705000, €450.00 and €300.00; the bell says "Synchronisation finished: 0 customers, 2 invoices and 0 credit notes synced".',
      async (ctx) => {
        expectBooked(ctx, 'invoice', [
          ['2026/1', 1001],
          ['2026/2', 1002],
        ]);
        const lines = [...(await journalEntry(ctx, '70', 1001)).lines, ...(await journalEntry(ctx, '70', 1002)).lines];
        expectSame(
          lines.map((l) => `${l.glAccount} ${l.net}`),
          ['705000 €450.00', '705000 €300.00'],
          'The lines of bookings 1001 and 1002',
        );
        expectBell(ctx, 'Synchronisation finished: 0 customers, 2 invoices and 0 credit notes synced');
      },
    ),
  ],
});
