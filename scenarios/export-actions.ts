import {
  defaultParameters,
  documentsInPeriod,
  documentTotals,
  euros,
  exportInput,
  ExportWizard,
  findExporter,
  previewExport,
  readCsvPair,
  sharedExternalIds as sharedExternalIdsOf,
  type ExportCost,
  type ExportFile,
  type ExportPeriod,
  type ExportPreview,
  type ExternalIdChoice,
  type FocusDocument,
} from '../core/index.js';
import { expectOk } from './actions.js';
import { note } from './notes.js';
import { StepFailure, type ScenarioContext } from './scenario.js';

// The bookkeeping export wizard of article 004 as a person goes through it, and what its files and the wallet
// show afterwards. The integration stays unconnected: the export is a file the customer sends to the accountant.
// The moves that prepare an export (customers, external IDs, ledger accounts, the wallet) are in export-moves.ts.

/** The admin who manages external IDs and ledger accounts and exports (admin-only, R18, R21). */
export const ADMIN = 'admin';

/** The bookkeeping program the scenarios pick: the generic CSV pair, which reads back to check totals. */
export const PACKAGE_ID = 'generic-csv';

/** The files of the last download, as the person saved them. */
const DOWNLOADED = note<Array<Pick<ExportFile, 'name' | 'content'>>>('the downloaded files');

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
export function exportPeriod(
  ctx: ScenarioContext,
  period: ExportPeriod,
  externalIds: ExternalIdChoice = { generate: false },
): ExportAttempt {
  // Under the safe strategy the preview also stops customers that share an external ID: the fix beside R20.
  const wizard = new ExportWizard(ctx.world.focus, ADMIN, { flagSharedExternalIds: ctx.strategy === 'safe' });
  expectOk(wizard.choosePeriod(period), `Choosing the period ${period.from} – ${period.to}`);
  expectOk(wizard.choosePackage(PACKAGE_ID), 'Choosing the bookkeeping program');
  const ids = wizard.manageExternalIds(externalIds);
  if (!ids.ok && ids.problem.code === 'start_value_reuses_ids')
    return { outcome: 'start-value-warning', message: ids.problem.message, generated: 0, cost: null, preview: null };
  const generated = expectOk(ids, 'Managing the external IDs').generated;
  const cost = wizard.quote();
  const paid = wizard.pay();
  if (!paid.ok && paid.problem.code === 'insufficient_funds')
    return { outcome: 'insufficient-funds', message: paid.problem.message, generated, cost, preview: null };
  expectOk(paid, 'Paying for the export');
  const preview = wizard.setParameters();
  const files = wizard.download();
  if (!files.ok && files.problem.code === 'preview_has_errors')
    return { outcome: 'preview-has-errors', message: files.problem.message, generated, cost, preview };
  ctx.notes.write(
    DOWNLOADED,
    expectOk(files, 'Downloading the file').map(({ name, content }) => ({ name, content })),
  );
  wizard.recordExport();
  return { outcome: 'downloaded', message: null, generated, cost, preview };
}

/** The cost step as its screen shows it: how many invoices, how many already paid, the fee per invoice and in all. */
export function costStep(attempt: ExportAttempt): {
  invoices: number;
  alreadyPaid: number;
  toCharge: number;
  perInvoice: string;
  fee: string;
} {
  const cost = attempt.cost;
  if (!cost) throw new StepFailure('The export did not get to the cost step.');
  return {
    invoices: cost.documents,
    alreadyPaid: cost.alreadyPaid,
    toCharge: cost.toCharge,
    perInvoice: cost.toCharge ? euros(cost.feeCents / cost.toCharge) : '€0.00',
    fee: euros(cost.feeCents),
  };
}

