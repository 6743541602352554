import { book, bookings, connectOctopus, DIVISION, doc, errorInBell, expectOk, line, syncNow } from '../actions.js';
import { syncAgain } from '../procedures.js';
import { defineScenario, step, StepFailure } from '../scenario.js';

/** The text Octopus refuses a booking in a closed period with (focus-side.md §1b). */
const PERIOD_CLOSED = 'Book year period is closed';

/**
 * Article 003: "If the bookkeeping period is already closed, the invoice will not be synchronised", and the
 * Octopus troubleshooting article (focus-side.md §1b): "Book year period is closed" — re-open it; "Secured
 * till period" and "Closed until period" must be below the active period.
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
    step('setup', 'The accountant closes February in Octopus', "After the VAT return the accountant closes February 2026 in Octopus: 'Closed until period' is now 202602.", async (ctx) => {
      expectOk(await ctx.world.backOffice.setPeriodClosed(DIVISION, 2026, 2, true), 'Closing period 2026/2');
    }),
    step('reproduce', 'A forgotten February invoice is booked', (ctx) => `Invoice ${doc(ctx, 'invoice').number} to Atelier Lumière, dated 2026-02-27, is booked in Focus after February was closed.`, (ctx) => {
      book(ctx, 'invoice', { date: '2026-02-27', customer: 'Atelier Lumière', lines: [line(60_000, { description: 'Lighting design' })] });
    }),
    step('reproduce', 'A manual sync', (ctx) => `The two arrows are clicked; the bell says: "${ctx.notes.lastNotification}".`, async (ctx) => {
      ctx.notes.lastNotification = (await syncNow(ctx)).notification?.message ?? '(no notification)';
    }),
    step('symptom', 'The invoice has no booking number; the bell says "Book year period is closed"', (ctx) => `Invoice ${doc(ctx, 'invoice').number} has no booking number, and the bell names the reason: "${errorInBell(ctx)}".`, (ctx) => {
      if (!errorInBell(ctx)?.includes(PERIOD_CLOSED)) throw new StepFailure(`Expected the bell to say "${PERIOD_CLOSED}", got "${errorInBell(ctx) ?? '(nothing)'}".`);
      if (doc(ctx, 'invoice').bookingNumber !== null) throw new StepFailure('The invoice was synced into the closed period.');
    }),
    step('repair', 'Re-open the period in Octopus', "\"Book year period is closed\": re-open it. In Octopus the accountant sets 'Secured till period' and 'Closed until period' below the invoice's period (202601 < 202602), which re-opens February 2026.", async (ctx) => {
      expectOk(await ctx.world.backOffice.setPeriodClosed(DIVISION, 2026, 2, false), 'Re-opening period 2026/2');
    }),
    syncAgain(),
    step('verify', 'The invoice has a booking number in February', (ctx) => `Invoice ${doc(ctx, 'invoice').number} now carries booking number ${doc(ctx, 'invoice').bookingNumber} of journal V1, booked in period ${ctx.notes.period}, and the bell's last message is a success.`, async (ctx) => {
      const invoice = doc(ctx, 'invoice');
      if (!invoice.link || invoice.bookingNumber === null) throw new StepFailure(`Invoice ${invoice.number} is still not synced.`);
      const booking = (await bookings(ctx, 'V1')).find((b) => b.id === invoice.link!.entryId);
      if (!booking || booking.entryNumber !== invoice.bookingNumber) throw new StepFailure(`Journal V1 has no booking ${invoice.bookingNumber} linked to invoice ${invoice.number}.`);
      ctx.notes.period = `${booking.financialYear}${String(booking.financialPeriod).padStart(2, '0')}`;
      if (ctx.notes.period !== '202602') throw new StepFailure(`Booking ${booking.entryNumber} is in period ${ctx.notes.period}, not in the re-opened February 2026 (202602).`);
      const last = ctx.world.focus.unreadNotifications().at(-1);
      if (last?.kind !== 'sync_success') throw new StepFailure(`The bell's last message is not a success: "${last?.message ?? '(nothing)'}".`);
    }),
  ],
});
