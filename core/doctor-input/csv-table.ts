import { CsvError, parse } from 'csv-parse/sync';
import { problemAt, type InputResult } from './problems.js';

/** A column of an export: the key the reader uses and the header names it is known by (English first, then Dutch). */
export interface ColumnSpec<K extends string> {
  key: K;
  required: boolean;
  names: readonly string[];
}

/** A cell with where it stands, so a bad value is reported with its line and column. */
export interface Cell {
  text: string;
  file: string;
  line: number;
  column: number;
}

/** A data row: its first line in the file and its cells by column key (absent when the file has no such column). */
export interface TableRow<K extends string> {
  line: number;
  cells: Partial<Record<K, Cell>>;
}

/** The delimiters an export may use; the one the header line uses most is taken. */
const DELIMITERS = [',', ';', '\t'] as const;

/**
 * Reads a CSV export into rows keyed by column. Strips a BOM, detects `,`, `;` or tab from the header line,
 * recognises the header names of `columns` in any case and without dots, and refuses a malformed file (an
 * unclosed quote, a row with the wrong number of fields, a missing column) with its line and column.
 * Columns the reader does not know are ignored, unless a required one is missing: then the first unknown
 * header is named, as it is most likely the misspelt one.
 */
export function readCsvTable<K extends string>(
  text: string,
  file: string,
  what: string,
  columns: readonly ColumnSpec<K>[],
): InputResult<TableRow<K>[]> {
  const content = text.replace(/^\uFEFF/, '');
  if (content.trim() === '')
    return problemAt(
      'empty-file',
      { file, line: 1, column: 1 },
      `The ${what} file is empty. Export the overview again with its header row.`,
    );
  const delimiter = detectDelimiter(content);
  let records: Array<{ record: string[]; info: { lines: number; empty_lines: number } }>;
  try {
    records = parse(content, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: false,
    }) as unknown as typeof records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const { lines, column } = error as CsvError & { lines?: number; column?: number | string };
    const place = { file, line: lines ?? 1, column: typeof column === 'number' ? column + 1 : 1 };
    return problemAt(
      'malformed-csv',
      place,
      `The ${what} file is not valid CSV: ${error.message}. Check the quotes around this field, or export the file again.`,
    );
  }
  const lined = withStartLines(records);
  const [header, ...rows] = lined;
  const mapped = mapHeader(header!, file, what, columns);
  if (!mapped.ok) return mapped;
  const result: TableRow<K>[] = [];
  for (const { record, line } of rows) {
    if (record.every((cell) => cell.trim() === '')) continue;
    if (record.length !== header!.record.length) {
      const column = Math.min(record.length, header!.record.length) + 1;
      return problemAt(
        'field-count',
        { file, line, column },
        `This row has ${record.length} fields but the header has ${header!.record.length} (delimiter "${delimiter === '\t' ? 'tab' : delimiter}"). ` +
          `A value with the delimiter in it (a decimal comma in a comma-separated file) must stand in double quotes.`,
      );
    }
    const cells: Partial<Record<K, Cell>> = {};
    for (const [key, index] of mapped.value) cells[key] = { text: record[index]!.trim(), file, line, column: index + 1 };
    result.push({ line, cells });
  }
  return { ok: true, value: result };
}

/** Normalises a header name: lower case, no accents, dots or colons, single spaces. */
export function headerKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.:]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The delimiter the first line uses most, outside double quotes; a comma when it has none. */
function detectDelimiter(content: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of content) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

/** Each record with the line it starts on: one after the previous record's last line and any empty lines between. */
function withStartLines(records: Array<{ record: string[]; info: { lines: number; empty_lines: number } }>) {
  let previousEnd = 0;
  let previousEmpty = 0;
  return records.map(({ record, info }) => {
    const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
    [previousEnd, previousEmpty] = [info.lines, info.empty_lines];
    return { record, line };
  });
}

/** Maps the header's columns to keys, or names the header problem: a duplicate, or a required column missing. */
function mapHeader<K extends string>(
  header: { record: string[]; line: number },
  file: string,
  what: string,
  columns: readonly ColumnSpec<K>[],
): InputResult<Map<K, number>> {
  const byName = new Map(columns.flatMap((spec) => spec.names.map((name) => [headerKey(name), spec] as const)));
  const found = new Map<K, number>();
  const unknown: number[] = [];
  for (const [index, name] of header.record.entries()) {
    const spec = byName.get(headerKey(name));
    const place = { file, line: header.line, column: index + 1 };
    if (!spec) unknown.push(index);
    else if (found.has(spec.key)) {
      return problemAt(
        'duplicate-header',
        place,
        `The column "${name.trim()}" appears twice in the ${what} header (as column ${found.get(spec.key)! + 1} too). Remove one of them.`,
      );
    } else found.set(spec.key, index);
  }
  const missing = columns.filter((spec) => spec.required && !found.has(spec.key));
  if (missing.length === 0) return { ok: true, value: found };
  const wanted = missing.map((spec) => `"${spec.names.join('" / "')}"`).join(', ');
  const first = unknown[0];
  if (first !== undefined) {
    return problemAt(
      'unknown-header',
      { file, line: header.line, column: first + 1 },
      `"${header.record[first]!.trim()}" is not a column of the ${what}, and the file lacks ${wanted}. Rename the column to one of those names (see docs/doctor-inputs.md).`,
    );
  }
  return problemAt(
    'missing-column',
    { file, line: header.line, column: header.record.length + 1 },
    `The ${what} has no column ${wanted}. Add it to the export (see docs/doctor-inputs.md).`,
  );
}