/** Fails the step unless the attempt ended as expected, its message saying every one of `words`; says where it stopped instead. */
export function expectOutcome(attempt: ExportAttempt, outcome: ExportAttempt['outcome'], words: readonly string[] = []): ExportAttempt {
  if (attempt.outcome === outcome) {
    const missing = words.filter((w) => !attempt.message?.includes(w));
    if (missing.length)
      throw new StepFailure(
        `The export stopped with ${outcome}, but its message does not say "${missing.join('", "')}": ${attempt.message}`,
      );
    return attempt;
  }
  const errors = attempt.preview ? previewErrorList(attempt.preview) : [];
  throw new StepFailure(
    `The export should have ended with ${outcome}, but it ended with ${attempt.outcome}${attempt.message ? `: ${attempt.message}` : ''}${errors.length ? ` Preview: ${errors.join(' ')}` : ''}`,
  );
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
  return previewErrorList(
    previewExport(state, exportInput(state, documents, defaultParameters(exporter), ctx.world.focus.clock.today()), exporter),
  );
}

/** The booked documents of `period` that are in no exported file yet. */
export function notExported(ctx: ScenarioContext, period: ExportPeriod): FocusDocument[] {
  const { state } = ctx.world.focus;
  const exported = new Set(state.bookkeepingExport.exports.flatMap((e) => e.documentIds));
  return expectOk(documentsInPeriod(state, period), 'Selecting the period').filter((d) => !exported.has(d.id));
}

/** External IDs that more than one company holds, with the holders' names. */
export function sharedExternalIds(ctx: ScenarioContext): { externalId: string; names: string[] }[] {
  return sharedExternalIdsOf(ctx.world.focus.state).map(({ externalId, companies }) => ({
    externalId,
    names: companies.map((c) => c.name),
  }));
}

/** The files of the last download, as the person saved them; none before a download. */
function downloadedFiles(ctx: ScenarioContext): Pick<ExportFile, 'name' | 'content'>[] {
  return ctx.notes.has(DOWNLOADED) ? ctx.notes.read(DOWNLOADED) : [];
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
 * period once, with Focus's net, VAT and total to the cent and its customer's external ID. Returns the grand total
 * as the person reads it (`€5,163.55`), for the story to state.
 */
export function expectFileMatchesFocus(ctx: ScenarioContext, period: ExportPeriod): string {
  const { state } = ctx.world.focus;
  const inFile = downloadedCsv(ctx).documents;
  const documents = expectOk(documentsInPeriod(state, period), 'Selecting the period');
  if (inFile.length !== documents.length)
    throw new StepFailure(`The file holds ${inFile.length} documents; Focus has ${documents.length} in the period.`);
  for (const document of documents) {
    const row = inFile.find((d) => d.kind === document.kind && d.number === document.number);
    const totals = documentTotals(document);
    const externalId = state.companies[document.companyId]?.externalId;
    if (!row) throw new StepFailure(`${document.number} is not in the file.`);
    if (row.netCents !== totals.netCents || row.vatCents !== totals.vatCents || row.totalCents !== totals.totalCents) {
      throw new StepFailure(
        `${document.number} totals ${euros(row.totalCents)} in the file (net ${euros(row.netCents)}, VAT ${euros(row.vatCents)}); Focus says ${euros(totals.totalCents)} (net ${euros(totals.netCents)}, VAT ${euros(totals.vatCents)}).`,
      );
    }
    if (row.customerExternalId !== externalId)
      throw new StepFailure(
        `${document.number} names customer ${row.customerExternalId} in the file; its customer's external ID is ${externalId ?? 'empty'}.`,
      );
  }
  return euros(documents.reduce((sum, d) => sum + documentTotals(d).totalCents, 0));
}

/** The wallet's balance as Focus shows it: `€4.90`. */
export function wallet(ctx: ScenarioContext): string {
  return euros(ctx.world.focus.state.bookkeepingExport.wallet.balanceCents);
}

/** The fee each invoice was charged, by number (`€0.12`), as the wallet's history lists it; `none` for an invoice not charged. */
export function feesCharged(ctx: ScenarioContext, numbers: readonly string[]): string[] {
  const { state } = ctx.world.focus;
  const { charged } = state.bookkeepingExport.wallet;
  return numbers.map((number) => {
    const document = Object.values(state.documents).find((d) => d.kind === 'invoice' && d.number === number);
    const fee = document ? charged[document.id]?.feeCents : undefined;
    return fee === undefined ? 'none' : euros(fee);
  });
}
