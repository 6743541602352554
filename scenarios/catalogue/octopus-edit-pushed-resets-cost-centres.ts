import { connectOctopus, expectSame, syncNow } from '../actions.js';
import { expectBell } from '../expectations.js';
import { defineScenario, step, type ScenarioContext } from '../scenario.js';
import { journalEntry, overviewRow } from '../screens.js';
import { installationInvoiceSynced } from './installation-invoice-case.js';
import { assignCostCentres, costCentres, editSyncedDocument } from './octopus-cost-centres.js';

/** The cost centres the accountant assigns in Octopus, per line description. */
const COST_CENTRES = { Installation: 'INSTALL', Parts: 'STOCK' } as const;

/** The accountant opens booking 1 of journal V1 in Octopus and types its two lines again with their cost centres. */
function assignInvoiceCostCentres(ctx: ScenarioContext, installationCents: number): Promise<void> {
  return assignCostCentres(ctx, 'V1', [
    { description: 'Installation', amountCents: installationCents, costCenter: COST_CENTRES.Installation },
    { description: 'Parts', amountCents: 25_000, costCenter: COST_CENTRES.Parts },
  ]);
}

/**
 * Article 003, note: "When using Octopus, the changes will be pushed to the bookkeeping software. While editing the
 * invoice, you will get a notification that the cost centres will be reset after the sync." The accountant's cost
 * centres INSTALL and STOCK are gone after the edit of invoice 2026/1 is synced, and must be assigned again in Octopus.
 */
export default defineScenario({
  id: 'octopus-edit-pushed-resets-cost-centres',
  title: 'An invoice edited after its sync to Octopus loses its cost centres there',
  sources: ['003'],
  rules: ['R11', 'R15', 'I5'],
  expected: 'fixed',
  symptom: {
    description: 'booking 1 in Octopus has lost the cost centres INSTALL and STOCK the accountant assigned',
    present: async (ctx) => (await costCentres(ctx, 'V1')) !== 'INSTALL, STOCK',
  },
  world: { seed: 'octopus' },
  steps: [
    connectOctopus(),
    installationInvoiceSynced('booking 1 in journal V1'),
    step(
      'setup',
      'The accountant assigns cost centres in Octopus',
      'In Octopus the accountant opens booking 1 of journal V1 and assigns cost centre INSTALL to the installation and STOCK to the parts.',
      async (ctx) => {
        await assignInvoiceCostCentres(ctx, 100_000);
        expectSame(await costCentres(ctx, 'V1'), 'INSTALL, STOCK', 'The cost centres of booking 1');
      },
    ),
    step(
      'reproduce',
      'The price of the installation is changed in Focus; Focus warns about the cost centres',
      'The installation is billed at €1,200.00 instead of €1,000.00. While editing, Focus warns: "The cost centres of invoice 2026/1 will be reset after the sync."',
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
      'A manual sync pushes the edit to Octopus',
      'The two arrows are clicked; the bell says: "Synchronisation finished: 0 customers, 1 invoice and 0 credit notes synced".',
      async (ctx) => {
        await syncNow(ctx);
        expectBell(ctx, 'Synchronisation finished: 0 customers, 1 invoice and 0 credit notes synced');
      },
    ),
    step(
      'symptom',
      'Octopus has the new amount, but the cost centres are gone',
      'In Octopus booking 1 now totals €1,754.50, as invoice 2026/1 in Focus, but its lines carry no cost centre any more.',
      async (ctx) => {
        expectSame(
          [overviewRow(ctx, 'invoice', '2026/1').total, (await journalEntry(ctx, 'V1', 1)).amount],
          ['€1,754.50', '€1,754.50'],
          'Invoice 2026/1 in Focus and booking 1 in Octopus',
        );
        expectSame(await costCentres(ctx, 'V1'), 'none, none', 'The cost centres of booking 1');
      },
    ),
    step(
      'repair',
      'Assign the cost centres again in Octopus',
      'As the warning said, the sync reset them: in Octopus the accountant opens booking 1 of journal V1 again and assigns INSTALL and STOCK to its lines.',
      async (ctx) => {
        await assignInvoiceCostCentres(ctx, 120_000);
      },
    ),
    step(
      'verify',
      'Octopus shows the new amount with its cost centres',
      "Invoice 2026/1 and booking 1 both total €1,754.50, and the booking's lines carry INSTALL and STOCK again.",
      async (ctx) => {
        expectSame(
          [overviewRow(ctx, 'invoice', '2026/1').total, (await journalEntry(ctx, 'V1', 1)).amount],
          ['€1,754.50', '€1,754.50'],
          'Invoice 2026/1 in Focus and booking 1 in Octopus',
        );
        expectSame(await costCentres(ctx, 'V1'), 'INSTALL, STOCK', 'The cost centres of booking 1');
      },
    ),
    step(
      'verify',
      'The next sync pushes nothing again: the cost centres stay',
      'The edit was pushed once; with nothing edited since, the next manual sync says "There are no changes", and booking 1 keeps INSTALL and STOCK.',
      async (ctx) => {
        await syncNow(ctx);
        expectBell(ctx, 'There are no changes');
        expectSame(await costCentres(ctx, 'V1'), 'INSTALL, STOCK', 'The cost centres of booking 1 after the next sync');
      },
    ),
  ],
});
