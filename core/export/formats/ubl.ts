import type { OwnCompany } from '../../focus/export-state.js';
import type { Company } from '../../focus/state.js';
import type { ExportInput, Exporter, FormatIssue } from '../exporter.js';
import { unnumberedIssues } from './booked-number.js';
import { peppolEndpoint } from './peppol-endpoint.js';
import { ublDocument, ublFileName } from './ubl-document.js';
import { renderXml } from './xml-text.js';

/**
 * "Peppol UBL 2.1 (BIS Billing 3.0)": one XML file per invoice or credit note, the Belgian B2B e-invoice since 2026.
 * VAT is always broken down per rate (the VAT parameter changes nothing here), and journals are not part of UBL.
 */
export const ublExporter: Exporter = {
  id: 'peppol-ubl',
  name: 'Peppol UBL 2.1 (BIS Billing 3.0)',
  description: 'One UBL 2.1 XML file per invoice or credit note, following Peppol BIS Billing 3.0 (EN 16931).',
  parameters: [],
  check,
  write: (input) =>
    input.documents.map((exported) => ({
      name: ublFileName(exported.document),
      mediaType: 'application/xml',
      content: renderXml(ublDocument(exported, input.seller)),
    })),
};

/** What BIS Billing 3.0 needs that a customer, a document or the own company lacks (R24: shown in the preview). */
function check(input: ExportInput): FormatIssue[] {
  const issues = unnumberedIssues(input);
  const companies = new Map<string, Company>();
  for (const { company } of [...input.customers, ...input.documents.map((d) => d.customer)]) companies.set(company.id, company);
  for (const company of companies.values()) {
    for (const message of customerProblems(company)) issues.push({ subject: 'customer', id: company.id, message });
  }
  const sellerCommon = sellerProblems(input.seller);
  for (const { document } of input.documents) {
    const seller =
      document.kind === 'invoice' && !input.seller.iban.trim()
        ? [
            ...sellerCommon,
            'The own company has no IBAN: a Peppol invoice paid by credit transfer must state it (BR-61). Enter it in the company settings.',
          ]
        : sellerCommon;
    const lines = document.lines.flatMap((line, index) =>
      line.description.trim()
        ? []
        : [`Line ${index + 1} has no description: Peppol requires an item name on every line (BR-25). Describe the line.`],
    );
    for (const message of [...seller, ...lines]) issues.push({ subject: 'document', id: document.id, message });
  }
  return issues;
}

function customerProblems(company: Company): string[] {
  const problems: string[] = [];
  if (!/^[A-Z]{2}$/.test(company.country)) {
    problems.push(
      `${company.name} has country "${company.country}", not a two-letter ISO 3166 code: Peppol requires the customer's country (BR-11). Correct the company's country.`,
    );
  }
  if (company.vatNumber === null || !company.vatNumber.trim()) {
    problems.push(
      `${company.name} has no VAT number: a Peppol invoice needs the customer's Peppol ID (PEPPOL-EN16931-R010), which this export derives from the VAT number. ` +
        'Enter the VAT number, or send this customer its invoices another way.',
    );
    return problems;
  }
  const endpoint = peppolEndpoint(company.vatNumber);
  if (!endpoint.ok)
    problems.push(
      `The VAT number ${company.vatNumber} of ${company.name} ${endpoint.problem.message}. Correct the VAT number, or send this customer its invoices another way.`,
    );
  return problems;
}

function sellerProblems(seller: OwnCompany): string[] {
  const endpoint = peppolEndpoint(seller.vatNumber);
  if (endpoint.ok) return [];
  return [`The VAT number ${seller.vatNumber} of the own company ${endpoint.problem.message}. Correct it in the company settings.`];
}
