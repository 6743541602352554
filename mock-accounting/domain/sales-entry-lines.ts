import type { SalesEntry, SalesEntryLine, Transaction } from '../store/index.js';
import type { Ledger } from './ledger.js';
import { closedPeriodProblem, lockedInClosedPeriod } from './flavours.js';
import { combineProblems, type AccountingProblem } from './problems.js';
import { fail, ok, type Result } from './result.js';
import { periodOfEntry } from './lookups.js';
import { highestLineNumber } from './row-version.js';
import {
  buildLine,
  buildLines,
  deleteSalesEntry,
  recordDeletedTransactionLine,
  withTotals,
  type SalesEntryLineInput,
} from './sales-entries.js';

// Changing the lines of a booking that exists: adding one, removing one, replacing them all.

/** Adds a line to an existing booking (POST salesentry/SalesEntryLines with an EntryID); refused in a closed period, like any change. */
export function addSalesEntryLine(tx: Transaction, ledger: Ledger, entry: SalesEntry, input: SalesEntryLineInput): Result<SalesEntryLine> {
  if (periodOfEntry(tx.state, entry)?.closed) return fail(closedPeriodProblem(tx.state, entry.division, entry.entryDate));
  const problems: AccountingProblem[] = [];
  const line = buildLine(tx, entry.division, input, highestLineNumber(entry.lines) + 1, problems);
  const problem = combineProblems(problems);
  if (problem || !line) return fail(problem ?? { code: 'mandatory', fields: ['glAccount'] });
  const lines = [...entry.lines, line];
  tx.put('salesEntries', entry.id, withTotals(tx, ledger, entry, lines));
  return ok(line);
}

/**
 * Removes a line (recorded in sync/Deleted) under the same deletion rules as a booking; removing the last
 * line deletes the whole booking, as in Exact.
 */
export function deleteSalesEntryLine(
  tx: Transaction,
  ledger: Ledger,
  entry: SalesEntry,
  lineId: string,
  deletedBy: string,
): Result<SalesEntry> {
  const lines = entry.lines.filter((l) => l.id !== lineId);
  if (lines.length === 0) return deleteSalesEntry(tx, ledger, entry, deletedBy);
  if (ledger.deletion.refuseInClosedPeriod && periodOfEntry(tx.state, entry)?.closed)
    return fail(lockedInClosedPeriod(tx.state, entry.division));
  const updated = withTotals(tx, ledger, entry, lines);
  tx.put('salesEntries', entry.id, updated);
  recordDeletedTransactionLine(tx, ledger, entry.division, lineId, deletedBy);
  return ok(updated);
}

/**
 * Replaces a booking's lines, keeping its number: what a person does when editing an invoice in the
 * bookkeeping tool by hand (R11 says edits made in Focus must be made there). Refused in a closed period.
 */
export function replaceSalesEntryLines(
  tx: Transaction,
  ledger: Ledger,
  entry: SalesEntry,
  inputs: SalesEntryLineInput[],
  deletedBy: string,
): Result<SalesEntry> {
  if (periodOfEntry(tx.state, entry)?.closed) return fail(closedPeriodProblem(tx.state, entry.division, entry.entryDate));
  if (inputs.length === 0) return fail({ code: 'mandatory', fields: ['lines'] });
  const problems: AccountingProblem[] = [];
  const lines = buildLines(tx, entry.division, inputs, problems);
  const problem = combineProblems(problems);
  if (problem) return fail(problem);
  for (const line of entry.lines) recordDeletedTransactionLine(tx, ledger, entry.division, line.id, deletedBy);
  const updated = withTotals(tx, ledger, entry, lines);
  tx.put('salesEntries', entry.id, updated);
  return ok(updated);
}
