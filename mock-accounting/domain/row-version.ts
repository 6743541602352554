import type { SalesEntry, SalesEntryLine, Transaction } from '../store/index.js';

/**
 * Gives a changed booking fresh row versions: one for the header and one per line number up to the highest
 * (line numbers keep gaps after a line is deleted), so that each row of sync/Financial/TransactionLines
 * (Timestamp = header + LineNumber) has its own Timestamp key.
 */
export function touchEntry(tx: Transaction, entry: SalesEntry): SalesEntry {
  return { ...entry, timestamp: tx.next('rowVersion', highestLineNumber(entry.lines) + 1) };
}

/** The highest line number of a booking (0 without lines); numbers keep gaps, so it may exceed the line count. */
export function highestLineNumber(lines: readonly SalesEntryLine[]): number {
  return Math.max(0, ...lines.map((l) => l.lineNumber));
}
