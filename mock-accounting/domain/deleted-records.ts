import type { Transaction } from '../store/index.js';
import { nextGuid } from './ids.js';
import type { Ledger } from './ledger.js';

/** What sync/Deleted says was deleted: EntityType 1 a transaction line (a booking or its line), 2 an account. */
export interface Deletion {
  division: number;
  entityKey: string;
  entityType: 1 | 2;
  deletedBy: string;
}

/** Writes a sync/Deleted row for a deleted booking, line or account. */
export function recordDeletion(tx: Transaction, ledger: Ledger, deletion: Deletion): void {
  const id = nextGuid(tx);
  tx.put('deleted', id, { id, ...deletion, deletedDate: ledger.clock.now(), timestamp: tx.next('rowVersion') });
}
