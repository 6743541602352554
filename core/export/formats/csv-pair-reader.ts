import { parse } from 'csv-parse/sync';
import { bookSign } from '../../focus/totals.js';
import type { DocumentKind } from '../../focus/state.js';
import type { ExportFile } from '../exporter.js';
import { CSV_DELIMITER, CUSTOMER_COLUMNS, CUSTOMERS_FILE, LINE_COLUMNS, LINES_FILE } from './csv-pair.js';
import { parseEuros } from './decimal-text.js';

/** A customer as read back from customers.csv. */
export interface CsvCustomer {
  externalId: string;
  name: string;
  vatNumber: string | null;
  country: string;
  email: string | null;
}

/** A document as read back from invoice-lines.csv, with totals in cents as Focus shows them (positive for credit notes). */
export interface CsvDocument {
  kind: DocumentKind;
  number: string;
  journal: string;
  customerExternalId: string;
  date: string;
  dueDate: string;
  lineCount: number;
  netCents: number;
  vatCents: number;
  totalCents: number;
}

/** What a CSV pair holds: its customers (none when they were not exported) and its documents in file order. */
export interface CsvPairContent {
  customers: CsvCustomer[];
  documents: CsvDocument[];
}

type Row = Record<string, string>;

/**
 * Reads a CSV pair of the generic CSV exporter back: the customers, and each document's totals summed from its
 * rows with the sign taken off again. It verifies that the file adds up (gross − discount = net on each line, a VAT
 * row's base = its lines' net) and throws on anything it did not write, since it exists to check that writer.
 */
export function readCsvPair(files: readonly Pick<ExportFile, 'name' | 'content'>[]): CsvPairContent {
  const linesFile = files.find((f) => f.name === LINES_FILE);
  if (!linesFile) throw new Error(`[booklab] The export has no ${LINES_FILE}; files: ${files.map((f) => f.name).join(', ') || 'none'}.`);
  const customersFile = files.find((f) => f.name === CUSTOMERS_FILE);
  const customers = customersFile ? rowsOf(customersFile, CUSTOMER_COLUMNS).map(customerOf) : [];
  return { customers, documents: documentsOf(rowsOf(linesFile, LINE_COLUMNS)) };
}

function rowsOf(file: Pick<ExportFile, 'name' | 'content'>, columns: readonly string[]): Row[] {
  const [header = [], ...records] = parse(file.content, { delimiter: CSV_DELIMITER, bom: true, skip_empty_lines: true }) as string[][];
  if (header.join(CSV_DELIMITER) !== columns.join(CSV_DELIMITER)) {
    throw new Error(`[booklab] ${file.name} has the header "${header.join(CSV_DELIMITER)}", expected "${columns.join(CSV_DELIMITER)}".`);
  }
  return records.map((record) => Object.fromEntries(columns.map((column, i) => [column, record[i] ?? ''])));
}

function customerOf(row: Row): CsvCustomer {
  return {
    externalId: row.external_id!,
    name: row.name!,
    vatNumber: row.vat_number || null,
    country: row.country!,
    email: row.email || null,
  };
}

interface OpenDocument {
  document: CsvDocument;
  signedNet: number;
  signedVat: number;
  netByRate: Map<string, number>;
  vatBases: { rate: string; cents: number; row: number }[];
}

function documentsOf(rows: Row[]): CsvDocument[] {
  const open = new Map<string, OpenDocument>();
  rows.forEach((row, index) => {
    const rowNumber = index + 1;
    const kind = row.document_type;
    if (kind !== 'invoice' && kind !== 'credit_note')
      throw rowError(rowNumber, `document_type "${kind}" is neither invoice nor credit_note`);
    const key = `${kind} ${row.document_number}`;
    let entry = open.get(key);
    if (!entry) {
      const document: CsvDocument = {
        kind,
        number: row.document_number!,
        journal: row.journal!,
        customerExternalId: row.customer_external_id!,
        date: row.date!,
        dueDate: row.due_date!,
        lineCount: 0,
        netCents: 0,
        vatCents: 0,
        totalCents: 0,
      };
      entry = { document, signedNet: 0, signedVat: 0, netByRate: new Map(), vatBases: [] };
      open.set(key, entry);
    }
    addRow(entry, row, rowNumber);
  });
  return [...open.values()].map(close);
}

function addRow(entry: OpenDocument, row: Row, rowNumber: number): void {
  const vat = optionalEuros(row, 'vat', rowNumber);
  entry.signedVat += vat;
  if (row.row_type === 'vat') {
    entry.vatBases.push({ rate: row.vat_rate!, cents: euros(row, 'vat_base', rowNumber), row: rowNumber });
    return;
  }
  if (row.row_type !== 'line') throw rowError(rowNumber, `row_type "${row.row_type}" is neither line nor vat`);
  const net = euros(row, 'net', rowNumber);
  if (euros(row, 'gross', rowNumber) - euros(row, 'discount', rowNumber) !== net)
    throw rowError(rowNumber, 'gross − discount is not the net');
  entry.signedNet += net;
  entry.netByRate.set(row.vat_rate!, (entry.netByRate.get(row.vat_rate!) ?? 0) + net);
  entry.document.lineCount += 1;
}

function close({ document, signedNet, signedVat, netByRate, vatBases }: OpenDocument): CsvDocument {
  for (const base of vatBases) {
    if (base.cents !== (netByRate.get(base.rate) ?? 0))
      throw rowError(base.row, `the VAT base at ${base.rate} % is not the net of the lines at that rate`);
  }
  // `+ 0` turns the -0 of an empty credit note into 0.
  const sign = bookSign(document);
  const netCents = sign * signedNet + 0;
  const vatCents = sign * signedVat + 0;
  return { ...document, netCents, vatCents, totalCents: netCents + vatCents };
}

function euros(row: Row, column: string, rowNumber: number): number {
  const cents = parseEuros(row[column] ?? '');
  if (cents === null) throw rowError(rowNumber, `${column} "${row[column]}" is not an amount like 12.34`);
  return cents;
}

function optionalEuros(row: Row, column: string, rowNumber: number): number {
  return row[column] ? euros(row, column, rowNumber) : 0;
}

function rowError(rowNumber: number, detail: string): Error {
  return new Error(`[booklab] ${LINES_FILE} row ${rowNumber} (after the header): ${detail}.`);
}
