import { changeCountOf, type Store } from '../store/index.js';
import type { OrderedItems } from '../odata/query.js';

/**
 * The filtered, ordered items of recent list queries, each kept until the store changes: a list asked again (the
 * next page, the same filter or ordering from another client) is cut from it instead of filtered and sorted anew.
 */
export class ListCache {
  private readonly changes: { readonly count: number };
  private readonly entries = new Map<string, { at: number; ordered: OrderedItems<unknown> }>();

  constructor(
    store: Store,
    private readonly capacity = 64,
  ) {
    this.changes = changeCountOf(store);
  }

  /** The ordered items of the query named `key`: kept ones while the store is unchanged, else `order()`'s. */
  ordered(key: string, order: () => OrderedItems<unknown>): OrderedItems<unknown> {
    const at = this.changes.count;
    const kept = this.entries.get(key);
    if (kept && kept.at === at) return kept.ordered;
    const ordered = order();
    // A map keeps insertion order: the entry put back last is the newest, the first one the one to drop.
    this.entries.delete(key);
    this.entries.set(key, { at, ordered });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return ordered;
  }
}
