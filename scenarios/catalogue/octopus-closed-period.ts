import { book, connectOctopus, DIVISION, errorInBell, expectOk, line, syncNow } from '../actions.js';
import { expectBooked } from '../expectations.js';
import { checkerNames, syncAgain } from '../procedures.js';
import { defineScenario, step, StepFailure } from '../scenario.js';
import { bell, journalEntry } from '../screens.js';

/** The text Octopus refuses a booking in a closed period with (focus-side.md §1b). */
const PERIOD_CLOSED = 'Book year period is closed';

/**
 * Article 003: "If the bookkeeping period is already closed, the invoice will not be synchronised", and the Octopus
 * troubleshooting article (focus-side.md §1b): "Book year period is closed" — re-open it; "Secured till period" and
 * "Closed until period" must be below the active period.
 */
export default defineScenario({
  id: 'octopus-closed-period',
  title: 'An invoice dated in a closed Octopus period is not synced',
  sources: ['003'],
  rules: ['R11', 'R15', 'I1'],
  expected: 'fixed',
  symptomInvariants: ['I1'],
  world: { seed: 'octopus' },
  steps: [
    connectOctopus(),
    step(
      'setup',
      'The accountant closes February in Octopus',
      "After the VAT return the accountant closes February 2026 in Octopus: 'Closed until period' is now 202602.",
      async (ctx) => {
        expectOk(await ctx.world.backOffice.setPeriodClosed(DIVISION, 2026, 2, true), 'Closing period 2026/2');
      },
    ),
    step(
      'reproduce',
      'A forgotten February invoice is booked',
      'Invoice 2026/1 to Atelier Lumière, dated 2026-02-27, is booked in Focus after February was closed.',
      (ctx) => {
        book(ctx, '2026/1', { date: '2026-02-27', customer: 'Atelier Lumière', lines: [line(60_000, { description: 'Lighting design' })] });
      },
    ),
    step('reproduce', 'A manual sync', 'The two arrows are clicked; the sync fails.', async (ctx) => {
      await syncNow(ctx);
    }),
    step(
      'symptom',
      'Invoice 2026/1 has no booking number; the bell says "Book year period is closed"',
      'Invoice 2026/1 has no booking number, and the bell names the reason: "Book year period is closed".',
      (ctx) => {
        if (!errorInBell(ctx)?.includes(PERIOD_CLOSED))
          throw new StepFailure(`Expected the bell to say "${PERIOD_CLOSED}", got "${errorInBell(ctx) ?? '(nothing)'}".`);
        expectBooked(ctx, 'invoice', [['2026/1', null]]);
      },
    ),
    checkerNames([['I1', ['2026/1'], []]], 'invoice 2026/1 is booked but has no booking in Octopus'),
    step(
      'repair',
      'Re-open the period in Octopus',
      "\"Book year period is closed\": re-open it. In Octopus the accountant sets 'Secured till period' and 'Closed until period' below the invoice's period (202601 < 202602), which re-opens February 2026.",
      async (ctx) => {
        expectOk(await ctx.world.backOffice.setPeriodClosed(DIVISION, 2026, 2, false), 'Re-opening period 2026/2');
      },
    ),
    syncAgain(),
    step(
      'verify',
      'Invoice 2026/1 has booking number 1 in February',
      'Invoice 2026/1 now carries booking number 1 of journal V1, booked in period 202602, and the bell says "Synchronisation finished: 0 customers, 1 invoice and 0 credit notes synced".',
      async (ctx) => {
        expectBooked(ctx, 'invoice', [['2026/1', 1]]);
        const booking = await journalEntry(ctx, 'V1', 1);
        if (booking.yourRef !== '2026/1' || booking.period !== '202602')
          throw new StepFailure(
            `Booking 1 of journal V1 is ${booking.yourRef} in period ${booking.period}, not 2026/1 in the re-opened February 2026 (202602).`,
          );
        const last = bell(ctx).at(-1);
        if (last !== 'Synchronisation finished: 0 customers, 1 invoice and 0 credit notes synced')
          throw new StepFailure(`The bell's last message is "${last ?? '(nothing)'}", not the success of the sync.`);
      },
    ),
  ],
});
