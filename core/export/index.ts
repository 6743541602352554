// The one-way bookkeeping export (article 004, R18–R24): external IDs, ledger accounts, the wizard and its file formats.

export { importCustomers, undoImport, findDuplicateCompanies, comparableName } from './customer-import.js';
export { readCustomerCsv } from './customer-csv.js';
export {
  companiesWithoutExternalId,
  externalIdHolder,
  companiesByExternalId,
  sharedExternalIds,
  setManuallyEditable,
  setExternalId,
  planExternalIds,
  generateExternalIds,
} from './external-ids.js';
export {
  createLedgerAccount,
  listLedgerAccounts,
  setDiscountAccount,
  setAutoSuggest,
  suggestLedgerAccount,
  applySuggestionsInBulk,
  ledgerProblems,
} from './ledger-accounts.js';
export { defaultExportPeriod, documentsInPeriod } from './period.js';
export { exportCost, payForExport, topUpWallet } from './wallet.js';
export { writeExportFiles, writeIntoNewFolder } from './write-files.js';
export { exportInput, previewExport } from './preview.js';
export { ExportWizard, WizardStepError, WIZARD_STEPS, defaultParameters } from './wizard.js';
export { EXPORTERS, findExporter } from './formats/index.js';
export { readCsvPair } from './formats/csv-pair-reader.js';
export { createDemoExportAccount } from './demo-account.js';

export type { ImportReport, UndoReport, ImportedCompany, SkippedRow, KeptCompany } from './customer-import.js';
export type { CustomerRow } from './customer-csv.js';
export type { ExternalIdAssignment, ExternalIdPlan, ExternalIdOptions, GeneratedExternalIds } from './external-ids.js';
export type { BulkResult } from './ledger-accounts.js';
export type { ExportPeriod } from './period.js';
export type { ExportCost } from './wallet.js';
export type { ExportPreview, PreviewCustomer, PreviewDocument } from './preview.js';
export type { WizardStep, ExternalIdChoice, WizardOptions } from './wizard.js';
export type {
  Exporter,
  ExporterParameter,
  ExportParameters,
  ExportInput,
  ExportFile,
  ExportCustomer,
  ExportDocument,
  FormatIssue,
} from './exporter.js';
