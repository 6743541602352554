import type { Clock } from '../../primitives/index.js';
import type { Store } from '../store/index.js';
import type { NumberingPolicy } from './booking-numbers.js';
import { DivisionIndex } from './division-index.js';
import { EntryNumberIndex } from './entry-number-index.js';

/** When deleting a booking is refused. */
export interface DeletionRules {
  /** Refuse deleting a booking in a closed period ("Period is closed"). */
  refuseInClosedPeriod: boolean;
  /** Refuse deleting a booking that has payments (matched). */
  refuseWhenPaid: boolean;
}

/** Everything the accounting rules need: the state, the clock and the configurable behaviour. */
export interface Ledger {
  store: Store;
  clock: Clock;
  numbering: NumberingPolicy;
  deletion: DeletionRules;
  entryNumbers: EntryNumberIndex;
  divisions: DivisionIndex;
}

/**
 * Binds the accounting rules to a store. Each index is built from the state when first used (the store keeps it
 * from then on): a dashboard opening a case of 10,000 bookings draws its first frame from the divisions' index
 * without waiting for the entry numbers' one, which only a write or a booking looked up by number needs.
 */
export function createLedger(store: Store, clock: Clock, numbering: NumberingPolicy, deletion: DeletionRules): Ledger {
  return {
    store,
    clock,
    numbering,
    deletion,
    get entryNumbers() {
      return store.index('entry-numbers', () => new EntryNumberIndex());
    },
    get divisions() {
      return store.index('divisions', () => new DivisionIndex());
    },
  };
}
