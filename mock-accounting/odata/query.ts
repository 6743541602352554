import type { Result } from '../../primitives/index.js';
import type { FieldTypes, Row } from './edm.js';
import { QUERY_OPTION_SCHEMAS } from './query-option-schemas.js';
import { entriesAfter } from './entries-after.js';
import { checkFilter, matchesFilter, parseFilter, type FilterNode } from './filter.js';
import { compareKeys, compareValues, formatKey, normalizeKey, parseKeyValues, type KeyValue } from './keys.js';

/** The query options of one request, parsed and checked against the entity set. */
export interface QueryOptions {
  filter?: FilterNode;
  /** `$filter` as written, which names a repeated filter. */
  filterText?: string;
  select?: string[];
  orderBy: Array<{ field: string; descending: boolean }>;
  top?: number;
  skip: number;
  skipToken?: KeyValue;
  expand: string[];
  inlineCount: boolean;
}

/** What an entity set tells the query layer about itself. */
export interface QueryTarget {
  typeName: string;
  fields: FieldTypes;
  keyField: string;
  /** The key properties in order, when the key is composite (JournalStatusList: Journal, Period, Year); `keyField` is the first. */
  keyFields?: readonly string[];
  /** Navigation properties that `$expand` may name. */
  navigations: readonly string[];
  /** When set, only these properties may appear in `$filter` (sync endpoints). */
  filterable?: readonly string[];
}

/** A query option the mock rejects, with Exact's wording. */
export interface QueryProblem {
  code: 'bad_query';
  message: string;
}

const KNOWN = new Set(Object.keys(QUERY_OPTION_SCHEMAS));

/** Parses a raw query string (`+` means space); parameters without `$` are ignored, as Exact does. */
export function parseQueryOptions(rawQuery: string, target: QueryTarget): Result<QueryOptions, QueryProblem> {
  const params = new URLSearchParams(rawQuery);
  const options: QueryOptions = { orderBy: [], skip: 0, expand: [], inlineCount: false };
  const seen = new Set<string>();
  for (const [rawName, value] of params) {
    const name = rawName.toLowerCase();
    if (!name.startsWith('$')) continue;
    if (!KNOWN.has(name)) return { ok: false, problem: bad(`The query parameter '${rawName}' is not supported.`) };
    if (seen.has(name)) {
      return { ok: false, problem: bad(`Query option '${rawName}' was specified more than once, but it must be specified at most once.`) };
    }
    seen.add(name);
    const problem = applyOption(options, name, value, target);
    if (problem) return { ok: false, problem };
  }
  return { ok: true, value: options };
}

function applyOption(options: QueryOptions, name: string, value: string, target: QueryTarget): QueryProblem | undefined {
  switch (name) {
    case '$filter': {
      const parsed = parseFilter(value);
      if (!parsed.ok) return bad(parsed.problem.message);
      const problem = checkFilter(parsed.value, target.fields, target.typeName, target.filterable);
      if (problem) return bad(problem.message);
      options.filter = parsed.value;
      options.filterText = value;
      return undefined;
    }
    case '$select': {
      const fields = value
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean);
      // `*` selects every property, but the names beside it must still exist.
      const unknown = fields.find((f) => f !== '*' && !Object.hasOwn(target.fields, f) && !target.navigations.includes(f));
      if (unknown) return bad(`Could not find a property named '${unknown}' on type '${target.typeName}'.`);
      if (fields.includes('*')) return undefined;
      options.select = fields;
      return undefined;
    }
    case '$orderby': {
      for (const part of value.split(',')) {
        const [field = '', direction = 'asc', ...rest] = part.trim().split(/\s+/);
        if (rest.length > 0 || !['asc', 'desc'].includes(direction.toLowerCase())) return bad('Bad Request - Error in query syntax.');
        if (!Object.hasOwn(target.fields, field)) return bad(`Could not find a property named '${field}' on type '${target.typeName}'.`);
        options.orderBy.push({ field, descending: direction.toLowerCase() === 'desc' });
      }
      return undefined;
    }
    case '$top':
    case '$skip': {
      if (!QUERY_OPTION_SCHEMAS[name].safeParse(value).success)
        return bad(
          `Invalid value '${value}' for ${name} query option found. The ${name} query option requires a non-negative integer value.`,
        );
      if (name === '$top') options.top = Number(value);
      else options.skip = Number(value);
      return undefined;
    }
    case '$skiptoken': {
      const token = parseKeyValues(value, target.keyFields?.length ?? 1);
      if (!token) return bad(`The skip token value '${value}' is invalid.`);
      options.skipToken = target.keyFields ? token : token[0]!;
      return undefined;
    }
    case '$expand': {
      const names = value
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean);
      const unknown = names.find((n) => !target.navigations.includes(n));
      if (unknown) return bad(`Could not find a property named '${unknown}' on type '${target.typeName}'.`);
      options.expand = names;
      return undefined;
    }
    case '$inlinecount':
      if (!QUERY_OPTION_SCHEMAS.$inlinecount.safeParse(value).success)
        return bad(`Invalid value '${value}' for $inlinecount query option found.`);
      options.inlineCount = value === 'allpages';
      return undefined;
    case '$format':
      return QUERY_OPTION_SCHEMAS.$format.safeParse(value).success ? undefined : bad(`Unsupported $format value '${value}'. Use json.`);
  }
  return undefined;
}

function bad(message: string): QueryProblem {
  return { code: 'bad_query', message };
}

