import { EXPORT_FEE_CENTS, euros, type ExportPeriod } from '../../core/index.js';
import { book, company, doc, line } from '../actions.js';
import {
  buyCredits,
  expectFileMatchesFocus,
  expectOutcome,
  exportPeriod,
  importPackageCustomers,
  notExported,
  PACKAGE_CUSTOMERS_CSV,
  previewErrorList,
  setUpLedgerAccounts,
  walletCents,
} from '../export-actions.js';
import { defineScenario, step, StepFailure, type ScenarioContext } from '../scenario.js';

const FEBRUARY: ExportPeriod = { from: '2026-02-01', to: '2026-02-28' };

/** February's invoices: date, customer, line. */
const INVOICES = [
  { date: '2026-02-03', customer: 'Brouwerij De Kroon', line: line(80_000, { description: 'Brewing consultancy' }) },
  { date: '2026-02-09', customer: 'Atelier Lumière', line: line(45_000, { description: 'Lighting design' }) },
  { date: '2026-02-12', customer: 'Delta Logistics BV', line: line(210_000, { description: 'Transport' }) },
  { date: '2026-02-18', customer: 'Café Het Anker', line: line(64_000, { description: 'Catering', vatRateBp: 1200 }) },
  { date: '2026-02-25', customer: 'Brouwerij De Kroon', line: line(32_500, { description: 'Brewing consultancy' }) },
] as const;

/** What February costs at EUR 0.12 per invoice. */
const FEE_CENTS = INVOICES.length * EXPORT_FEE_CENTS;

/** The credit left in the wallet, and what the customer tops up once the cost step refuses. */
const CREDIT_LEFT = 50;
const TOP_UP = 500;

const wallet = (ctx: ScenarioContext) => euros(walletCents(ctx));

