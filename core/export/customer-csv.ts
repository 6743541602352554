import { CsvError, parse } from 'csv-parse/sync';
import { done, problems, refuse, type FocusResult } from '../focus/problems.js';
import { withoutAccents } from './without-accents.js';

// Reads the customer list an accounting package exports (R18): a header row, one customer per line,
// comma- or semicolon-separated (Belgian and Dutch packages write `;`).

/** One customer of the package's list, with the file line it came from. */
export interface CustomerRow {
  line: number;
  externalId: string;
  name: string;
  vatNumber: string | null;
  country: string | null;
  email: string | null;
}

type Field = Exclude<keyof CustomerRow, 'line'>;

/** Header names per field, lower case without accents, spaces or punctuation (English, Dutch and French exports). */
const HEADERS: Record<Field, readonly string[]> = {
  externalId: [
    'externalid',
    'number',
    'code',
    'id',
    'customernumber',
    'customercode',
    'accountnumber',
    'relationnumber',
    'nummer',
    'klantnummer',
    'relatiecode',
    'numero',
  ],
  name: ['name', 'company', 'companyname', 'customer', 'customername', 'naam', 'bedrijf', 'bedrijfsnaam', 'nom', 'societe'],
  vatNumber: ['vatnumber', 'vat', 'vatno', 'vatid', 'taxnumber', 'btwnummer', 'btw', 'ondernemingsnummer', 'tva', 'ntva', 'numerotva'],
  country: ['country', 'countrycode', 'land', 'pays'],
  email: ['email', 'emailaddress', 'mail', 'emailadres'],
};

/**
 * Parses the package's customer list. Anything that stops the import — a broken line, a missing column, a row
 * without external ID or name, an external ID twice — is refused with its line number, before anything changes.
 */
export function readCustomerCsv(text: string): FocusResult<CustomerRow[]> {
  const firstLine = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .find((line) => line.trim() !== '');
  if (firstLine === undefined) return refuse(problems.invalidCsv(1, 'the file is empty'));
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info: true` each record comes with its line number; csv-parse's types do not model that option.
    records = parse(text, {
      delimiter: detectDelimiter(firstLine),
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    // Only bugs throw: anything but a CsvError is one.
    if (!(error instanceof CsvError)) throw error;
    return refuse(problems.invalidCsv(typeof error.lines === 'number' && error.lines > 0 ? error.lines : 1, csvErrorDetail(error)));
  }
  const [header, ...body] = records.filter(({ record }) => record.some((cell) => cell !== ''));
  if (!header) return refuse(problems.invalidCsv(1, 'the file is empty'));
  const columns = columnsOf(header.record);
  for (const field of ['externalId', 'name'] as const) {
    if (columns[field] === undefined) {
      const expected = field === 'externalId' ? '"External ID", "Number" or "Code"' : '"Name" or "Company"';
      return refuse(
        problems.invalidCsv(
          header.info.lines,
          `there is no ${field === 'externalId' ? 'external ID' : 'name'} column (name the header ${expected})`,
        ),
      );
    }
  }
  if (body.length === 0) return refuse(problems.invalidCsv(header.info.lines + 1, 'there are no customers under the header row'));
  const rows: CustomerRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { record, info } of body) {
    const cell = (field: Field) => (columns[field] === undefined ? '' : (record[columns[field]] ?? ''));
    const row: CustomerRow = {
      line: info.lines,
      externalId: cell('externalId'),
      name: cell('name'),
      vatNumber: cell('vatNumber') || null,
      country: cell('country').toUpperCase() || null,
      email: cell('email') || null,
    };
    if (!row.externalId) return refuse(problems.invalidCsv(row.line, `${row.name ? `"${row.name}"` : 'the customer'} has no external ID`));
    if (!row.name) return refuse(problems.invalidCsv(row.line, `external ID ${row.externalId} has no name`));
    const earlier = firstLineOf.get(row.externalId);
    if (earlier !== undefined)
      return refuse(problems.invalidCsv(row.line, `external ID ${row.externalId} appears again (first on line ${earlier})`));
    firstLineOf.set(row.externalId, row.line);
    rows.push(row);
  }
  return done(rows);
}

/** The delimiter the header row uses most: `;` or `,`. */
function detectDelimiter(headerLine: string): ';' | ',' {
  const outsideQuotes = headerLine.replace(/"[^"]*"/g, '');
  return count(outsideQuotes, ';') > count(outsideQuotes, ',') ? ';' : ',';
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** Column index per field; the first matching header wins. */
function columnsOf(header: string[]): Partial<Record<Field, number>> {
  const columns: Partial<Record<Field, number>> = {};
  header.forEach((title, index) => {
    const key = withoutAccents(title)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
    for (const field of Object.keys(HEADERS) as Field[]) {
      if (columns[field] === undefined && HEADERS[field].includes(key)) columns[field] = index;
    }
  });
  return columns;
}

/** csv-parse's errors in the user's words. */
function csvErrorDetail(error: CsvError): string {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return 'a quote (") is opened but never closed';
  if (error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
    const fields = Array.isArray(error.record) ? error.record.length : 'another number of';
    return `it has ${fields} fields, not as many as the header row (a separator inside a name needs quotes around the name)`;
  }
  if (error.code === 'CSV_INVALID_CLOSING_QUOTE') return 'a quote (") inside a field is not doubled ("")';
  return error.message;
}
