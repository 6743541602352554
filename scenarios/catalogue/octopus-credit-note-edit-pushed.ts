import { book, connectOctopus, expectSame, line, syncNow } from '../actions.js';
import { expectBell } from '../expectations.js';
import { defineScenario, step } from '../scenario.js';
import { journalEntry, overviewRow } from '../screens.js';
import { installationInvoiceSynced } from './installation-invoice-case.js';
import { assignCostCentres, costCentres, editSyncedDocument } from './octopus-cost-centres.js';

/**
 * Article 003's Octopus note for a credit note (R11: "invoices and credit notes"): credit note 2026/1 for the parts of
 * invoice 2026/1 is synced to Octopus as booking 1 of journal V2, where the accountant gives its line cost centre
 * STOCK. Focus then corrects it (€200.00 credited instead of €250.00) and warns that the cost centres will be reset;
 * the sync pushes the correction, the bell counts it as a credit note, and STOCK must be assigned again in Octopus.
 */
export default defineScenario({
  id: 'octopus-credit-note-edit-pushed',
  title: 'A credit note corrected after its sync to Octopus loses its cost centre there',
  sources: ['003'],
  rules: ['R11', 'R15', 'I5'],
  expected: 'fixed',
  symptom: {
    description: 'booking 1 of journal V2 in Octopus has lost the cost centre STOCK the accountant assigned',
    present: async (ctx) => (await costCentres(ctx, 'V2')) !== 'STOCK',
  },
  world: { seed: 'octopus' },
  steps: [
    connectOctopus(),
    installationInvoiceSynced('booking 1 in journal V1'),
    step(
      'setup',
      'Credit note 2026/1 for the parts is booked and synced; the accountant gives it cost centre STOCK',
      'Credit note 2026/1 of 16 February credits Van Dijk Installaties the parts (€250.00, €302.50 with VAT) and is synced as booking 1 in journal V2. In Octopus the accountant assigns cost centre STOCK to its line.',
      async (ctx) => {
        book(ctx, '2026/1', {
          kind: 'credit_note',
          date: '2026-02-16',
          customer: 'Van Dijk Installaties',
          lines: [line(25_000, { description: 'Parts' })],
        });
        await syncNow(ctx);
        expectBell(ctx, 'Synchronisation finished: 0 customers, 0 invoices and 1 credit note synced');
        await assignCostCentres(ctx, 'V2', [{ description: 'Parts', amountCents: -25_000, costCenter: 'STOCK' }]);
        expectSame(await costCentres(ctx, 'V2'), 'STOCK', 'The cost centre of booking 1 of journal V2');
      },
    ),
    step(
      'reproduce',
      'The credit note is corrected in Focus; Focus warns about the cost centres',
      'Only €200.00 of the parts is credited, not €250.00. While editing, Focus warns: "The cost centres of credit note 2026/1 will be reset after the sync."',
      (ctx) => {
        editSyncedDocument(ctx, {
          kind: 'credit_note',
          number: '2026/1',
          doing: 'Correcting the credit note',
          change: (l) => ({ ...l, unitPriceCents: 20_000 }),
          warning: 'The cost centres of credit note 2026/1 will be reset after the sync.',
        });
      },
    ),
    step(
      'reproduce',
      'A manual sync pushes the correction to Octopus',
      'The two arrows are clicked; the bell says: "Synchronisation finished: 0 customers, 0 invoices and 1 credit note synced".',
      async (ctx) => {
        await syncNow(ctx);
        expectBell(ctx, 'Synchronisation finished: 0 customers, 0 invoices and 1 credit note synced');
      },
    ),
    step(
      'symptom',
      'Octopus has the corrected amount, but the cost centre is gone',
      'In Octopus booking 1 of journal V2 now totals -€242.00, as credit note 2026/1 in Focus, but its line carries no cost centre any more.',
      async (ctx) => {
        expectSame(
          [overviewRow(ctx, 'credit_note', '2026/1').total, (await journalEntry(ctx, 'V2', 1)).amount],
          ['-€242.00', '-€242.00'],
          'Credit note 2026/1 in Focus and booking 1 of journal V2 in Octopus',
        );
        expectSame(await costCentres(ctx, 'V2'), 'none', 'The cost centre of booking 1 of journal V2');
      },
    ),
    step(
      'repair',
      'Assign the cost centre again in Octopus',
      'As the warning said, the sync reset it: in Octopus the accountant opens booking 1 of journal V2 again and assigns STOCK to its line.',
      async (ctx) => {
        await assignCostCentres(ctx, 'V2', [{ description: 'Parts', amountCents: -20_000, costCenter: 'STOCK' }]);
      },
    ),
    step(
      'verify',
      'Octopus shows the corrected amount with its cost centre; the invoice is untouched',
      'Credit note 2026/1 and booking 1 of journal V2 both total -€242.00 with cost centre STOCK; invoice 2026/1 and booking 1 of journal V1 still total €1,512.50.',
      async (ctx) => {
        expectSame(
          [
            overviewRow(ctx, 'credit_note', '2026/1').total,
            (await journalEntry(ctx, 'V2', 1)).amount,
            await costCentres(ctx, 'V2'),
            (await journalEntry(ctx, 'V1', 1)).amount,
          ],
          ['-€242.00', '-€242.00', 'STOCK', '€1,512.50'],
          'Credit note 2026/1 and booking 1 of V2 (amount, cost centre), booking 1 of V1',
        );
      },
    ),
  ],
});
