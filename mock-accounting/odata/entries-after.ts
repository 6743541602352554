import type { EdmType } from './edm.js';
import { compareKeys, normalizeKey, type KeyValue } from './keys.js';

/** The keys of ordered entries as they compare, and whether they already stand in that order. */
interface NormalizedKeys {
  types: string;
  keys: KeyValue[];
  ascending: boolean;
}

const cache = new WeakMap<object, NormalizedKeys>();

/** Entries from an index on: `entries.slice(from)` without copying the rest of a long list for every page. */
export interface EntriesFrom<E> {
  entries: readonly E[];
  from: number;
}

/**
 * The entries whose normalized key comes after `token`, in their order: what a `__next` walk by key asks for each
 * page. The keys are normalized once per ordered list (which the list cache keeps across pages), and when they stand
 * in ascending order, as lists ordered by key do, the first one after the token is found by bisection and given as an
 * index into the list itself: walking a 10,000-row list page by page neither normalizes and filters every row for
 * every page nor copies the rows still to come.
 */
export function entriesAfter<E extends { key: KeyValue }>(
  entries: readonly E[],
  token: KeyValue,
  keyTypes: readonly EdmType[],
): EntriesFrom<E> {
  const normalized = normalizedKeys(entries, keyTypes);
  if (!normalized.ascending) return { entries: entries.filter((_, i) => compareKeys(normalized.keys[i]!, token) > 0), from: 0 };
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareKeys(normalized.keys[middle]!, token) > 0) high = middle;
    else low = middle + 1;
  }
  return { entries, from: low };
}

function normalizedKeys(entries: ReadonlyArray<{ key: KeyValue }>, keyTypes: readonly EdmType[]): NormalizedKeys {
  const types = keyTypes.join(',');
  const kept = cache.get(entries);
  if (kept && kept.types === types) return kept;
  const keys = entries.map(({ key }) => normalizeKey(key, keyTypes));
  let ascending = true;
  for (let i = 1; i < keys.length && ascending; i += 1) ascending = compareKeys(keys[i - 1]!, keys[i]!) <= 0;
  const made = { types, keys, ascending };
  cache.set(entries, made);
  return made;
}
