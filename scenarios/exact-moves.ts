import type { HandBooking } from '../core/index.js';
import { DIVISION, expectOk } from './actions.js';
import type { ScenarioContext } from './scenario.js';

// What a person does by hand in Exact, in the demo administration: deleting, booking, paying and retyping a booking;
// and the network fault a story arms there. What a person does in Focus is in actions.ts.

/** Deletes a booking in Exact by hand, by its number. */
export async function deleteInExact(ctx: ScenarioContext, journal: string, entryNumber: number) {
  return expectOk(
    await ctx.world.backOffice.deleteBooking(DIVISION, journal, entryNumber),
    `Deleting booking ${entryNumber} in journal ${journal}`,
  );
}

/** Books an entry by hand in an Exact journal (as an accountant types an invoice in); returns its booking number. */
export async function bookByHand(ctx: ScenarioContext, journal: string, booking: HandBooking): Promise<number> {
  return expectOk(
    await ctx.world.backOffice.book(DIVISION, journal, booking),
    `Booking ${booking.yourRef ?? 'an entry'} by hand in journal ${journal}`,
  ).entryNumber;
}

/** Registers in Exact that a booking is paid: in full, or `amountCents` of it (a partial payment). */
export async function payInExact(ctx: ScenarioContext, journal: string, entryNumber: number, amountCents?: number) {
  return expectOk(
    await ctx.world.backOffice.registerPayment(DIVISION, journal, entryNumber, amountCents === undefined ? {} : { amountCents }),
    `Registering the payment of booking ${entryNumber}`,
  );
}

/** Types a booking's lines again by hand in Exact, keeping its number (R11: edits are made in the bookkeeping tool). */
export async function editInExact(ctx: ScenarioContext, journal: string, entryNumber: number, lines: HandBooking['lines']) {
  return expectOk(
    await ctx.world.backOffice.editLines(DIVISION, journal, entryNumber, lines),
    `Editing booking ${entryNumber} in journal ${journal}`,
  );
}

/** Arms the network fault of a lost answer: Exact stores the next booking the sync sends, but its answer never reaches Focus. */
export async function loseNextAnswer(ctx: ScenarioContext) {
  return expectOk(
    await ctx.world.backOffice.addFault({ method: 'POST', path: 'salesentry/SalesEntries', dropAfterCommit: true }),
    'Arming the lost answer',
  );
}
