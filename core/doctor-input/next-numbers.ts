import { badCell } from './cell-problems.js';
import { NEXT_NUMBER_COLUMNS } from './columns.js';
import { readCsvTable } from './csv-table.js';
import { problemOf, type InputResult } from './problems.js';
import { readTextFile } from './read-text-file.js';
import { parsePositiveWhole } from './values.js';

/** A journal of the administration with its master-data next booking number (R8). */
export interface JournalNextNumber {
  journal: string;
  nextNumber: number;
  description: string | null;
}

const WHAT = 'Exact next booking numbers';

/**
 * Reads each journal's next booking number: inline as `70=1006,71=8002` (a value with `=`), or from a CSV file
 * with the columns Journal/Dagboek and Next booking number/Volgend boekstuknummer.
 */
export async function readNextNumbers(value: string): Promise<InputResult<JournalNextNumber[]>> {
  if (value.includes('=')) return parseInlineNextNumbers(value);
  const text = await readTextFile(value, WHAT);
  return text.ok ? parseNextNumbers(text.value, value) : text;
}

/** Parses `70=1006,71=8002` (also `;` between the pairs). */
export function parseInlineNextNumbers(value: string): InputResult<JournalNextNumber[]> {
  const result: JournalNextNumber[] = [];
  for (const pair of value
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [journal = '', number = '', ...rest] = pair.split('=').map((p) => p.trim());
    const nextNumber = parsePositiveWhole(number);
    if (!journal || nextNumber === null || rest.length > 0) {
      return problemOf(
        'usage',
        `--next-numbers: "${pair}" is not JOURNAL=NUMBER. Write each journal's next booking number, e.g. --next-numbers 70=1006,71=8002.`,
      );
    }
    if (result.some((r) => r.journal === journal))
      return problemOf('usage', `--next-numbers names journal ${journal} twice. Give each journal once.`);
    result.push({ journal, nextNumber, description: null });
  }
  if (result.length === 0)
    return problemOf('usage', "--next-numbers is empty. Give each journal's next booking number, e.g. --next-numbers 70=1006,71=8002.");
  return { ok: true, value: result };
}

/** Parses the next booking numbers CSV; a bad number or a journal listed twice is refused at its line and column. */
export function parseNextNumbers(text: string, file: string): InputResult<JournalNextNumber[]> {
  const table = readCsvTable(text, file, WHAT, NEXT_NUMBER_COLUMNS);
  if (!table.ok) return table;
  const result: JournalNextNumber[] = [];
  for (const { cells } of table.value) {
    const journal = cells.journal!.text;
    if (journal === '') return badCell('unknown-journal', cells.journal!, 'The journal is empty. Name the journal (e.g. 70).');
    if (result.some((r) => r.journal === journal))
      return badCell(
        'duplicate-entry',
        cells.journal!,
        `Journal ${journal} is listed twice. Give each journal's next booking number once.`,
      );
    const nextNumber = parsePositiveWhole(cells.nextNumber!.text);
    if (nextNumber === null)
      return badCell(
        'bad-number',
        cells.nextNumber!,
        `"${cells.nextNumber!.text}" is not a booking number: write the journal's next booking number as a whole number (e.g. 1006).`,
      );
    result.push({ journal, nextNumber, description: cells.description?.text || null });
  }
  return { ok: true, value: result };
}
