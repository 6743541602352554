import { book, connectOctopus, DIVISION, expectOk, expectSame, line, syncNow } from '../actions.js';
import { expectBell, expectBooked } from '../expectations.js';
import { checkerNames, syncAgain } from '../procedures.js';
import { defineScenario, step, type ScenarioContext } from '../scenario.js';
import { journalEntry, overviewRow } from '../screens.js';
import { installationInvoiceSynced } from './installation-invoice-case.js';
import { editSyncedDocument } from './octopus-cost-centres.js';

/** Invoice 2026/1's total in Focus and booking 1's amount in Octopus's journal V1. */
async function invoiceAndBooking(ctx: ScenarioContext): Promise<string[]> {
  return [overviewRow(ctx, 'invoice', '2026/1').total, (await journalEntry(ctx, 'V1', 1)).amount];
}

/**
 * Article 003 on Octopus: edits of a synced invoice are pushed, "if the bookkeeping period is already closed, the
 * invoice will not be synchronised" (R11), and Octopus says why: "Book year period is closed" (focus-side.md §1b). Here
 * the period closes after invoice 2026/1 of 12 February was synced; the price of its installation is changed later in
 * Focus, so the edit is refused, while invoice 2026/2 of 3 March in the same sync is booked. Re-opening February lets the
 * edit through at the next sync.
 */
export default defineScenario({
  id: 'octopus-edit-closed-period',
  title: 'An edit of an Octopus invoice in a closed period is not pushed',
  sources: ['003'],
  rules: ['R11', 'R15', 'I5'],
  expected: 'fixed',
  symptomInvariants: ['I5'],
  world: { seed: 'octopus' },
  steps: [
    connectOctopus(),
    installationInvoiceSynced('booking 1 in journal V1'),
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
      'The price of the installation is changed in Focus; Focus warns about the cost centres',
      'The installation of invoice 2026/1 is billed at €1,200.00 instead of €1,000.00. While editing, Focus warns: "The cost centres of invoice 2026/1 will be reset after the sync."',
      (ctx) => {
        editSyncedDocument(ctx, {
          kind: 'invoice',
          number: '2026/1',
          doing: 'Changing the price',
          change: (l) => (l.description === 'Installation' ? { ...l, unitPriceCents: 120_000 } : l),
          warning: 'The cost centres of invoice 2026/1 will be reset after the sync.',
        });
      },
    ),
    step(
      'reproduce',
      'Invoice 2026/2 of 3 March is booked; a manual sync',
      'Invoice 2026/2 of 3 March to Atelier Lumière (lighting design, €600.00) is booked, and the two arrows are clicked.',
      async (ctx) => {
        book(ctx, '2026/2', { date: '2026-03-03', customer: 'Atelier Lumière', lines: [line(60_000, { description: 'Lighting design' })] });
        await syncNow(ctx);
      },
    ),
    step(
      'symptom',
      'The bell says the edit of 2026/1 was refused; Octopus keeps the old amount; 2026/2 is booking 2',
      'The bell says "Invoice 2026/1 could not be synced: Book year period is closed". In Octopus booking 1 still totals €1,512.50 while invoice 2026/1 in Focus totals €1,754.50. Invoice 2026/2, in the open March, was booked as booking 2.',
      async (ctx) => {
        expectBell(ctx, 'Invoice 2026/1 could not be synced: Book year period is closed');
        expectSame(await invoiceAndBooking(ctx), ['€1,754.50', '€1,512.50'], 'Invoice 2026/1 in Focus and booking 1 in Octopus');
        expectBooked(ctx, 'invoice', [
          ['2026/1', 1],
          ['2026/2', 2],
        ]);
      },
    ),
    checkerNames([['I5', ['2026/1'], [1]]], "booking 1's amounts are no longer those of invoice 2026/1"),
    step(
      'repair',
      'Re-open February in Octopus',
      "\"Book year period is closed\": re-open it. In Octopus the accountant sets 'Secured till period' and 'Closed until period' below the invoice's period (202601 < 202602), which re-opens February 2026.",
      async (ctx) => {
        expectOk(await ctx.world.backOffice.setPeriodClosed(DIVISION, 2026, 2, false), 'Re-opening period 2026/2');
      },
    ),
    syncAgain(),
    step(
      'verify',
      'Booking 1 in Octopus has the new amount',
      'The edit is pushed: booking 1 totals €1,754.50, as invoice 2026/1 in Focus, and keeps its number. The bell says "Synchronisation finished: 0 customers, 1 invoice and 0 credit notes synced".',
      async (ctx) => {
        expectSame(await invoiceAndBooking(ctx), ['€1,754.50', '€1,754.50'], 'Invoice 2026/1 in Focus and booking 1 in Octopus');
        expectBooked(ctx, 'invoice', [
          ['2026/1', 1],
          ['2026/2', 2],
        ]);
        expectBell(ctx, 'Synchronisation finished: 0 customers, 1 invoice and 0 credit notes synced');
      },
    ),
  ],
});
