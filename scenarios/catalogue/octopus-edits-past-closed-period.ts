import { book, connectOctopus, DIVISION, expectOk, expectSame, line, syncNow } from '../actions.js';
import { expectBell } from '../expectations.js';
import { checkerNames, syncAgain } from '../procedures.js';
import { defineScenario, step, type ScenarioContext } from '../scenario.js';
import { journalEntry, overviewRow } from '../screens.js';
import { installationInvoiceSynced } from './installation-invoice-case.js';
import { editSyncedDocument } from './octopus-cost-centres.js';

/** The amounts of booking 1 and 2 of journal V1 and booking 1 of journal V2 in Octopus. */
async function bookingAmounts(ctx: ScenarioContext): Promise<string[]> {
  return [(await journalEntry(ctx, 'V1', 1)).amount, (await journalEntry(ctx, 'V1', 2)).amount, (await journalEntry(ctx, 'V2', 1)).amount];
}

/**
 * Article 003 on Octopus: edits of synced invoices and credit notes are pushed, "if the bookkeeping period is already
 * closed, the invoice will not be synchronised" (R11), and Octopus says why: "Book year period is closed" (focus-side.md
 * §1b). Invoice 2026/1 of 12 February, invoice 2026/2 of 3 March and credit note 2026/1 of 5 March are synced; the
 * accountant closes February; then all three are corrected in Focus. One sync pushes the corrections: the one of
 * February is refused, the two of March go through, one after the other. Re-opening February lets the last one through.
 */
export default defineScenario({
  id: 'octopus-edits-past-closed-period',
  title: 'Three Octopus edits in one sync: the one in a closed period is refused, the others are pushed',
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
      'Invoice 2026/2 and credit note 2026/1 of March are booked and synced',
      'Invoice 2026/2 of 3 March to Atelier Lumière (lighting design, €600.00, €726.00 with VAT) and credit note 2026/1 of 5 March giving Atelier Lumière a discount of €100.00 (€121.00 with VAT) are booked and synced: booking 2 in journal V1 and booking 1 in journal V2.',
      async (ctx) => {
        book(ctx, '2026/2', { date: '2026-03-03', customer: 'Atelier Lumière', lines: [line(60_000, { description: 'Lighting design' })] });
        book(ctx, '2026/1', {
          kind: 'credit_note',
          date: '2026-03-05',
          customer: 'Atelier Lumière',
          lines: [line(10_000, { description: 'Discount' })],
        });
        await syncNow(ctx);
        expectBell(ctx, 'Synchronisation finished: 0 customers, 1 invoice and 1 credit note synced');
      },
    ),
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
      'The three documents are corrected in Focus; Focus warns about the cost centres of each',
      'The installation of invoice 2026/1 is billed at €1,200.00 instead of €1,000.00, the lighting design of invoice 2026/2 at €650.00 instead of €600.00, and the discount of credit note 2026/1 is €50.00 instead of €100.00. For each Focus warns that its cost centres will be reset after the sync.',
      (ctx) => {
        editSyncedDocument(ctx, {
          kind: 'invoice',
          number: '2026/1',
          doing: 'Changing the price of the installation',
          change: (l) => (l.description === 'Installation' ? { ...l, unitPriceCents: 120_000 } : l),
          warning: 'The cost centres of invoice 2026/1 will be reset after the sync.',
        });
        editSyncedDocument(ctx, {
          kind: 'invoice',
          number: '2026/2',
          doing: 'Changing the price of the lighting design',
          change: (l) => ({ ...l, unitPriceCents: 65_000 }),
          warning: 'The cost centres of invoice 2026/2 will be reset after the sync.',
        });
        editSyncedDocument(ctx, {
          kind: 'credit_note',
          number: '2026/1',
          doing: 'Correcting the discount',
          change: (l) => ({ ...l, unitPriceCents: 5_000 }),
          warning: 'The cost centres of credit note 2026/1 will be reset after the sync.',
        });
      },
    ),
    step(
      'reproduce',
      'A manual sync pushes the corrections of March, one after the other',
      'The two arrows are clicked. The corrections of invoice 2026/2 and credit note 2026/1, in the open March, are both pushed after the refused one of February: booking 2 of journal V1 now totals €786.50 and booking 1 of journal V2 -€60.50.',
      async (ctx) => {
        await syncNow(ctx);
        expectSame(
          [(await journalEntry(ctx, 'V1', 2)).amount, (await journalEntry(ctx, 'V2', 1)).amount],
          ['€786.50', '-€60.50'],
          'Booking 2 of journal V1 and booking 1 of journal V2 in Octopus',
        );
      },
    ),
    step(
      'symptom',
      'The bell says the edit of 2026/1 was refused; Octopus keeps its old amount',
      'The bell says "Invoice 2026/1 could not be synced: Book year period is closed". In Octopus booking 1 of journal V1 still totals €1,512.50 while invoice 2026/1 in Focus totals €1,754.50.',
      async (ctx) => {
        expectBell(ctx, 'Invoice 2026/1 could not be synced: Book year period is closed');
        expectSame(
          [overviewRow(ctx, 'invoice', '2026/1').total, (await journalEntry(ctx, 'V1', 1)).amount],
          ['€1,754.50', '€1,512.50'],
          'Invoice 2026/1 in Focus and booking 1 of journal V1 in Octopus',
        );
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
      'Octopus has every correction',
      'The edit of invoice 2026/1 is pushed: booking 1 of journal V1 totals €1,754.50, booking 2 €786.50 and booking 1 of journal V2 -€60.50, as in Focus. The bell says "Synchronisation finished: 0 customers, 1 invoice and 0 credit notes synced".',
      async (ctx) => {
        expectSame(
          await bookingAmounts(ctx),
          ['€1,754.50', '€786.50', '-€60.50'],
          'Bookings 1 and 2 of journal V1 and booking 1 of journal V2',
        );
        expectBell(ctx, 'Synchronisation finished: 0 customers, 1 invoice and 0 credit notes synced');
      },
    ),
  ],
});
