import { book, doc, errorInBell, expectOk, line, syncNow } from '../actions.js';
import { connectFirstTime, syncAgain } from '../procedures.js';
import { defineScenario, step, StepFailure } from '../scenario.js';

/**
 * Article 003, §1: "The error message cannot be shown if the list of notifications is too long." A sync
 * error lands behind a bell full of unread notifications; clearing them and syncing again shows it.
 */
export default defineScenario({
  id: 'bell-full-hides-error',
  title: 'A full bell hides the sync error',
  sources: ['003'],
  rules: ['R15', 'R16', 'I1'],
  expected: 'fixed',
  symptomInvariants: ['I1'],
  symptom: {
    description: 'the sync error is hidden behind a full bell',
    present: (ctx) => doc(ctx, 'invoice').bookingNumber === null && errorInBell(ctx) === undefined,
  },
  steps: [
    connectFirstTime(),
    step('setup', 'Ten manual syncs fill the bell with unread notifications', (ctx) => `Ten times the two arrows are clicked with nothing to send; each time the bell says "There are no changes" and nobody opens it: ${ctx.world.focus.unreadNotifications().length} unread notifications, the most the bell shows.`, async (ctx) => {
      for (let i = 0; i < ctx.world.focus.state.bell.capacity; i += 1) await syncNow(ctx);
    }),
    step('reproduce', 'An invoice with a line without ledger account is booked', (ctx) => `Invoice ${doc(ctx, 'invoice').number} to Delta Logistics is booked; its line has no ledger account.`, (ctx) => {
      book(ctx, 'invoice', { date: '2026-02-16', customer: 'Delta Logistics', lines: [line(80_000, { description: 'Transport', ledgerAccount: null })] });
    }),
    step('reproduce', 'A manual sync fails, and its error cannot be shown', (ctx) => `The two arrows are clicked. The sync fails, but the bell is full: the error is not shown (${ctx.world.focus.state.bell.hidden.length} hidden) and the bell still lists only the ten "There are no changes".`, async (ctx) => {
      const report = await syncNow(ctx);
      if (report.notification?.shown !== false) throw new StepFailure('The sync error was shown; the bell should have been full.');
    }),
    step('symptom', 'The booking number stays empty and the bell shows no error', (ctx) => `Invoice ${doc(ctx, 'invoice').number} has no booking number, and the bell shows no error message to explain why.`, (ctx) => {
      if (errorInBell(ctx) !== undefined) throw new StepFailure(`The bell shows an error: ${errorInBell(ctx)}`);
    }),
    step('repair', 'Remove the unread notifications by clicking on them', (ctx) => `"If you don't see any error message or the message 'that there are no changes', remove all open/unread notifications by clicking on the notification": ${ctx.notes.cleared} notifications are removed.`, (ctx) => {
      ctx.notes.cleared = ctx.world.focus.clearNotifications();
    }),
    step('repair', 'Sync again: the bell shows the error', (ctx) => `"…and sync again." The bell now says: "${ctx.notes.error}".`, async (ctx) => {
      await syncNow(ctx);
      ctx.notes.error = errorInBell(ctx) ?? '(no error shown)';
    }),
    step('repair', "Set the ledger account on the invoice's line", (ctx) => `As the error says, open invoice ${doc(ctx, 'invoice').number}, use the pencil next to 'content' and set ledger account 700000 on its line.`, (ctx) => {
      if (!errorInBell(ctx)?.includes('unspecified ledger accounts')) throw new StepFailure('The bell shows no error about ledger accounts, so there is nothing to act on.');
      const invoice = doc(ctx, 'invoice');
      expectOk(ctx.world.focus.editLines(invoice.id, invoice.lines.map((l) => ({ ...l, ledgerAccount: '700000' }))), 'Setting the ledger account');
    }),
    syncAgain(),
    step('verify', 'The invoice has a booking number', (ctx) => `Invoice ${doc(ctx, 'invoice').number} now carries booking number ${doc(ctx, 'invoice').bookingNumber} of journal 70.`, () => {}),
  ],
});
