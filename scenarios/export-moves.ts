import {
  applySuggestionsInBulk,
  companiesWithoutExternalId,
  createLedgerAccount,
  euros,
  importCustomers,
  setAutoSuggest,
  setDiscountAccount,
  setExternalId,
  setManuallyEditable,
  topUpWallet,
  undoImport,
  type ImportReport,
  type UndoReport,
} from '../core/index.js';
import { company, expectOk } from './actions.js';
import { ADMIN, wallet } from './export-actions.js';
import { note } from './notes.js';
import { step, type Phase, type ScenarioContext, type Step } from './scenario.js';

// What a person does in Focus before and around a bookkeeping export (article 004): importing the package's
// customers, managing external IDs, setting up ledger accounts, topping up the wallet; and what those screens show.

/** A customer of the accounting package's list, with its number there (the external ID to match on, R18). */
export interface PackageCustomer {
  number: string;
  name: string;
  vatNumber: string;
  country: string;
}

/** The package's customer list as the package exports it: `;`-separated with a header row, as Belgian packages write it. */
export function packageCsv(customers: readonly PackageCustomer[]): string {
  return ['Number;Name;VAT number;Country', ...customers.map((c) => [c.number, c.name, c.vatNumber, c.country].join(';'))].join('\n');
}

/** The customers the demo company's accountant keeps in the package. */
export const PACKAGE_CUSTOMERS: readonly PackageCustomer[] = [
  { number: '1001', name: 'Brouwerij De Kroon', vatNumber: 'BE0412345614', country: 'BE' },
  { number: '1002', name: 'Atelier Lumière', vatNumber: 'BE0876543270', country: 'BE' },
  { number: '1003', name: 'Delta Logistics BV', vatNumber: 'NL123456789B01', country: 'NL' },
];

/** The ledger accounts the demo company uses (Settings > Revenue > Ledger accounts, R21). */
export const LEDGER_ACCOUNTS = [
  { code: '700000', description: 'Sales of services' },
  { code: '700100', description: 'Sales of goods' },
  { code: '708000', description: 'Discounts granted' },
] as const;

/** The account for commercial discounts. */
export const DISCOUNT_ACCOUNT = '708000';

/** The account auto-suggested per VAT rate (basis points). */
export const SUGGESTED_ACCOUNTS: Readonly<Record<number, string>> = { 2100: '700000', 600: '700100' };

/** What the last customer import reported, as its screen lists it. */
const IMPORTED = note<ImportReport>('what the import reported');

/** "Export a list of your bookkeeping program including the bookkeeping number" and import it, matching "External ID" (R18). */
export function importFromPackage(ctx: ScenarioContext, csv: string): ImportReport {
  return ctx.notes.write(
    IMPORTED,
    expectOk(
      importCustomers(ctx.world.focus, ADMIN, csv, { source: 'customers-from-package.csv' }),
      'Importing customers-from-package.csv',
    ),
  );
}

/** The last import's report; fails the step when nothing was imported. */
export function lastImport(ctx: ScenarioContext): ImportReport {
  return ctx.notes.read(IMPORTED);
}

/** The setup step of a Focus account whose customers were imported from the package with their numbers. */
export function importPackageCustomers(customers: readonly PackageCustomer[]): Step {
  return step(
    'setup',
    "Import the customers from the package's list",
    `The accountant's customer list is imported into Focus, matching the field "External ID": ${customers.map((c) => `${c.name} (${c.number})`).join(', ')}.`,
    (ctx) => {
      importFromPackage(ctx, packageCsv(customers));
    },
  );
}

/** "You can remove the duplicate records by undoing the import" (R18). */
export function undoLastImport(ctx: ScenarioContext): UndoReport {
  return expectOk(undoImport(ctx.world.focus, ADMIN, lastImport(ctx).importId), 'Undoing the import');
}

/** Types (or, with null, empties) a company's External ID field; needs "Manually editable" (R18). */
export function enterExternalId(ctx: ScenarioContext, name: string, externalId: string | null): void {
  expectOk(
    setExternalId(ctx.world.focus, ADMIN, company(ctx, name).id, externalId),
    `Entering external ID ${externalId ?? '(empty)'} for ${name}`,
  );
}

