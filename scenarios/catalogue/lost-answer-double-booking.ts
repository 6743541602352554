import { book, bookings, doc, documentsFrom, expectOk, listNumbers, syncNow } from '../actions.js';
import { connectFirstTime, noteDateShownTwice, repairFromDate, shownTwiceInExact } from '../procedures.js';
import { defineScenario, step, type ScenarioContext } from '../scenario.js';

/** The bookings journal 70 holds for the doubled invoice, as "1003 and 1004". */
async function standing(ctx: ScenarioContext): Promise<string> {
  const numbers = (await bookings(ctx, '70')).filter((b) => b.yourRef === doc(ctx, 'doubled').number).map((b) => b.entryNumber);
  return numbers.join(' and ') || 'none';
}

/**
 * Exact Online stores a booking but its answer never reaches Focus: the invoice stays unlinked and the next
 * sync books it again, so Exact holds it twice (I1), as in article 001. Repaired with P-twice from the
 * doubled invoice's date. The safe strategy finds the stored booking by YourRef and links it instead.
 */
export default defineScenario({
  id: 'lost-answer-double-booking',
  title: 'A lost answer books an invoice twice in Exact Online',
  sources: ['001'],
  rules: ['R5', 'R6', 'R15', 'R12', 'R13', 'P-twice', 'I1'],
  expected: 'fixed',
  symptomInvariants: ['I1'],
  steps: [
    connectFirstTime(),
    step('setup', 'Book and sync invoices 2026/1 and 2026/2', (ctx) => `Two invoices are booked and synced: ${listNumbers(documentsFrom(ctx, '2026-01-01'))}.`, async (ctx) => {
      book(ctx, 'first', { date: '2026-01-13' });
      book(ctx, 'second', { date: '2026-01-28', customer: 'Van Dijk Installaties' });
      await syncNow(ctx);
    }),
    step('reproduce', 'Invoice 2026/3 is synced, but the answer of Exact Online is lost', (ctx) => `Exact Online stores the booking of invoice ${doc(ctx, 'doubled').number} (journal 70: ${ctx.notes.storedAs}), but the connection drops before its answer arrives. The bell says: "${ctx.notes.lastNotification}" Focus shows booking number ${doc(ctx, 'doubled').bookingNumber ?? 'none'}.`, async (ctx) => {
      book(ctx, 'doubled', { date: '2026-02-12', customer: 'Atelier Lumière' });
      expectOk(await ctx.world.backOffice.addFault({ method: 'POST', path: 'salesentry/SalesEntries', dropAfterCommit: true }), 'Arming the lost answer');
      ctx.notes.lastNotification = (await syncNow(ctx)).notification?.message ?? '';
      ctx.notes.storedAs = await standing(ctx);
    }),
    step('reproduce', 'The next sync sends invoice 2026/3 again', (ctx) => `As the bell promised, the next sync picks ${doc(ctx, 'doubled').number} up again; Focus now shows booking number ${doc(ctx, 'doubled').bookingNumber}, and journal 70 holds it as ${ctx.notes.storedAs}.`, async (ctx) => {
      await syncNow(ctx);
      ctx.notes.storedAs = await standing(ctx);
    }),
    shownTwiceInExact('doubled'),
    ...repairFromDate(noteDateShownTwice(), { writeDown: 'after-last-kept' }),
    step('verify', 'Every invoice stands once in Exact Online', (ctx) => `Invoices now: ${listNumbers(documentsFrom(ctx, '2026-01-01', 'invoice'))}, each once in journal 70. The checker finds nothing wrong.`, () => {}),
  ],
});
