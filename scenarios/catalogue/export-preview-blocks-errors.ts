import { applySuggestionsInBulk, createLedgerAccount, euros, setAutoSuggest, setDiscountAccount, type ExportPeriod } from '../../core/index.js';
import { book, doc, expectOk, line } from '../actions.js';
import {
  ADMIN,
  buyCredits,
  DISCOUNT_ACCOUNT,
  expectFileMatchesFocus,
  expectOutcome,
  exportPeriod,
  importPackageCustomers,
  LEDGER_ACCOUNTS,
  PACKAGE_CUSTOMERS_CSV,
  previewErrorList,
  previewErrorsNow,
  SUGGESTED_ACCOUNTS,
  suggestionsText,
} from '../export-actions.js';
import { defineScenario, step, StepFailure } from '../scenario.js';

const PERIOD: ExportPeriod = { from: '2026-01-01', to: '2026-02-28' };

/** Invoices made before any ledger account existed: their lines have none; one line has a commercial discount. */
const INVOICES = [
  { date: '2026-01-14', customer: 'Brouwerij De Kroon', lines: [line(80_000, { description: 'Brewing consultancy', ledgerAccount: null })] },
  { date: '2026-01-28', customer: 'Atelier Lumière', lines: [line(45_000, { description: 'Lighting design', ledgerAccount: null, discountBp: 1000 })] },
  {
    date: '2026-02-09',
    customer: 'Delta Logistics BV',
    lines: [line(210_000, { description: 'Transport', ledgerAccount: null }), line(2_900, { description: 'Customs handbook', vatRateBp: 600, ledgerAccount: null })],
  },
] as const;

const refs = INVOICES.map((_, i) => `invoice ${i + 1}`);

/**
 * Article 004, "Setting up ledger accounts": "It is necessary that every position on your invoice is assigned to
 * the right ledger account … if you use commercial discounts, you must also indicate an account for discounts",
 * and "If there are no errors, you can press Next and the file will be downloaded". Invoices made before the
 * accounts existed stop the export at the preview until the accounts are created and set in bulk.
 */
export default defineScenario({
  id: 'export-preview-blocks-errors',
  title: 'The export preview lists missing ledger accounts and gives no file',
  sources: ['004'],
  rules: ['R21', 'R24', 'R22', 'R23'],
  expected: 'fixed',
  symptom: {
    description: 'the preview of the export lists errors (lines without a ledger account, no account for discounts), so "Next" downloads no file',
    present: (ctx) => previewErrorsNow(ctx, PERIOD).length > 0,
  },
  steps: [
    importPackageCustomers(PACKAGE_CUSTOMERS_CSV),
    step('setup', 'Invoices are made before any ledger account exists', (ctx) => `Invoices ${refs.map((r) => doc(ctx, r).number).join(', ')} are booked; no line has a ledger account, and the lighting design of ${doc(ctx, 'invoice 2').number} has a 10 % commercial discount.`, (ctx) => {
      INVOICES.forEach((invoice, i) => book(ctx, refs[i]!, { date: invoice.date, customer: invoice.customer, lines: [...invoice.lines] }));
    }),
    buyCredits('setup', 500),
    step('reproduce', 'Export January and February', (ctx) => `Revenue > Invoices > Export > Bookkeeping export: period ${PERIOD.from} – ${PERIOD.to}, "Other package (generic CSV)"; the cost step charges ${euros(Number(ctx.notes.fee))}; VAT "On lines", customers exported too. The preview lists ${ctx.notes.errorCount} errors: ${ctx.notes.errors} "Next" says: "${ctx.notes.refusal}"`, (ctx) => {
      const attempt = expectOutcome(exportPeriod(ctx, PERIOD), 'preview-has-errors');
      const errors = previewErrorList(attempt.preview!);
      Object.assign(ctx.notes, { fee: attempt.cost!.feeCents, errorCount: errors.length, errors: errors.join(' '), refusal: attempt.message! });
    }),
    step('symptom', 'The preview names the lines without an account and the missing discount account', (ctx) => `Every invoice has an "Unspecified ledger account" error, and ${doc(ctx, 'invoice 2').number} also "Missing ledger account for commercial discounts".`, (ctx) => {
      const errors = previewErrorsNow(ctx, PERIOD);
      for (const ref of refs) {
        if (!errors.some((e) => e.startsWith('Unspecified ledger account') && e.includes(`of invoice ${doc(ctx, ref).number}:`))) throw new StepFailure(`The preview does not say that ${doc(ctx, ref).number} has lines without an account.`);
      }
      if (!errors.some((e) => e.startsWith('Missing ledger account for commercial discounts'))) throw new StepFailure('The preview does not ask for a discount account.');
    }),
    step('repair', 'Create all ledger accounts you use', `Settings > Revenue > Ledger accounts: "Create all ledger accounts, you use": ${LEDGER_ACCOUNTS.map((a) => `${a.code} ${a.description}`).join(', ')}.`, (ctx) => {
      for (const account of LEDGER_ACCOUNTS) expectOk(createLedgerAccount(ctx.world.focus, ADMIN, account), `Creating ledger account ${account.code}`);
    }),
    step('repair', 'Indicate the account for discounts', `"If you use commercial discounts, you must also indicate an account for discounts": ${DISCOUNT_ACCOUNT}.`, (ctx) => {
      expectOk(setDiscountAccount(ctx.world.focus, ADMIN, DISCOUNT_ACCOUNT), 'Indicating the discount account');
    }),
    step('repair', 'Auto-suggest accounts at certain VAT tariffs', `"Auto-suggest accounts at certain VAT-tariffs": ${suggestionsText()}.`, (ctx) => {
      for (const [rate, code] of Object.entries(SUGGESTED_ACCOUNTS)) expectOk(setAutoSuggest(ctx.world.focus, ADMIN, Number(rate), code), `Auto-suggesting ${code}`);
    }),
    step('repair', 'Set the accounts of all existing invoices by VAT rate', (ctx) => `"You can also quickly set the accounts on the basis of the VAT rates for all your existing invoices": ${ctx.notes.bulkLines} lines on ${ctx.notes.bulkDocuments} invoices get their suggested account.`, (ctx) => {
      const result = expectOk(applySuggestionsInBulk(ctx.world.focus, ADMIN), 'Applying the suggested accounts');
      Object.assign(ctx.notes, { bulkLines: result.lines, bulkDocuments: result.documents });
    }),
    step('repair', 'Export January and February again', (ctx) => `The same export again: the cost step says ${ctx.notes.alreadyPaid} invoices are already paid (${euros(Number(ctx.notes.charged))} to pay); the preview shows no errors; "Next" downloads customers.csv and invoice-lines.csv.`, (ctx) => {
      const attempt = expectOutcome(exportPeriod(ctx, PERIOD), 'downloaded');
      Object.assign(ctx.notes, { alreadyPaid: attempt.cost!.alreadyPaid, charged: attempt.cost!.feeCents });
    }),
    step('verify', "The file adds up to Focus's totals", (ctx) => `Read back, invoice-lines.csv holds the ${INVOICES.length} invoices, ${euros(Number(ctx.notes.fileTotal))} in all, each to the cent as in Focus.`, (ctx) => {
      ctx.notes.fileTotal = expectFileMatchesFocus(ctx, PERIOD);
    }),
  ],
});
