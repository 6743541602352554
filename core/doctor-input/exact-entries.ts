import { badAmount, badCell, badDate } from './cell-problems.js';
import { EXACT_ENTRY_COLUMNS } from './columns.js';
import { readCsvTable, type Cell } from './csv-table.js';
import type { InputResult } from './problems.js';
import { readTextFile } from './read-text-file.js';
import { parseAmountCents, parseDay, parseDocumentNumber, parsePositiveWhole } from './values.js';

/** A journal entry (booking) as Exact lists it. */
export interface ExactEntryRow {
  journal: string;
  entryNumber: number;
  date: string;
  /** "Your ref.": the Focus document number the integration posted, or null when empty. */
  yourRef: string | null;
  /** The total incl. VAT in cents; negative for a credit note. */
  amountCents: number;
  customer: string | null;
  description: string | null;
  /** What is still open, when the export has the column. */
  outstandingCents: number | null;
  /** The journal cell, for a problem about the journal. */
  journalCell: Cell;
}

const WHAT = 'Exact journal entries';

/** Reads Exact's journal entries export from a file. */
export async function readExactEntries(path: string): Promise<InputResult<ExactEntryRow[]>> {
  const text = await readTextFile(path, WHAT);
  return text.ok ? parseExactEntries(text.value, path) : text;
}

/** Parses Exact's journal entries; a bad value, or a number used twice in one journal, is refused at its line and column. */
export function parseExactEntries(text: string, file: string): InputResult<ExactEntryRow[]> {
  const table = readCsvTable(text, file, WHAT, EXACT_ENTRY_COLUMNS);
  if (!table.ok) return table;
  const rows: ExactEntryRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of table.value) {
    const journalCell = cells.journal!;
    if (journalCell.text === '')
      return badCell('unknown-journal', journalCell, 'The journal is empty. Every entry stands in a journal (e.g. 70).');
    const entryNumber = parsePositiveWhole(cells.entryNumber!.text);
    if (entryNumber === null)
      return badCell(
        'bad-number',
        cells.entryNumber!,
        `"${cells.entryNumber!.text}" is not an entry number: Exact numbers entries with whole numbers (e.g. 1005).`,
      );
    const key = `${journalCell.text}|${entryNumber}`;
    if (seen.has(key)) {
      return badCell(
        'duplicate-entry',
        cells.entryNumber!,
        `Entry ${entryNumber} of journal ${journalCell.text} is listed twice (also on line ${seen.get(key)}). Exact keeps one entry per number in a journal: export the entries again.`,
      );
    }
    seen.set(key, line);
    const date = parseDay(cells.date!.text);
    if (!date) return badCell('bad-date', cells.date!, badDate(cells.date!.text));
    const amount = parseAmountCents(cells.amount!.text);
    if (amount === null) return badCell('bad-amount', cells.amount!, badAmount(cells.amount!.text));
    const outstandingText = cells.outstanding?.text ?? '';
    const outstanding = outstandingText === '' ? null : parseAmountCents(outstandingText);
    if (outstandingText !== '' && outstanding === null) return badCell('bad-amount', cells.outstanding!, badAmount(outstandingText));
    const ref = cells.yourRef!.text;
    const asNumber = parseDocumentNumber(ref);
    rows.push({
      journal: journalCell.text,
      entryNumber,
      date,
      yourRef: ref === '' ? null : asNumber ? `${asNumber.fiscalYear}/${asNumber.sequence}` : ref,
      amountCents: amount,
      customer: cells.customer?.text || null,
      description: cells.description?.text || null,
      outstandingCents: outstanding,
      journalCell,
    });
  }
  return { ok: true, value: rows };
}
