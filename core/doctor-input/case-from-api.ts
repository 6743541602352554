import { readCaseFile, type CaseFile } from '../world/case-file.js';
import { signInFocusApp } from './accounting-base.js';
import { accountingFromApi } from './accounting-from-api.js';
import { caseFileOf, readOverviews } from './case-from-exports.js';
import { openExactApi, type ExactApiAccess } from './exact-api-session.js';
import { focusFromOverviews } from './focus-from-overviews.js';
import { readNextNumbers } from './next-numbers.js';
import { problemOf, type InputResult } from './problems.js';

/** Where the Focus side comes from when the accounting side is read from an API. */
export type FocusSource =
  { case: string } | { invoices?: string; creditNotes?: string; startDate: string; invoiceJournal: string; creditNoteJournal: string };

/** A running Exact-compatible API for the accounting side, with the Focus side from a case file or Focus's overviews. */
export interface ApiInput extends ExactApiAccess {
  focus: FocusSource;
  /** Each journal's next booking number (`70=1006,71=8002` or a CSV file); from booklab's back office when absent. */
  nextNumbers?: string;
  /** The moment the case is read at (epoch ms). */
  now: number;
  title?: string;
}

/** Reads a booklab case file as a doctor input; a bad file is refused as a problem. */
export async function caseFromCaseFile(path: string): Promise<InputResult<CaseFile>> {
  const read = await readCaseFile(path);
  return read.ok ? read : problemOf(read.problem.code === 'invalid' ? 'bad-case-file' : 'unreadable-file', read.problem.message, path);
}

/**
 * Reads the accounting side from a running API (through ExactClient: OAuth, paging, rate limits) and the Focus side
 * from a case file or the overviews, into one case. Nothing is written to the API: it is only read.
 */
export async function caseFromApi(input: ApiInput): Promise<InputResult<CaseFile>> {
  const nextNumbers = input.nextNumbers === undefined ? undefined : await readNextNumbers(input.nextNumbers);
  if (nextNumbers && !nextNumbers.ok) return nextNumbers;
  const source = input.focus;
  const fromCase = 'case' in source ? await caseFromCaseFile(source.case) : undefined;
  if (fromCase && !fromCase.ok) return fromCase;
  const rows = 'case' in source ? undefined : await readOverviews(source);
  if (rows && !rows.ok) return rows;
  const caseDivision = fromCase?.value.snapshot.focus.integration?.settings.division;
  const session = await openExactApi({ ...input, division: input.division ?? caseDivision });
  if (!session.ok) return session;
  const { division } = session.value;
  if (caseDivision !== undefined && caseDivision !== division) {
    return problemOf(
      'usage',
      `The case's integration works in division ${caseDivision}, but --division is ${division}: the doctor would compare two administrations. Give --division ${caseDivision}, or a case of division ${division}.`,
    );
  }
  const settings = fromCase ? fromCase.value.snapshot.focus.integration?.settings : (source as Exclude<FocusSource, { case: string }>);
  const journals = settings ? [settings.invoiceJournal, settings.creditNoteJournal] : [];
  const accounting = await accountingFromApi(session.value, input.url, input.now, journals, nextNumbers?.value);
  if (!accounting.ok) return accounting;
  const title = input.title ?? `Case read from ${input.url}, division ${division}`;
  if (fromCase) {
    const read = fromCase.value;
    const focus = structuredClone(read.snapshot.focus);
    if (focus.integration?.tokens) focus.integration.tokens = signInFocusApp(accounting.value, input.now);
    const caseFile = caseFileOf(
      input.now,
      focus,
      accounting.value,
      title,
      `Focus from ${(source as { case: string }).case}; accounting read from ${input.url}.`,
    );
    return caseFile.ok ? { ok: true, value: { ...caseFile.value, accountingOptions: read.accountingOptions } } : caseFile;
  }
  const focusSource = source as Exclude<FocusSource, { case: string }>;
  const focus = focusFromOverviews(rows!.value, { ...focusSource, division }, accounting.value, input.now);
  if (!focus.ok) return focus;
  return caseFileOf(
    input.now,
    focus.value,
    accounting.value,
    title,
    `Focus from ${[focusSource.invoices, focusSource.creditNotes].filter(Boolean).join(', ')}; accounting read from ${input.url}.`,
  );
}
