import { book, expectSame, line } from '../actions.js';
import {
  costStep,
  expectFileMatchesFocus,
  expectOutcome,
  exportPeriod,
  feesCharged,
  notExported,
  previewErrorList,
  wallet,
} from '../export-actions.js';
import { buyCredits, importPackageCustomers, PACKAGE_CUSTOMERS, setUpLedgerAccounts } from '../export-moves.js';
import type { ExportPeriod } from '../../core/index.js';
import { defineScenario, step } from '../scenario.js';
import { companiesScreen } from '../screens.js';

const FEBRUARY: ExportPeriod = { from: '2026-02-01', to: '2026-02-28' };

/** February's invoices: number, date, customer, line. */
const INVOICES = [
  { number: '2026/1', date: '2026-02-03', customer: 'Brouwerij De Kroon', line: line(80_000, { description: 'Brewing consultancy' }) },
  { number: '2026/2', date: '2026-02-09', customer: 'Atelier Lumière', line: line(45_000, { description: 'Lighting design' }) },
  { number: '2026/3', date: '2026-02-12', customer: 'Delta Logistics BV', line: line(210_000, { description: 'Transport' }) },
  { number: '2026/4', date: '2026-02-18', customer: 'Café Het Anker', line: line(64_000, { description: 'Catering', vatRateBp: 1200 }) },
  { number: '2026/5', date: '2026-02-25', customer: 'Brouwerij De Kroon', line: line(32_500, { description: 'Brewing consultancy' }) },
] as const;

const NUMBERS = INVOICES.map((i) => i.number);

/**
 * Article 004, "Exporting the invoices": "a fee of € 0.12 per invoice will be charged … An invoice is only charged
 * once, so if something goes wrong with the export, you will be able to export the same invoices for free the next
 * time." Five February invoices cost €0.60. The wallet first holds €0.50 (refused, nothing charged); topped up with
 * €5.00 the export is paid but its preview stops the file (Café Het Anker has no external ID); exporting again,
 * generating the ID from the default start value 100000, charges nothing: the wallet ends at €4.90.
 */
export default defineScenario({
  id: 'export-fee-charged-once',
  title: 'A failed export is paid for once and redone for free',
  sources: ['004'],
  rules: ['R22', 'R24', 'R20'],
  expected: 'fixed',
  symptom: {
    description: "February's invoices are in no exported file, and the customer fears that exporting them again costs again",
    present: (ctx) => notExported(ctx, FEBRUARY).length > 0,
  },
  steps: [
    importPackageCustomers(PACKAGE_CUSTOMERS),
    setUpLedgerAccounts(),
    step(
      'setup',
      'A new customer is added in Focus',
      'Café Het Anker becomes a customer this month; it is added under CRM > Companies and is not in the accounting package yet, so it has no external ID.',
      (ctx) => {
        ctx.world.focus.addCompany({ name: 'Café Het Anker', vatNumber: 'BE0456789034', country: 'BE' });
      },
    ),
    step(
      'setup',
      'Five invoices are booked in February',
      `Invoices ${NUMBERS.join(', ')} are booked, dated 2026-02-03 to 2026-02-25.`,
      (ctx) => {
        for (const invoice of INVOICES)
          book(ctx, invoice.number, { date: invoice.date, customer: invoice.customer, lines: [invoice.line] });
      },
    ),
    buyCredits('setup', 50),
    step(
      'reproduce',
      'Export February: the wallet holds too little',
      'Revenue > Invoices > Export > Bookkeeping export: period 2026-02-01 – 2026-02-28, "Other package (generic CSV)", external IDs left as they are. The cost step: 5 invoices at €0.12, €0.60. Focus says the export costs €0.60 but the wallet holds €0.50: nothing was charged. The wallet still holds €0.50.',
      (ctx) => {
        const attempt = expectOutcome(exportPeriod(ctx, FEBRUARY), 'insufficient-funds', ['€0.60', '€0.50', 'nothing was charged']);
        expectSame(costStep(attempt), { invoices: 5, alreadyPaid: 0, toCharge: 5, perInvoice: '€0.12', fee: '€0.60' }, 'The cost step');
        expectSame(
          [wallet(ctx), feesCharged(ctx, NUMBERS)],
          ['€0.50', ['none', 'none', 'none', 'none', 'none']],
          'The wallet and the fees charged after the refusal',
        );
      },
    ),
    buyCredits('reproduce', 500),
    step(
      'reproduce',
      'Export February again: paid, but the preview stops the file',
      'The cost step charges 5 × €0.12 = €0.60; the wallet now holds €4.90. With VAT "On lines", "Export customers too" and journals V1 and V2, the preview lists: "Café Het Anker: No external ID: enter it under Manage external IDs, or let the export generate new IDs." "Next" says: the preview shows 1 error, no file was made.',
      (ctx) => {
        const attempt = expectOutcome(exportPeriod(ctx, FEBRUARY), 'preview-has-errors', ['1 error', 'no file was made']);
        expectSame(costStep(attempt).fee, '€0.60', 'The fee of the cost step');
        expectSame(
          previewErrorList(attempt.preview!),
          ['Café Het Anker: No external ID: enter it under Manage external IDs, or let the export generate new IDs.'],
          'The preview',
        );
      },
    ),
    step(
      'symptom',
      'The invoices are paid for, but no file was downloaded',
      "€0.60 left the wallet, which holds €4.90, each of February's 5 invoices was charged €0.12, yet none is in an exported file; the customer asks whether exporting them again costs another €0.60.",
      (ctx) => {
        expectSame(
          [wallet(ctx), feesCharged(ctx, NUMBERS)],
          ['€4.90', ['€0.12', '€0.12', '€0.12', '€0.12', '€0.12']],
          'The wallet and the fees charged',
        );
        expectSame(notExported(ctx, FEBRUARY).length, 5, "February's invoices in no exported file");
      },
    ),
    step(
      'repair',
      'Export February again, generating the missing external ID',
      '"An invoice is only charged once, so if something goes wrong with the export, you will be able to export the same invoices for free the next time." Same period and program; under Manage external IDs "Generate automatically", from the default start value, gives Café Het Anker ID 100000. The cost step: 5 invoices already paid, €0.00 to pay. The preview shows no errors, and "Next" downloads customers.csv and invoice-lines.csv.',
      (ctx) => {
        const attempt = expectOutcome(exportPeriod(ctx, FEBRUARY, { generate: true }), 'downloaded');
        expectSame([costStep(attempt).alreadyPaid, costStep(attempt).fee], [5, '€0.00'], 'The cost step (already paid, fee)');
        expectSame(
          companiesScreen(ctx).find((c) => c.startsWith('Café Het Anker')),
          'Café Het Anker 100000',
          'Café Het Anker in CRM › Companies',
        );
      },
    ),
    step(
      'verify',
      'Every invoice was charged once',
      'The wallet holds €4.90: €0.50 + €5.00 − 5 × €0.12, each invoice charged €0.12 once.',
      (ctx) => {
        expectSame(
          [wallet(ctx), feesCharged(ctx, NUMBERS)],
          ['€4.90', ['€0.12', '€0.12', '€0.12', '€0.12', '€0.12']],
          'The wallet and the fees charged',
        );
      },
    ),
    step(
      'verify',
      "The file holds February's invoices with Focus's totals",
      'Read back, invoice-lines.csv holds the 5 invoices, €5,163.55 in all, each to the cent as in Focus.',
      (ctx) => {
        expectSame(expectFileMatchesFocus(ctx, FEBRUARY), '€5,163.55', 'The total of invoice-lines.csv');
      },
    ),
  ],
});