/**
 * Article 004, "Exporting the invoices": "a fee of € 0.12 per invoice will be charged … An invoice is only charged
 * once, so if something goes wrong with the export, you will be able to export the same invoices for free the next
 * time." The wallet first holds too little (refused, nothing charged); once topped up the export is paid but its
 * preview stops the file; exporting again charges nothing.
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
    importPackageCustomers(PACKAGE_CUSTOMERS_CSV),
    setUpLedgerAccounts(),
    step('setup', 'A new customer is added in Focus', 'Café Het Anker becomes a customer this month; it is added under CRM > Companies and is not in the accounting package yet, so it has no external ID.', (ctx) => {
      ctx.world.focus.addCompany({ name: 'Café Het Anker', vatNumber: 'BE0456789034', country: 'BE' });
    }),
    step('setup', 'Five invoices are booked in February', (ctx) => `Invoices ${INVOICES.map((_, i) => doc(ctx, `invoice ${i + 1}`).number).join(', ')} are booked, dated ${INVOICES[0].date} to ${INVOICES.at(-1)!.date}.`, (ctx) => {
      INVOICES.forEach((invoice, i) => book(ctx, `invoice ${i + 1}`, { date: invoice.date, customer: invoice.customer, lines: [invoice.line] }));
    }),
    buyCredits('setup', CREDIT_LEFT),
    step('reproduce', 'Export February: the wallet holds too little', (ctx) => `Revenue > Invoices > Export > Bookkeeping export: period ${FEBRUARY.from} – ${FEBRUARY.to}, "Other package (generic CSV)", external IDs left as they are. The cost step: ${INVOICES.length} invoices at ${euros(EXPORT_FEE_CENTS)}. Focus says: "${ctx.notes.refusal}" The wallet still holds ${wallet(ctx)}.`, (ctx) => {
      const before = walletCents(ctx);
      ctx.notes.refusal = expectOutcome(exportPeriod(ctx, FEBRUARY), 'insufficient-funds').message!;
      if (walletCents(ctx) !== before) throw new StepFailure(`The refused export changed the wallet from ${euros(before)} to ${wallet(ctx)}.`);
      if (Object.keys(ctx.world.focus.state.bookkeepingExport.wallet.charged).length > 0) throw new StepFailure('The refused export marked invoices as paid.');
    }),
    buyCredits('reproduce', TOP_UP),
    step('reproduce', 'Export February again: paid, but the preview stops the file', (ctx) => `The cost step charges ${INVOICES.length} × ${euros(EXPORT_FEE_CENTS)} = ${euros(FEE_CENTS)}; the wallet now holds ${wallet(ctx)}. With VAT "On lines", "Export customers too" and journals V1 and V2, the preview lists: "${ctx.notes.errors}" "Next" says: "${ctx.notes.refusal}"`, (ctx) => {
      const attempt = expectOutcome(exportPeriod(ctx, FEBRUARY), 'preview-has-errors');
      if (attempt.cost?.feeCents !== FEE_CENTS) throw new StepFailure(`The cost step asked ${euros(attempt.cost?.feeCents ?? 0)}, not ${euros(FEE_CENTS)}.`);
      ctx.notes.errors = previewErrorList(attempt.preview!).join(' ');
      ctx.notes.refusal = attempt.message!;
    }),
    step('symptom', 'The invoices are paid for, but no file was downloaded', (ctx) => `${euros(FEE_CENTS)} left the wallet, yet none of February's ${INVOICES.length} invoices is in an exported file; the customer asks whether exporting them again costs another ${euros(FEE_CENTS)}.`, (ctx) => {
      const unpaid = notExported(ctx, FEBRUARY).filter((d) => !ctx.world.focus.state.bookkeepingExport.wallet.charged[d.id]);
      if (unpaid.length > 0) throw new StepFailure(`${unpaid.map((d) => d.number).join(', ')} were not paid for.`);
    }),
    step('repair', 'Export February again, generating the missing external ID', (ctx) => `"An invoice is only charged once, so if something goes wrong with the export, you will be able to export the same invoices for free the next time." Same period and program; under Manage external IDs "Generate automatically" (start value 100000) gives Café Het Anker ID ${company(ctx, 'Café Het Anker').externalId}. The cost step: ${ctx.notes.alreadyPaid} invoices already paid, ${euros(Number(ctx.notes.charged))} to pay. The preview shows no errors, and "Next" downloads customers.csv and invoice-lines.csv.`, (ctx) => {
      const attempt = expectOutcome(exportPeriod(ctx, FEBRUARY, { generate: true }), 'downloaded');
      Object.assign(ctx.notes, { alreadyPaid: attempt.cost!.alreadyPaid, charged: attempt.cost!.feeCents });
    }),
    step('verify', 'Every invoice was charged once', (ctx) => `The wallet holds ${wallet(ctx)}: ${euros(CREDIT_LEFT)} + ${euros(TOP_UP)} − ${INVOICES.length} × ${euros(EXPORT_FEE_CENTS)}, charged once.`, (ctx) => {
      const { charged } = ctx.world.focus.state.bookkeepingExport.wallet;
      if (walletCents(ctx) !== CREDIT_LEFT + TOP_UP - FEE_CENTS) throw new StepFailure(`The wallet holds ${wallet(ctx)}, not ${euros(CREDIT_LEFT + TOP_UP - FEE_CENTS)}: the invoices were not charged exactly once.`);
      const wrong = INVOICES.map((_, i) => ctx.refs[`invoice ${i + 1}`]!).filter((id) => charged[id]?.feeCents !== EXPORT_FEE_CENTS);
      if (wrong.length > 0) throw new StepFailure(`${wrong.join(', ')} were not charged ${euros(EXPORT_FEE_CENTS)}.`);
    }),
    step('verify', "The file holds February's invoices with Focus's totals", (ctx) => `Read back, invoice-lines.csv holds the ${INVOICES.length} invoices, ${euros(Number(ctx.notes.fileTotal))} in all, each to the cent as in Focus.`, (ctx) => {
      ctx.notes.fileTotal = expectFileMatchesFocus(ctx, FEBRUARY);
    }),
  ],
});
