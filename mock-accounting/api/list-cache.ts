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
  private readonly entries = new Map<string, { at: number; ordered: OrderedItems<unknown> }>();
  private readonly replies = new Map<string, { at: number; reply: Reply }>();

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

  /** The answer to the request named `key`: a kept one while the store is unchanged, else `answer()`'s, kept unless a problem. */
  reply(key: string, answer: () => Reply): Reply {
    const at = this.changes.count;
    const kept = this.replies.get(key);
    if (kept && kept.at === at) return kept.reply;
    const reply = answer();
    this.replies.delete(key);
    if (reply.kind === 'problem') return reply;
    this.replies.set(key, { at, reply });
    if (this.replies.size > this.capacity) this.replies.delete(this.replies.keys().next().value!);
    return reply;
  }
}
