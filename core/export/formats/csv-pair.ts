import { stringify } from 'csv-stringify/sync';
import { bookSign } from '../../focus/totals.js';
import type { ExportDocument, ExportFile, ExportInput, Exporter } from '../exporter.js';
import { bookedNumber, unnumberedIssues } from './booked-number.js';
import { formatEuros, formatPercent, formatQuantity } from './decimal-text.js';
import { lineAmounts, vatByRate } from './document-amounts.js';

// The generic CSV pair for packages without a format of their own (R22–R24): `customers.csv` and
// `invoice-lines.csv`, UTF-8 without BOM, one header row, `;` between fields and a dot in amounts.
// `;` because Belgian and Dutch spreadsheets use it as their list separator, so the files open in
// columns there, and descriptions with commas stay unquoted.
//
// invoice-lines.csv has one `line` row per document line. Its amounts (`gross`, `discount`, `net`,
// `vat_base`, `vat`) are decimal euros that carry the book sign: negative on credit notes; quantity,
// unit price and the percentages stay as on the document. A commercial discount is booked as the
// line's gross on its ledger account less the discount on `discount_account` (R21); the net is
// gross − discount, Focus's line net to the cent.
// VAT "on lines" (R23, the advice): each line row carries its VAT as Focus computed it.
// VAT "on total": line rows carry no VAT, and one `vat` row per document and rate carries the base and
// the sum of Focus's line VAT at that rate (not VAT recomputed on the base, which can differ by a cent
// per few lines), so the file still adds up to Focus's totals. Summing `net` and `vat` over a document's
// rows gives its totals in either mode.

/** The customers file; written only when the parameters say "export customers too" (R23). */
export const CUSTOMERS_FILE = 'customers.csv';
/** The invoice lines file. */
export const LINES_FILE = 'invoice-lines.csv';
/** The field separator of both files. */
export const CSV_DELIMITER = ';';

/** The columns of customers.csv, in order. */
export const CUSTOMER_COLUMNS = ['external_id', 'name', 'vat_number', 'country', 'email'] as const;

/** The columns of invoice-lines.csv, in order. */
export const LINE_COLUMNS = [
  'journal',
  'document_type',
  'document_number',
  'date',
  'due_date',
  'customer_external_id',
  'row_type',
  'line_number',
  'description',
  'quantity',
  'unit_price',
  'discount_percent',
  'gross',
  'discount',
  'discount_account',
  'net',
  'vat_rate',
  'vat_base',
  'vat',
  'ledger_account',
] as const;

type CustomerRow = Record<(typeof CUSTOMER_COLUMNS)[number], string>;
type LineRow = Record<(typeof LINE_COLUMNS)[number], string>;

/** "Other package (generic CSV)": a customers file and an invoice-lines file most packages can import. */
export const csvPairExporter: Exporter = {
  id: 'generic-csv',
  name: 'Other package (generic CSV)',
  description:
    'Two CSV files: customers.csv (when customers are exported too) and invoice-lines.csv, one row per invoice or credit note line.',
  parameters: [],
  check: (input) => unnumberedIssues(input),
  write(input) {
    const files: ExportFile[] = [];
    if (input.parameters.exportCustomers) {
      const rows = input.customers.map(({ externalId, company }): CustomerRow => ({
        external_id: externalId,
        name: company.name,
        vat_number: company.vatNumber ?? '',
        country: company.country,
        email: company.email ?? '',
      }));
      files.push(csvFile(CUSTOMERS_FILE, CUSTOMER_COLUMNS, rows));
    }
    files.push(
      csvFile(
        LINES_FILE,
        LINE_COLUMNS,
        input.documents.flatMap((exported) => documentRows(exported, input)),
      ),
    );
    return files;
  },
};

function documentRows({ document, customer, journal, lineAccounts }: ExportDocument, input: ExportInput): LineRow[] {
  const sign = bookSign(document);
  const euros = (cents: number) => formatEuros(sign * cents);
  const onLines = input.parameters.vat === 'lines';
  const head = {
    journal,
    document_type: document.kind,
    document_number: bookedNumber(document),
    date: document.date,
    due_date: document.dueDate,
    customer_external_id: customer.externalId,
  };
  const lines = document.lines.map((line, index): LineRow => {
    const amounts = lineAmounts(line);
    return {
      ...head,
      row_type: 'line',
      line_number: String(index + 1),
      description: line.description,
      quantity: formatQuantity(line.quantity),
      unit_price: formatEuros(line.unitPriceCents),
      discount_percent: formatPercent(line.discountBp),
      gross: euros(amounts.grossCents),
      discount: euros(amounts.discountCents),
      discount_account: amounts.discountCents === 0 ? '' : (input.discountAccount ?? ''),
      net: euros(amounts.netCents),
      vat_rate: formatPercent(line.vatRateBp),
      vat_base: '',
      vat: onLines ? euros(amounts.vatCents) : '',
      ledger_account: lineAccounts[index] ?? '',
    };
  });
  if (onLines) return lines;
  const vatRows = vatByRate(document.lines).map((rate): LineRow => ({
    ...head,
    row_type: 'vat',
    line_number: '',
    description: `VAT ${formatPercent(rate.rateBp)} %`,
    quantity: '',
    unit_price: '',
    discount_percent: '',
    gross: '',
    discount: '',
    discount_account: '',
    net: '',
    vat_rate: formatPercent(rate.rateBp),
    vat_base: euros(rate.netCents),
    vat: euros(rate.vatCents),
    ledger_account: '',
  }));
  return [...lines, ...vatRows];
}

function csvFile(name: string, columns: readonly string[], rows: Record<string, string>[]): ExportFile {
  const content = stringify(rows, { header: true, columns: [...columns], delimiter: CSV_DELIMITER, record_delimiter: 'unix' });
  return { name, mediaType: 'text/csv; charset=utf-8', content };
}
