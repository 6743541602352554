import {
  createLedgerAccount,
  defaultParameters,
  documentsInPeriod,
  documentTotals,
  euros,
  exportInput,
  ExportWizard,
  findExporter,
  importCustomers,
  previewExport,
  readCsvPair,
  setAutoSuggest,
  setDiscountAccount,
  setManuallyEditable,
  sharedExternalIds as sharedExternalIdsOf,
  topUpWallet,
  type ExportCost,
  type ExportFile,
  type ExportPeriod,
  type ExportPreview,
  type ExternalIdChoice,
  type FocusDocument,
  type ImportReport,
} from '../core/index.js';
import { expectOk } from './actions.js';
import { step, StepFailure, type Phase, type ScenarioContext, type Step } from './scenario.js';

// The moves of the one-way bookkeeping export (article 004), so that its scenarios read like the article.
// The integration stays unconnected: the export is a file the customer sends to the accountant.

/** The admin who manages external IDs and ledger accounts and exports (admin-only, R18, R21). */
export const ADMIN = 'admin';

/** The bookkeeping program the scenarios pick: the generic CSV pair, which reads back to check totals. */
export const PACKAGE_ID = 'generic-csv';

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

/** The customer list the accountant's package exports, with its customer numbers (`;`, as Belgian packages write it). */
export const PACKAGE_CUSTOMERS_CSV = [
  'Number;Name;VAT number;Country',
  '1001;Brouwerij De Kroon;BE0412345614;BE',
  '1002;Atelier Lumière;BE0876543270;BE',
  '1003;Delta Logistics BV;NL123456789B01;NL',
].join('\n');

/** Where the downloaded files are kept, as the person saved them (notes key prefix). */
const DOWNLOAD = 'download:';

/** How one pass through the export wizard ended: stopped by the product, or with the file downloaded. */
export interface ExportAttempt {
  outcome: 'start-value-warning' | 'insufficient-funds' | 'preview-has-errors' | 'downloaded';
  /** The product's message where it stopped; null when the file came. */
  message: string | null;
  /** External IDs "Generate automatically" handed out. */
  generated: number;
  /** What the cost step showed, once the wizard got there. */
  cost: ExportCost | null;
  preview: ExportPreview | null;
}

/**
 * Goes through Revenue > Invoices > Export > Bookkeeping export once: the period, the generic CSV package, Manage
 * external IDs as `externalIds` says, the cost step, the parameters as the article advises (VAT on lines, customers
 * too), the preview and "Next". The stops the article describes are returned; any other refusal fails the step.
 */
export function exportPeriod(ctx: ScenarioContext, period: ExportPeriod, externalIds: ExternalIdChoice = { generate: false }): ExportAttempt {
  // Under the safe strategy the preview also stops customers that share an external ID: the fix beside R20.
  const wizard = new ExportWizard(ctx.world.focus, ADMIN, { flagSharedExternalIds: ctx.strategy === 'safe' });
  expectOk(wizard.choosePeriod(period), `Choosing the period ${period.from} – ${period.to}`);
  expectOk(wizard.choosePackage(PACKAGE_ID), 'Choosing the bookkeeping program');
  const ids = wizard.manageExternalIds(externalIds);
  if (!ids.ok && ids.problem.code === 'start_value_reuses_ids') return { outcome: 'start-value-warning', message: ids.problem.message, generated: 0, cost: null, preview: null };
  const generated = expectOk(ids, 'Managing the external IDs').generated;
  const cost = wizard.quote();
  const paid = wizard.pay();
  if (!paid.ok && paid.problem.code === 'insufficient_funds') return { outcome: 'insufficient-funds', message: paid.problem.message, generated, cost, preview: null };
  expectOk(paid, 'Paying for the export');
  const preview = wizard.setParameters();
  const files = wizard.download();
  if (!files.ok && files.problem.code === 'preview_has_errors') return { outcome: 'preview-has-errors', message: files.problem.message, generated, cost, preview };
  for (const file of expectOk(files, 'Downloading the file')) ctx.notes[DOWNLOAD + file.name] = file.content;
  wizard.recordExport();
  return { outcome: 'downloaded', message: null, generated, cost, preview };
}

