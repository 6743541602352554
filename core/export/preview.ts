import { syncMessages } from '../messages/sync-messages.js';
import { checkVatNumber } from '../integration/vat-number.js';
import { documentTotals } from '../focus/totals.js';
import type { Company, DocumentKind, FocusDocument, FocusState } from '../focus/state.js';
import type { ExportCustomer, ExportInput, ExportParameters, Exporter } from './exporter.js';
import { companiesByExternalId } from './external-ids.js';
import { ledgerProblems } from './ledger-accounts.js';

/** A customer row of the preview (R24). */
export interface PreviewCustomer {
  companyId: string;
  name: string;
  externalId: string | null;
  errors: string[];
}

/** An invoice or credit note row of the preview (R24). */
export interface PreviewDocument {
  documentId: string;
  kind: DocumentKind;
  number: string;
  date: string;
  customer: string;
  totalCents: number;
  errors: string[];
}

/** The preview before download: customers and documents with their errors; only without errors is there a file (R24). */
export interface ExportPreview {
  customers: PreviewCustomer[];
  documents: PreviewDocument[];
  /** Errors of the parameters themselves (R23). */
  general: string[];
  errorCount: number;
}

/** Builds what the format writes from the selection and the parameters. */
export function exportInput(
  state: FocusState,
  documents: readonly FocusDocument[],
  parameters: ExportParameters,
  today: string,
): ExportInput {
  const customers = new Map<string, ExportCustomer>();
  for (const document of documents) {
    const company = state.companies[document.companyId];
    // Focus never deletes a company that has documents, so a missing one is a bug in whoever changed the state.
    if (!company)
      throw new Error(`[booklab] ${document.number ?? document.id} belongs to company ${document.companyId}, which does not exist.`);
    if (!customers.has(company.id)) customers.set(company.id, { externalId: company.externalId ?? '', company });
  }
  return {
    seller: state.ownCompany,
    customers: [...customers.values()],
    documents: documents.map((document) => ({
      document,
      customer: customers.get(document.companyId)!,
      journal: document.kind === 'invoice' ? parameters.invoiceJournal : parameters.creditNoteJournal,
      lineAccounts: document.lines.map((line) => line.ledgerAccount ?? ''),
    })),
    discountAccount: state.bookkeepingExport.ledger.discountAccount,
    parameters,
    exportDate: today,
  };
}

/**
 * The preview of an export (R24): every customer and document of the selection with what stops the file —
 * a missing or shared external ID (R18), an invalid VAT number, missing ledger accounts (R21), an unpaid
 * document (R22), an empty journal parameter (R23) and whatever the package's format cannot express.
 */
export function previewExport(
  state: FocusState,
  input: ExportInput,
  exporter: Exporter,
  { flagSharedExternalIds = false }: { flagSharedExternalIds?: boolean } = {},
): ExportPreview {
  const bySubject = new Map<string, string[]>();
  for (const issue of exporter.check(input)) {
    const key = `${issue.subject}:${issue.id}`;
    bySubject.set(key, [...(bySubject.get(key) ?? []), issue.message]);
  }
  const issuesOf = (subject: 'customer' | 'document', id: string) => bySubject.get(`${subject}:${id}`) ?? [];
  const holders = flagSharedExternalIds ? companiesByExternalId(state) : null;
  const customers = input.customers.map(({ company }) => ({
    companyId: company.id,
    name: company.name,
    externalId: company.externalId,
    errors: [...customerErrors(company, holders), ...issuesOf('customer', company.id)],
  }));
  const documents = input.documents.map(({ document, customer }) => ({
    documentId: document.id,
    kind: document.kind,
    number: document.number ?? document.id,
    date: document.date,
    customer: customer.company.name,
    totalCents: documentTotals(document).totalCents,
    errors: [
      ...(state.bookkeepingExport.wallet.charged[document.id] ? [] : ['Not paid for yet: go back to the cost step.']),
      ...ledgerProblems(state, document),
      ...issuesOf('document', document.id),
    ],
  }));
  const general = parameterErrors(input.parameters, exporter);
  const errorCount = general.length + [...customers, ...documents].reduce((sum, row) => sum + row.errors.length, 0);
  return { customers, documents, general, errorCount };
}

function customerErrors(company: Company, holders: Map<string, Company[]> | null): string[] {
  const errors: string[] = [];
  if (!company.externalId) {
    errors.push('No external ID: enter it under Manage external IDs, or let the export generate new IDs.');
  } else if (holders) {
    const others = (holders.get(company.externalId) ?? []).filter((c) => c.id !== company.id);
    if (others.length > 0) {
      errors.push(
        `External ID ${company.externalId} is also used by ${others.map((c) => c.name).join(', ')}: the package would merge these customers. Give each its own ID.`,
      );
    }
  }
  if (company.vatNumber) {
    const vat = checkVatNumber(company.vatNumber);
    if (!vat.ok) errors.push(syncMessages.invalidVatNumber(company.name, company.vatNumber, vat.problem.example));
  }
  return errors;
}

function parameterErrors(parameters: ExportParameters, exporter: Exporter): string[] {
  const errors: string[] = [];
  if (!parameters.invoiceJournal.trim())
    errors.push('Fill in the invoice journal: the code of the journal your invoices are posted to in the package.');
  if (!parameters.creditNoteJournal.trim()) errors.push('Fill in the credit note journal (it may be the same as the invoice journal).');
  for (const parameter of exporter.parameters) {
    const value = parameters.extra[parameter.name] ?? parameter.defaultValue;
    if (parameter.choices && !parameter.choices.includes(value)) {
      errors.push(`${parameter.label} "${value}" is not one of ${parameter.choices.join(', ')}: pick one of them.`);
    }
  }
  return errors;
}
