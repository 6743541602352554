import type { SalesEntry, Transaction } from '../store/index.js';

/**
 * Gives a changed booking fresh row versions: one for the header and one per line, so that each
 * row of sync/Financial/TransactionLines has its own Timestamp key.
 */
export function touchEntry(tx: Transaction, entry: SalesEntry): SalesEntry {
  return { ...entry, timestamp: tx.next('rowVersion', entry.lines.length + 1) };
}