/** The segment "External ID is not filled out" (R19): the names it lists. */
export function segmentWithoutExternalId(ctx: ScenarioContext): string[] {
  return companiesWithoutExternalId(ctx.world.focus).map((c) => c.name);
}

/** Manage external IDs as its screen shows it: the start value of generated IDs and "Manually editable". */
export function externalIdSettings(ctx: ScenarioContext): { startValue: number; manuallyEditable: boolean } {
  const { startValue, manuallyEditable } = ctx.world.focus.state.bookkeepingExport.externalIds;
  return { startValue, manuallyEditable };
}

/** Settings > Revenue > Ledger accounts: creates every account the company uses (R21). */
export function createLedgerAccounts(ctx: ScenarioContext): void {
  for (const account of LEDGER_ACCOUNTS)
    expectOk(createLedgerAccount(ctx.world.focus, ADMIN, account), `Creating ledger account ${account.code}`);
}

/** "If you use commercial discounts, you must also indicate an account for discounts" (R21). */
export function indicateDiscountAccount(ctx: ScenarioContext): void {
  expectOk(setDiscountAccount(ctx.world.focus, ADMIN, DISCOUNT_ACCOUNT), 'Indicating the discount account');
}

/** "Auto-suggest accounts at certain VAT-tariffs" (R21). */
export function autoSuggestAccounts(ctx: ScenarioContext): void {
  for (const [rate, code] of Object.entries(SUGGESTED_ACCOUNTS))
    expectOk(setAutoSuggest(ctx.world.focus, ADMIN, Number(rate), code), `Auto-suggesting ${code}`);
}

/** "Set the accounts on the basis of the VAT rates for all your existing invoices" (R21): how many lines and invoices got one. */
export function applySuggestedAccounts(ctx: ScenarioContext): { lines: number; documents: number } {
  const { lines, documents } = expectOk(applySuggestionsInBulk(ctx.world.focus, ADMIN), 'Applying the suggested accounts');
  return { lines, documents };
}

/** Settings > Revenue > Ledger accounts: every account used, the discount account, auto-suggest per VAT rate (R21). */
export function setUpLedgerAccounts(): Step {
  return step(
    'setup',
    'Set up the ledger accounts',
    `Under Settings > Revenue > Ledger accounts the admin creates ${LEDGER_ACCOUNTS.map((a) => `${a.code} ${a.description}`).join(', ')}, indicates ${DISCOUNT_ACCOUNT} as the account for discounts, and auto-suggests ${suggestionsText()}.`,
    (ctx) => {
      createLedgerAccounts(ctx);
      indicateDiscountAccount(ctx);
      autoSuggestAccounts(ctx);
    },
  );
}

/** "700000 at 21 % and 700100 at 6 %". */
export function suggestionsText(): string {
  return Object.entries(SUGGESTED_ACCOUNTS)
    .sort(([a], [b]) => Number(b) - Number(a))
    .map(([rate, code]) => `${code} at ${Number(rate) / 100} %`)
    .join(' and ');
}

/** Buys credit for the Focus wallet that pays the export fee (R22); `amount` as the story says it, `€5.00`. */
export function buyCredits(phase: Phase, cents: number): Step {
  return step(
    phase,
    `Top up the wallet with ${euros(cents)}`,
    (ctx) => `${euros(cents)} of credit is bought for the Teamleader Focus wallet; it now holds ${wallet(ctx)}.`,
    (ctx) => {
      expectOk(topUpWallet(ctx.world.focus, cents), 'Topping up the wallet');
    },
  );
}

/** Manage external IDs > "Manually editable": the admin may type external IDs (R18). */
export function turnOnManuallyEditable(): Step {
  return step(
    'repair',
    'Turn on "Manually editable"',
    "Revenue > Invoices > Export > Bookkeeping export > Manage external IDs: the admin enables the slider next to 'Manually editable', so the External ID field can be filled in.",
    (ctx) => {
      expectOk(setManuallyEditable(ctx.world.focus, ADMIN, true), 'Turning on "Manually editable"');
    },
  );
}
