import type { ExportPeriod } from '../../core/index.js';
import { book, expectSame, line } from '../actions.js';
import { costStep, expectFileMatchesFocus, expectOutcome, exportPeriod, previewErrorList, previewErrorsNow } from '../export-actions.js';
import {
  applySuggestedAccounts,
  autoSuggestAccounts,
  buyCredits,
  createLedgerAccounts,
  importPackageCustomers,
  indicateDiscountAccount,
  PACKAGE_CUSTOMERS,
} from '../export-moves.js';
import { defineScenario, step } from '../scenario.js';

const PERIOD: ExportPeriod = { from: '2026-01-01', to: '2026-02-28' };

/** Invoices made before any ledger account existed: their lines have none; one line has a commercial discount. */
const INVOICES = [
  {
    number: '2026/1',
    date: '2026-01-14',
    customer: 'Brouwerij De Kroon',
    lines: [line(80_000, { description: 'Brewing consultancy', ledgerAccount: null })],
  },
  {
    number: '2026/2',
    date: '2026-01-28',
    customer: 'Atelier Lumière',
    lines: [line(45_000, { description: 'Lighting design', ledgerAccount: null, discountBp: 1000 })],
  },
  {
    number: '2026/3',
    date: '2026-02-09',
    customer: 'Delta Logistics BV',
    lines: [
      line(210_000, { description: 'Transport', ledgerAccount: null }),
      line(2_900, { description: 'Customs handbook', vatRateBp: 600, ledgerAccount: null }),
    ],
  },
] as const;

/** What the preview lists before the repair, as its screen shows it. */
const PREVIEW_ERRORS = [
  "Unspecified ledger account on line 1 of invoice 2026/1: open it, use the pencil next to 'content' and set the accounts, or apply the auto-suggested accounts in bulk.",
  "Unspecified ledger account on line 1 of invoice 2026/2: open it, use the pencil next to 'content' and set the accounts, or apply the auto-suggested accounts in bulk.",
  'Missing ledger account for commercial discounts: line 1 of invoice 2026/2 has a discount. Set a discount account under Settings > Revenue > Ledger accounts.',
  "Unspecified ledger account on lines 1, 2 of invoice 2026/3: open it, use the pencil next to 'content' and set the accounts, or apply the auto-suggested accounts in bulk.",
];

/**
 * Article 004, "Setting up ledger accounts": "It is necessary that every position on your invoice is assigned to the
 * right ledger account … if you use commercial discounts, you must also indicate an account for discounts", and "If
 * there are no errors, you can press Next and the file will be downloaded". Invoices 2026/1 to 2026/3, made before the
 * accounts existed, stop the export at the preview with 4 errors until the accounts are created and set in bulk.
 */
export default defineScenario({
  id: 'export-preview-blocks-errors',
  title: 'The export preview lists missing ledger accounts and gives no file',
  sources: ['004'],
  rules: ['R21', 'R24', 'R22', 'R23'],
  expected: 'fixed',
  symptom: {
    description:
      'the preview of the export lists errors (lines without a ledger account, no account for discounts), so "Next" downloads no file',
    present: (ctx) => previewErrorsNow(ctx, PERIOD).length > 0,
  },
  steps: [
    importPackageCustomers(PACKAGE_CUSTOMERS),
    step(
      'setup',
      'Invoices are made before any ledger account exists',
      'Invoices 2026/1, 2026/2 and 2026/3 are booked; no line has a ledger account, and the lighting design of 2026/2 has a 10 % commercial discount.',
      (ctx) => {
        for (const invoice of INVOICES)
          book(ctx, invoice.number, { date: invoice.date, customer: invoice.customer, lines: [...invoice.lines] });
      },
    ),
    buyCredits('setup', 500),
    step(
      'reproduce',
      'Export January and February',
      `Revenue > Invoices > Export > Bookkeeping export: period 2026-01-01 – 2026-02-28, "Other package (generic CSV)"; the cost step charges €0.36; VAT "On lines", customers exported too. The preview lists 4 errors. "Next" says: the preview shows 4 errors, no file was made.`,
      (ctx) => {
        const attempt = expectOutcome(exportPeriod(ctx, PERIOD), 'preview-has-errors', ['4 errors', 'no file was made']);
        expectSame(costStep(attempt).fee, '€0.36', 'The fee of the cost step');
        expectSame(previewErrorList(attempt.preview!).length, 4, 'The number of errors the preview lists');
      },
    ),
    step(
      'symptom',
      'The preview names the lines without an account and the missing discount account',
      `The preview lists: ${PREVIEW_ERRORS.map((e) => `"${e}"`).join(' ')}`,
      (ctx) => {
        expectSame(previewErrorsNow(ctx, PERIOD), PREVIEW_ERRORS, 'The preview');
      },
    ),
    step(
      'repair',
      'Create all ledger accounts you use',
      'Settings > Revenue > Ledger accounts: "Create all ledger accounts, you use": 700000 Sales of services, 700100 Sales of goods, 708000 Discounts granted.',
      (ctx) => {
        createLedgerAccounts(ctx);
      },
    ),
    step(
      'repair',
      'Indicate the account for discounts',
      '"If you use commercial discounts, you must also indicate an account for discounts": 708000.',
      (ctx) => {
        indicateDiscountAccount(ctx);
      },
    ),
    step(
      'repair',
      'Auto-suggest accounts at certain VAT tariffs',
      '"Auto-suggest accounts at certain VAT-tariffs": 700000 at 21 % and 700100 at 6 %.',
      (ctx) => {
        autoSuggestAccounts(ctx);
      },
    ),
    step(
      'repair',
      'Set the accounts of all existing invoices by VAT rate',
      '"You can also quickly set the accounts on the basis of the VAT rates for all your existing invoices": 4 lines on 3 invoices get their suggested account.',
      (ctx) => {
        expectSame(applySuggestedAccounts(ctx), { lines: 4, documents: 3 }, 'Lines and invoices given an account');
      },
    ),
    step(
      'repair',
      'Export January and February again',
      'The same export again: the cost step says 3 invoices are already paid (€0.00 to pay); the preview shows no errors; "Next" downloads customers.csv and invoice-lines.csv.',
      (ctx) => {
        const attempt = expectOutcome(exportPeriod(ctx, PERIOD), 'downloaded');
        expectSame([costStep(attempt).alreadyPaid, costStep(attempt).fee], [3, '€0.00'], 'The cost step (already paid, fee)');
      },
    ),
    step(
      'verify',
      "The file adds up to Focus's totals",
      'Read back, invoice-lines.csv holds the 3 invoices, €4,029.79 in all, each to the cent as in Focus.',
      (ctx) => {
        expectSame(expectFileMatchesFocus(ctx, PERIOD), '€4,029.79', 'The total of invoice-lines.csv');
      },
    ),
  ],
});
