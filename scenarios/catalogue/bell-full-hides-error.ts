import { book, editInvoiceLines, ERROR_SHOWN, errorInBell, line, noteErrorShown, syncNow } from '../actions.js';
import { expectBell, expectBooked } from '../expectations.js';
import { checkerNames, connectFirstTime, syncAgain } from '../procedures.js';
import { defineScenario, step, StepFailure } from '../scenario.js';
import { bell, overviewRow } from '../screens.js';

/** The error of a line without a ledger account (focus-side.md §1a). */
const UNSPECIFIED =
  'There are 2 documents which have unspecified ledger accounts. Open each document and set the ledger accounts of its lines.';

/**
 * Article 003, §1: "The error message cannot be shown if the list of notifications is too long." The error of
 * invoices 2026/1 and 2026/2, whose lines have no ledger account, lands behind a bell full of ten unread
 * notifications; clearing them and syncing again shows it ("There are 2 documents …"), and the person can act on it.
 */
export default defineScenario({
  id: 'bell-full-hides-error',
  title: 'A full bell hides the sync error',
  sources: ['003'],
  rules: ['R15', 'R16', 'I1'],
  expected: 'fixed',
  symptomInvariants: ['I1'],
  symptom: {
    description: 'invoices 2026/1 and 2026/2 are not synced and the bell shows no error',
    present: (ctx) =>
      ['2026/1', '2026/2'].some((n) => overviewRow(ctx, 'invoice', n).bookingNumber === null) && errorInBell(ctx) === undefined,
  },
  steps: [
    connectFirstTime(),
    step(
      'setup',
      'Ten manual syncs fill the bell with unread notifications',
      'Ten times the two arrows are clicked with nothing to send; each time the bell says "There are no changes" and nobody opens it: 10 unread notifications, the most the bell shows.',
      async (ctx) => {
        for (let i = 0; i < 10; i += 1) await syncNow(ctx);
      },
    ),
    step(
      'reproduce',
      'Invoices 2026/1 and 2026/2 with lines without ledger account are booked',
      'Invoices 2026/1 of 16 February (transport, €968.00) and 2026/2 of 17 February (storage, €242.00) to Delta Logistics are booked; their lines have no ledger account.',
      (ctx) => {
        book(ctx, '2026/1', {
          date: '2026-02-16',
          customer: 'Delta Logistics',
          lines: [line(80_000, { description: 'Transport', ledgerAccount: null })],
        });
        book(ctx, '2026/2', {
          date: '2026-02-17',
          customer: 'Delta Logistics',
          lines: [line(20_000, { description: 'Storage', ledgerAccount: null })],
        });
      },
    ),
    step(
      'reproduce',
      'A manual sync fails, and its error cannot be shown',
      'The two arrows are clicked. The sync fails, but the bell is full: the error is not shown, and the bell still lists only the ten "There are no changes".',
      async (ctx) => {
        const report = await syncNow(ctx);
        if (report.notification?.shown !== false) throw new StepFailure('The sync error was shown; the bell should have been full.');
      },
    ),
    step(
      'symptom',
      'The booking number stays empty and the bell shows no error',
      'Invoices 2026/1 and 2026/2 have no booking number, and the bell shows ten times "There are no changes" and no error message to explain why.',
      (ctx) => {
        const shown = bell(ctx);
        if (shown.length !== 10 || shown.some((m) => m !== 'There are no changes'))
          throw new StepFailure(`The bell shows ${JSON.stringify(shown)}, not ten times "There are no changes".`);
        expectBooked(ctx, 'invoice', [
          ['2026/1', null],
          ['2026/2', null],
        ]);
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
      'Remove the unread notifications by clicking on them',
      `"If you don't see any error message or the message 'that there are no changes', remove all open/unread notifications by clicking on the notification": the ten are removed.`,
      (ctx) => {
        ctx.world.focus.clearNotifications();
        const left = bell(ctx);
        if (left.length !== 0)
          throw new StepFailure(`The bell still shows ${JSON.stringify(left)} after the ten were removed: there is no room for the error.`);
      },
    ),
    step(
      'repair',
      'Sync again: the bell shows the error',
      (ctx) => `"…and sync again." The bell now says: "${ctx.notes.read(ERROR_SHOWN)}".`,
      async (ctx) => {
        await syncNow(ctx);
        noteErrorShown(ctx);
      },
    ),
    step(
      'repair',
      "Set the ledger account on each invoice's line",
      "As the error says, open each document, invoices 2026/1 and 2026/2, use the pencil next to 'content' and set ledger account 700000 on its line.",
      (ctx) => {
        if (ctx.notes.read(ERROR_SHOWN) !== UNSPECIFIED)
          throw new StepFailure(
            `The bell shows "${ctx.notes.read(ERROR_SHOWN)}", not the error about unspecified ledger accounts: there is nothing to act on.`,
          );
        for (const number of ['2026/1', '2026/2'])
          editInvoiceLines(ctx, number, () => ({ ledgerAccount: '700000' }), `Setting the ledger account of invoice ${number}`);
      },
    ),
    syncAgain(),
    step(
      'verify',
      'Invoices 2026/1 and 2026/2 have booking numbers 1001 and 1002',
      'Invoices 2026/1 and 2026/2 now carry booking numbers 1001 and 1002 of journal 70; the bell says "Synchronisation finished: 0 customers, 2 invoices and 0 credit notes synced".',
      (ctx) => {
        expectBooked(ctx, 'invoice', [
          ['2026/1', 1001],
          ['2026/2', 1002],
        ]);
        expectBell(ctx, 'Synchronisation finished: 0 customers, 2 invoices and 0 credit notes synced');
      },
    ),
  ],
});
