import { book, documentNumbered, ERROR_SHOWN, errorInBell, expectOk, expectSame, line, noteErrorShown, syncNow } from '../actions.js';
import { expectBell, expectBooked } from '../expectations.js';
import { checkerNames, connectFirstTime, syncAgain } from '../procedures.js';
import { defineScenario, step, StepFailure } from '../scenario.js';
import { journalEntry } from '../screens.js';

/** The bell's text, word for word (focus-side.md §1a: the account is missing in Exact). */
const NOT_FOUND =
  'The account number 706000 could not be found in Exact Online. Create this account number in Exact Online or choose another one.';

/**
 * Article 003 §3 with the Exact Online troubleshooting table (focus-side.md §1a): "The account number X could not be
 * found in Exact Online" — "create this account number in Exact Online or choose another one". Invoice 2026/1's rental
 * line was put on revenue account 706000, which Exact's chart of accounts does not have; choosing 705000 (Sales of
 * services) on the line in Focus lets it through as booking 1001, on 705000.
 */
export default defineScenario({
  id: 'exact-account-not-found',
  title: 'An invoice is not synced: its account number is not in Exact Online',
  sources: ['003'],
  rules: ['R5', 'R6', 'R15', 'I1'],
  expected: 'fixed',
  symptomInvariants: ['I1'],
  steps: [
    connectFirstTime(),
    step(
      'reproduce',
      'Invoice 2026/1 with a line on account 706000 is booked; the two arrows are clicked',
      'Invoice 2026/1 of 10 March to Atelier Lumière (rental of lighting, €450.00) is booked with its line on revenue account 706000; a manual sync follows.',
      async (ctx) => {
        book(ctx, '2026/1', {
          date: '2026-03-10',
          customer: 'Atelier Lumière',
          lines: [line(45_000, { description: 'Rental of lighting', ledgerAccount: '706000' })],
        });
        await syncNow(ctx);
        noteErrorShown(ctx);
      },
    ),
    step(
      'symptom',
      'Invoice 2026/1 has no booking number; the bell names account 706000',
      `Invoice 2026/1 has no booking number, and the bell says: "${NOT_FOUND}"`,
      (ctx) => {
        expectBooked(ctx, 'invoice', [['2026/1', null]]);
        expectSame(errorInBell(ctx), NOT_FOUND, "The bell's error");
      },
    ),
    checkerNames([['I1', ['2026/1'], []]], 'invoice 2026/1 is booked but has no booking in journal 70'),
    step(
      'repair',
      'Choose another account on the line: 705000',
      "The bell says to create account 706000 in Exact Online or to choose another one. Rental is a service: in Focus the line of invoice 2026/1 is put on 705000 (Sales of services), which Exact's chart of accounts has.",
      (ctx) => {
        if (ctx.notes.read(ERROR_SHOWN) !== NOT_FOUND)
          throw new StepFailure(
            `The bell shows "${ctx.notes.read(ERROR_SHOWN)}", not that account number 706000 is missing in Exact Online.`,
          );
        const invoice = documentNumbered(ctx, 'invoice', '2026/1');
        expectOk(
          ctx.world.focus.editLines(
            invoice.id,
            invoice.lines.map((l) => ({ ...l, ledgerAccount: '705000' })),
          ),
          'Choosing account 705000',
        );
      },
    ),
    syncAgain(),
    step(
      'verify',
      'Invoice 2026/1 is booking 1001, its line on 705000',
      'Invoice 2026/1 now carries booking number 1001; in Exact Online its line is booked on 705000, €450.00; the bell says "Synchronisation finished: 0 customers, 1 invoice and 0 credit notes synced".',
      async (ctx) => {
        expectBooked(ctx, 'invoice', [['2026/1', 1001]]);
        const booking = await journalEntry(ctx, '70', 1001);
        expectSame(
          booking.lines.map((l) => `${l.glAccount} ${l.net}`),
          ['705000 €450.00'],
          'The lines of booking 1001',
        );
        expectBell(ctx, 'Synchronisation finished: 0 customers, 1 invoice and 0 credit notes synced');
      },
    ),
  ],
});
