import type { Store, StoreIndex } from './store-api.js';

/** Counts the store's changes (a rolled-back one and a whole new state too): equal counts mean an unchanged state. */
class ChangeCount implements StoreIndex {
  count = 0;

  rebuild(): void {
    this.count += 1;
  }

  change(): void {
    this.count += 1;
  }
}

/**
 * The store's change counter, one per store whoever asks: a value computed from the state (a cached list, a reading of
 * the accounting side) holds while its count has not moved.
 */
export function changeCountOf(store: Store): { readonly count: number } {
  return store.index('change-count', () => new ChangeCount());
}