/** Fails the step unless the attempt ended as expected, saying where it stopped instead. */
export function expectOutcome(attempt: ExportAttempt, outcome: ExportAttempt['outcome']): ExportAttempt {
  if (attempt.outcome === outcome) return attempt;
  const errors = attempt.preview ? previewErrorList(attempt.preview) : [];
  throw new StepFailure(`The export should have ended with ${outcome}, but it ended with ${attempt.outcome}${attempt.message ? `: ${attempt.message}` : ''}${errors.length ? ` Preview: ${errors.join(' ')}` : ''}`);
}

/** Every error of a preview as the screen lists them, each on the row of its customer or document. */
export function previewErrorList(preview: ExportPreview): string[] {
  const onRow = (row: string, error: string) => (error.includes(row) ? error : `${row}: ${error}`);
  return [
    ...preview.general,
    ...preview.customers.flatMap((c) => c.errors.map((e) => onRow(c.name, e))),
    ...preview.documents.flatMap((d) => d.errors.map((e) => onRow(d.number, e))),
  ];
}

/** The errors the preview of `period` shows now, read from Focus without going through the wizard (nothing is paid). */
export function previewErrorsNow(ctx: ScenarioContext, period: ExportPeriod): string[] {
  const { state } = ctx.world.focus;
  const exporter = findExporter(PACKAGE_ID)!;
  const documents = expectOk(documentsInPeriod(state, period), 'Selecting the period');
  return previewErrorList(previewExport(state, exportInput(state, documents, defaultParameters(exporter), ctx.world.focus.clock.today()), exporter));
}

/** The booked documents of `period` that are in no exported file yet. */
export function notExported(ctx: ScenarioContext, period: ExportPeriod): FocusDocument[] {
  const { state } = ctx.world.focus;
  const exported = new Set(state.bookkeepingExport.exports.flatMap((e) => e.documentIds));
  return expectOk(documentsInPeriod(state, period), 'Selecting the period').filter((d) => !exported.has(d.id));
}

/** External IDs that more than one company holds, with the holders' names. */
export function sharedExternalIds(ctx: ScenarioContext): { externalId: string; names: string[] }[] {
  return sharedExternalIdsOf(ctx.world.focus.state).map(({ externalId, companies }) => ({ externalId, names: companies.map((c) => c.name) }));
}

/** The files of the last download, as the person saved them; none before a download. */
function downloadedFiles(ctx: ScenarioContext): Pick<ExportFile, 'name' | 'content'>[] {
  return Object.entries(ctx.notes)
    .filter(([key]) => key.startsWith(DOWNLOAD))
    .map(([key, content]) => ({ name: key.slice(DOWNLOAD.length), content: String(content) }));
}

/** The files of the last download, read back; fails the step when none was downloaded. */
export function downloadedCsv(ctx: ScenarioContext) {
  const files = downloadedFiles(ctx);
  if (files.length === 0) throw new StepFailure('No export file was downloaded.');
  return readCsvPair(files);
}

/** The external IDs in the last downloaded customers file, in file order; none before a download. */
export function downloadedCustomerIds(ctx: ScenarioContext): string[] {
  return downloadedFiles(ctx).length === 0 ? [] : downloadedCsv(ctx).customers.map((c) => c.externalId);
}

/**
 * Checks the downloaded file against Focus (what the accountant imports must add up): every document of the
 * period once, with Focus's net, VAT and total to the cent and its customer's external ID. Returns the grand total.
 */
