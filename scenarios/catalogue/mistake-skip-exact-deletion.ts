import { bookings, doc } from '../actions.js';
import {
  checkCreditNotesFrom,
  deactivateWithDelinkDate,
  noteDateShownTwice,
  noteIntegrationSettings,
  reconnect,
  showBookingNumbers,
  syncAgain,
} from '../procedures.js';
import { defineScenario, step, StepFailure } from '../scenario.js';
import { invoiceShownTwice } from './shown-twice-case.js';

/**
 * P-twice with one mistake: the part in Exact Online is skipped (deleting the bookings from the date on,
 * writing down and checking the booking numbers); the integration is delinked and reconnected straight away.
 * The delinked invoices are booked once more beside the bookings that stayed, so the checker names I1 again,
 * now for more bookings than before the repair.
 */
export default defineScenario({
  id: 'mistake-skip-exact-deletion',
  title: 'Mistake: delinking and syncing again without deleting in Exact Online',
  sources: ['001', '000', '002'],
  rules: ['R10', 'R12', 'P-twice', 'I1'],
  expected: ['I1'],
  symptomInvariants: ['I1'],
  steps: [
    ...invoiceShownTwice(),
    showBookingNumbers(),
    noteDateShownTwice(),
    checkCreditNotesFrom(),
    noteIntegrationSettings(),
    deactivateWithDelinkDate(),
    reconnect(),
    syncAgain(),
    step('verify', 'The delinked invoices stand in Exact Online once more', (ctx) => `Nothing was deleted in Exact Online, so the sync booked the delinked invoices again beside their old bookings: ${ctx.notes.standing}. The checker names I1, as before the repair, for more bookings.`, async (ctx) => {
      const journal = await bookings(ctx, '70');
      const standing = ['second', 'third'].map((ref) => {
        const { number, bookingNumber } = doc(ctx, ref);
        const numbers = journal.filter((b) => b.yourRef === number).map((b) => b.entryNumber);
        if (bookingNumber === null || numbers.length < 2) throw new StepFailure(`Invoice ${number} was not booked once more beside its old booking.`);
        return `${number} stands ${numbers.length} times (bookings ${numbers.join(', ')})`;
      });
      ctx.notes.standing = standing.join('; ');
    }),
  ],
});
