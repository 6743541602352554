import type { OwnCompany } from '../focus/export-state.js';
import type { Company, FocusDocument } from '../focus/state.js';

// The one small interface a bookkeeping package's file format implements (R22–R24): adding a
// package means one file that exports an `Exporter`, and one line in the registry.

/** The export parameters that (almost) every package asks for (R23). */
export interface ExportParameters {
  /** VAT "on lines" (what Focus computes, the advice) or "on total" per document and rate. */
  vat: 'lines' | 'total';
  /** Export the customers too. */
  exportCustomers: boolean;
  /** Journal code of the invoices in the package. */
  invoiceJournal: string;
  /** Journal code of the credit notes; may equal the invoice journal. */
  creditNoteJournal: string;
  /** The package's own parameters, by name (see `Exporter.parameters`). */
  extra: Record<string, string>;
}

/** A package-specific parameter the wizard asks for. */
export interface ExporterParameter {
  name: string;
  label: string;
  defaultValue: string;
  /** Allowed values; free text when absent. */
  choices?: string[];
}

/** A customer as exported: the company and the external ID the package knows it by (R18). */
export interface ExportCustomer {
  externalId: string;
  company: Company;
}

/** An invoice or credit note as exported, with its customer's external ID and its journal. */
export interface ExportDocument {
  document: FocusDocument;
  customer: ExportCustomer;
  journal: string;
  /** Ledger account code per line (discount lines already resolved, R21). */
  lineAccounts: string[];
}

/** Everything a format needs to write its files. */
export interface ExportInput {
  seller: OwnCompany;
  customers: ExportCustomer[];
  documents: ExportDocument[];
  /** The discount account, when a line has a commercial discount (R21). */
  discountAccount: string | null;
  parameters: ExportParameters;
  /** ISO date the export is made. */
  exportDate: string;
}

/** A file of the export. */
export interface ExportFile {
  name: string;
  mediaType: string;
  content: string;
}

/** A problem a format has with a customer or document, shown in the preview (R24). */
export interface FormatIssue {
  subject: 'customer' | 'document';
  /** Company id or document id. */
  id: string;
  message: string;
}

/** A bookkeeping package's file format. */
export interface Exporter {
  /** Kebab-case id, part of the CLI (`--package`). */
  id: string;
  /** Name shown in the wizard's package list. */
  name: string;
  /** One sentence on what the files are. */
  description: string;
  /** Parameters beyond the common ones (R23: "other parameters depend on the package"). */
  parameters: ExporterParameter[];
  /** What this format cannot express, per customer or document; the preview lists them as errors. */
  check(input: ExportInput): FormatIssue[];
  /** Writes the files. Amounts add up to each document's totals to the cent. */
  write(input: ExportInput): ExportFile[];
}