/** One page of an entity set, with the key to continue from when more items follow. */
export interface Page<T> {
  items: T[];
  /** The `$skiptoken` for `__next`, present only when more items follow. */
  nextToken?: string;
  /** All matching items, for `$inlinecount` and `/$count`. */
  total: number;
}

/** How the query layer reads the items it filters, orders and pages. */
export interface RowAccess<T> {
  /** The item's row; built only for items that `$filter` or `$orderby` must read. */
  rowOf(item: T): Row;
  /** The item's key, equal to `rowOf(item)[keyField]`: when given, a plain list is ordered and paged without building every row. */
  keyOf?(item: T): KeyValue;
}

/** The items a query matches, in its order (`$orderby`, then key) with their keys: what its pages are cut from. */
export interface OrderedItems<T> {
  entries: ReadonlyArray<{ item: T; key: KeyValue }>;
  /** True when ordered by key alone (no `$orderby`). */
  byKey: boolean;
}

/** Filters and orders items the way Exact does; {@link pageItems} cuts a page from the result, which a repeated query may reuse. */
export function orderItems<T>(
  items: readonly T[],
  access: RowAccess<T>,
  options: Pick<QueryOptions, 'filter' | 'orderBy'>,
  target: QueryTarget,
): OrderedItems<T> {
  const rowOf = memoize(access.rowOf);
  const { keyFields } = target;
  const keyOf =
    access.keyOf ??
    (keyFields ? (item: T) => keyFields.map((field) => rowOf(item)[field] ?? null) : (item: T) => rowOf(item)[target.keyField] ?? null);
  const matching = options.filter ? items.filter((item) => matchesFilter(options.filter!, rowOf(item), target.fields)) : items;
  const sortsByRow = options.orderBy.length > 0;
  type Keyed = { item: T; key: KeyValue; row: Row };
  const byKey = (a: Keyed, b: Keyed) => compareKeys(a.key, b.key);
  const byRowThenKey = (a: Keyed, b: Keyed) => {
    for (const { field, descending } of options.orderBy) {
      const order = compareValues(a.row[field] ?? null, b.row[field] ?? null);
      if (order !== 0) return descending ? -order : order;
    }
    return byKey(a, b);
  };
  const keyed = matching.map((item): Keyed => ({ item, key: keyOf(item) ?? null, row: sortsByRow ? rowOf(item) : NO_ROW }));
  keyed.sort(sortsByRow ? byRowThenKey : byKey);
  return { entries: keyed.map(({ item, key }) => ({ item, key })), byKey: !sortsByRow };
}

/** Skips and pages ordered items the way Exact does: pages of `pageSize`, continued by the key of the last item. */
export function pageItems<T>(ordered: OrderedItems<T>, options: QueryOptions, target: QueryTarget, pageSize: number): Page<T> {
  const keyTypes = (target.keyFields ?? [target.keyField]).map((field) => target.fields[field] ?? 'String');
  const normalized = (key: KeyValue) => normalizeKey(key, keyTypes);
  const total = ordered.entries.length;
  // The items still to give are `list` from `from` to `to`: only the page itself is copied out of a long list.
  let list = ordered.entries;
  let from = Math.min(options.skip, total);
  let to = options.top === undefined ? total : Math.min(total, options.skip + options.top);
  // Paging by key alone (the common `__next` walk): what earlier pages gave is dropped by key.
  const byKeyOnly = ordered.byKey && options.skip === 0 && options.top === undefined && options.skipToken !== undefined;
  if (byKeyOnly) {
    ({ entries: list, from } = entriesAfter(list, normalized(options.skipToken!), keyTypes));
    to = list.length;
  } else if (options.skipToken !== undefined) {
    const token = normalized(options.skipToken);
    const result = list.slice(from, to);
    const index = result.findIndex(({ key }) => compareKeys(normalized(key), token) === 0);
    list =
      index >= 0
        ? result.slice(index + 1)
        : options.orderBy.length === 0
          ? result.filter(({ key }) => compareKeys(normalized(key), token) > 0)
          : [];
    from = 0;
    to = list.length;
  }
  const ofPage = list.slice(from, Math.min(to, from + pageSize)).map(({ item }) => item);
  if (to - from <= pageSize) return { items: ofPage, total };
  return { items: ofPage, nextToken: formatKey(list[from + pageSize - 1]!.key, keyTypes), total };
}

/** Filters, orders, skips and pages items the way Exact does: pages of `pageSize`, continued by the key of the last item. */
export function queryRows<T>(
  items: readonly T[],
  access: RowAccess<T>,
  options: QueryOptions,
  target: QueryTarget,
  pageSize: number,
): Page<T> {
  return pageItems(orderItems(items, access, options, target), options, target, pageSize);
}

const NO_ROW: Row = {};

/** Builds each item's row at most once per query, so `$filter`, `$orderby` and the written page share it. */
export function memoize<T>(rowOf: (item: T) => Row): (item: T) => Row {
  const rows = new Map<T, Row>();
  return (item) => {
    let row = rows.get(item);
    if (!row) rows.set(item, (row = rowOf(item)));
    return row;
  };
}

/** Keeps only the `$select`ed properties (all when none were named). */
export function selectFields(row: Record<string, unknown>, select: string[] | undefined): Record<string, unknown> {
  if (!select) return row;
  const picked: Record<string, unknown> = {};
  for (const field of select) if (field in row) picked[field] = row[field];
  return picked;
}
