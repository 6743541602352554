import type { SalesEntry, Transaction } from '../store/index.js';

/**
 * Gives a changed booking fresh row versions: one for the header and one per line number up to the highest
 * (line numbers keep gaps after a line is deleted), so that each row of sync/Financial/TransactionLines
 * (Timestamp = header + LineNumber) has its own Timestamp key.
 */
export function touchEntry(tx: Transaction, entry: SalesEntry): SalesEntry {
  const highestLine = Math.max(0, ...entry.lines.map((l) => l.lineNumber));
  return { ...entry, timestamp: tx.next('rowVersion', highestLine + 1) };
}
