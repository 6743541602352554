import { changeCountOf, type Store } from '../store/index.js';
import type { OrderedItems } from '../odata/query.js';
import type { Reply } from './respond.js';

/**
 * The filtered, ordered items of recent list queries, and the answers to recent list requests, each kept until the
 * store changes: a list asked again (the next page, the same filter or ordering from another client) is cut from its
 * items instead of filtered and sorted anew, and the same request asked again gets the same bytes instead of its page
 * joined again (joining a 60-row page was a quarter of a list request's CPU).
 */
export class ListCache {
  private readonly changes: { readonly count: number };
  private readonly orders = new Map<string, { at: number; value: OrderedItems<unknown> }>();
  private readonly replies = new Map<string, { at: number; value: Reply }>();

  constructor(
    store: Store,
    private readonly capacity = 64,
  ) {
    this.changes = changeCountOf(store);
  }

  /** The ordered items of the query named `key`: kept ones while the store is unchanged, else `order()`'s. */
  ordered(key: string, order: () => OrderedItems<unknown>): OrderedItems<unknown> {
    return this.kept(this.orders, key, order, () => true);
  }

  /** The answer to the request named `key`: a kept one while the store is unchanged, else `answer()`'s, kept unless a problem. */
  reply(key: string, answer: () => Reply): Reply {
    return this.kept(this.replies, key, answer, (reply) => reply.kind !== 'problem');
  }

  /** `entries`' value for `key` while the store is unchanged; else `make()`'s, kept when `keep` says so (the newest kept last). */
  private kept<T>(entries: Map<string, { at: number; value: T }>, key: string, make: () => T, keep: (value: T) => boolean): T {
    const at = this.changes.count;
    const found = entries.get(key);
    if (found && found.at === at) return found.value;
    const value = make();
    // A map keeps insertion order: the entry put back last is the newest, the first one the one to drop.
    entries.delete(key);
    if (!keep(value)) return value;
    entries.set(key, { at, value });
    if (entries.size > this.capacity) entries.delete(entries.keys().next().value!);
    return value;
  }
}
