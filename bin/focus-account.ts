import {
  createDemoExportAccount,
  DEFAULT_WORLD_START,
  Focus,
  readCaseFile,
  writeCaseFile,
  type CaseFile,
  type FocusProblem,
} from '../core/index.js';
import { createClock } from '../mock-accounting/index.js';
import type { Result } from '../primitives/index.js';

// The Focus side of a saved case, opened for the commands that work on the one-way export (article 004)
// and saved back into the same file, so the next command continues where this one left off.

/** The Focus to work on and the case file it came from (null for the demo account); or why it cannot be opened. */
export type Account = Result<{ focus: Focus; caseFile: CaseFile | null }, FocusProblem>;

/** Opens the Focus of a case file on its saved clock, or the demo export account when no path is given. */
export async function openAccount(path: string | undefined): Promise<Account> {
  if (!path)
    return {
      ok: true,
      value: { focus: createDemoExportAccount(createClock({ start: DEFAULT_WORLD_START, frozen: true })), caseFile: null },
    };
  const read = await readCaseFile(path);
  if (!read.ok) return read;
  const { snapshot } = read.value;
  const focus = new Focus(createClock({ start: new Date(snapshot.clock).toISOString(), frozen: true }), snapshot.focus);
  return { ok: true, value: { focus, caseFile: read.value } };
}

/** Writes the Focus state back into the case file; the accounting side and the clock stay as they were saved. */
export async function saveFocus(path: string, caseFile: CaseFile, focus: Focus): Promise<void> {
  await writeCaseFile(path, { ...caseFile, snapshot: { ...caseFile.snapshot, focus: focus.snapshot() } });
}
