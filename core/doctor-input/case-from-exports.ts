import { basename } from 'node:path';
import type { MockState } from '../../mock-accounting/index.js';
import type { FocusState } from '../focus/state.js';
import type { CaseFile } from '../world/case-file.js';
import { WorldSnapshotSchema } from '../world/snapshot.js';
import { accountingFromExports } from './accounting-from-exports.js';
import { documentFinder } from './document-finder.js';
import { readExactEntries } from './exact-entries.js';
import { readFocusOverview, type FocusOverviewRow } from './focus-overview.js';
import { focusFromOverviews, type IntegrationInput } from './focus-from-overviews.js';
import { readNextNumbers } from './next-numbers.js';
import { problemOf, type InputResult } from './problems.js';

/** Support's exports: Focus's overviews, Exact's entries and next booking numbers, and the integration's settings. */
export interface ExportsInput extends IntegrationInput {
  /** Focus's invoice overview (CSV). */
  invoices?: string;
  /** Focus's credit note overview (CSV). */
  creditNotes?: string;
  /** Exact's journal entries (CSV). */
  entries: string;
  /** Each journal's next booking number: `70=1006,71=8002`, or a CSV file. */
  nextNumbers: string;
  /** The moment the case is read at (epoch ms): the clock of the world it loads into. */
  now: number;
  title?: string;
}

/** Reads Focus's overview files (either may be absent) into rows. */
export async function readOverviews(input: Pick<ExportsInput, 'invoices' | 'creditNotes'>): Promise<InputResult<FocusOverviewRow[]>> {
  const rows: FocusOverviewRow[] = [];
  for (const [path, kind] of [
    [input.invoices, 'invoice'],
    [input.creditNotes, 'credit_note'],
  ] as const) {
    if (path === undefined) continue;
    const read = await readFocusOverview(path, kind);
    if (!read.ok) return read;
    rows.push(...read.value);
  }
  return { ok: true, value: rows };
}

/**
 * Reads support's CSV exports into a booklab case: the first malformed file is refused with its file, line and
 * column, and nothing is written. The files are only read.
 */
export async function caseFromExports(input: ExportsInput): Promise<InputResult<CaseFile>> {
  const rows = await readOverviews(input);
  if (!rows.ok) return rows;
  const entries = await readExactEntries(input.entries);
  if (!entries.ok) return entries;
  const nextNumbers = await readNextNumbers(input.nextNumbers);
  if (!nextNumbers.ok) return nextNumbers;
  const years = [input.startDate, ...rows.value.map((r) => r.date), ...entries.value.map((e) => e.date)].map((d) => Number(d.slice(0, 4)));
  const accounting = accountingFromExports({
    now: input.now,
    division: input.division,
    entries: entries.value,
    nextNumbers: nextNumbers.value,
    invoiceJournal: input.invoiceJournal,
    creditNoteJournal: input.creditNoteJournal,
    documentOf: documentFinder(rows.value, input),
    firstYear: Math.min(...years),
  });
  if (!accounting.ok) return accounting;
  const focus = focusFromOverviews(rows.value, input, accounting.value, input.now);
  if (!focus.ok) return focus;
  const sources = [
    input.invoices,
    input.creditNotes,
    input.entries,
    input.nextNumbers.includes('=') ? undefined : input.nextNumbers,
  ].filter((s): s is string => s !== undefined);
  const title = input.title ?? `Exports ${sources.map((s) => basename(s)).join(', ')}`;
  return caseFileOf(input.now, focus.value, accounting.value, title, `Read from ${sources.join(', ')}.`);
}

/** A case file around two sides, validated as loadCaseFile validates it (an API may answer what no case holds). */
export function caseFileOf(now: number, focus: FocusState, accounting: MockState, title: string, notes: string): InputResult<CaseFile> {
  const snapshot = WorldSnapshotSchema.safeParse({ version: 1, clock: now, focus, accounting });
  if (!snapshot.success) {
    const issue = snapshot.error.issues[0];
    return problemOf(
      'bad-case-file',
      `The data read does not make a valid case (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}). Check the input it came from.`,
    );
  }
  return {
    ok: true,
    value: {
      format: 'booklab-case',
      version: 1,
      title,
      notes,
      savedAt: new Date(now).toISOString(),
      accountingOptions: {},
      snapshot: snapshot.data,
    },
  };
}