export function expectFileMatchesFocus(ctx: ScenarioContext, period: ExportPeriod): number {
  const { state } = ctx.world.focus;
  const inFile = downloadedCsv(ctx).documents;
  const documents = expectOk(documentsInPeriod(state, period), 'Selecting the period');
  if (inFile.length !== documents.length) throw new StepFailure(`The file holds ${inFile.length} documents; Focus has ${documents.length} in the period.`);
  for (const document of documents) {
    const row = inFile.find((d) => d.kind === document.kind && d.number === document.number);
    const totals = documentTotals(document);
    const externalId = state.companies[document.companyId]?.externalId;
    if (!row) throw new StepFailure(`${document.number} is not in the file.`);
    if (row.netCents !== totals.netCents || row.vatCents !== totals.vatCents || row.totalCents !== totals.totalCents) {
      throw new StepFailure(`${document.number} totals ${euros(row.totalCents)} in the file (net ${euros(row.netCents)}, VAT ${euros(row.vatCents)}); Focus says ${euros(totals.totalCents)} (net ${euros(totals.netCents)}, VAT ${euros(totals.vatCents)}).`);
    }
    if (row.customerExternalId !== externalId) throw new StepFailure(`${document.number} names customer ${row.customerExternalId} in the file; its customer's external ID is ${externalId ?? 'empty'}.`);
  }
  return documents.reduce((sum, d) => sum + documentTotals(d).totalCents, 0);
}

/** The wallet's balance now. */
export function walletCents(ctx: ScenarioContext): number {
  return ctx.world.focus.state.bookkeepingExport.wallet.balanceCents;
}

/** "Export a list of your bookkeeping program including the bookkeeping number" and import it, matching "External ID" (R18). */
export function importFromPackage(ctx: ScenarioContext, csv: string, source = 'customers-from-package.csv'): ImportReport {
  return expectOk(importCustomers(ctx.world.focus, ADMIN, csv, { source }), `Importing ${source}`);
}

/** The setup step of a Focus account whose customers were imported from the package with their numbers. */
export function importPackageCustomers(csv: string): Step {
  return step('setup', "Import the customers from the package's list", (ctx) => `The accountant's customer list is imported into Focus, matching the field "External ID": ${ctx.notes.imported}.`, (ctx) => {
    const report = importFromPackage(ctx, csv);
    ctx.notes.imported = [...report.created, ...report.matched].map((c) => `${c.name} (${c.externalId})`).join(', ');
  });
}

/** Settings > Revenue > Ledger accounts: every account used, the discount account, auto-suggest per VAT rate (R21). */
export function setUpLedgerAccounts(): Step {
  return step(
    'setup',
    'Set up the ledger accounts',
    `Under Settings > Revenue > Ledger accounts the admin creates ${LEDGER_ACCOUNTS.map((a) => `${a.code} ${a.description}`).join(', ')}, indicates ${DISCOUNT_ACCOUNT} as the account for discounts, and auto-suggests ${suggestionsText()}.`,
    (ctx) => {
      const { focus } = ctx.world;
      for (const account of LEDGER_ACCOUNTS) expectOk(createLedgerAccount(focus, ADMIN, account), `Creating ledger account ${account.code}`);
      expectOk(setDiscountAccount(focus, ADMIN, DISCOUNT_ACCOUNT), 'Indicating the discount account');
      for (const [rate, code] of Object.entries(SUGGESTED_ACCOUNTS)) expectOk(setAutoSuggest(focus, ADMIN, Number(rate), code), `Auto-suggesting ${code}`);
    },
  );
}

/** "700000 at 21 %, 700100 at 6 %". */
export function suggestionsText(): string {
  return Object.entries(SUGGESTED_ACCOUNTS)
    .sort(([a], [b]) => Number(b) - Number(a))
    .map(([rate, code]) => `${code} at ${Number(rate) / 100} %`)
    .join(' and ');
}

/** Buys credit for the Focus wallet that pays the export fee (R22). */
export function buyCredits(phase: Phase, cents: number): Step {
  return step(phase, `Top up the wallet with ${euros(cents)}`, (ctx) => `${euros(cents)} of credit is bought for the Teamleader Focus wallet; it now holds ${euros(walletCents(ctx))}.`, (ctx) => {
    expectOk(topUpWallet(ctx.world.focus, cents), 'Topping up the wallet');
  });
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
