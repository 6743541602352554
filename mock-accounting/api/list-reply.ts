import { memoize, orderItems, pageItems, parseQueryOptions, type QueryOptions, type QueryTarget } from '../odata/query.js';
import type { RequestContext } from './context.js';
import type { EntitySet } from './entity-set.js';
import { currentMe, ENTITY_SETS } from './entity-sets/index.js';
import { entityJson, writeEntity } from './format.js';
import type { ListCache } from './list-cache.js';
import type { Reply } from './respond.js';

// A GET of a collection: its query target, the filtered, ordered page, and the `__next` link, answered as JSON bytes.

/** Every set the router can reach, navigation targets included, with its query target built once. */
const REACHABLE = [currentMe, ...ENTITY_SETS].flatMap((set) => [set, ...Object.values(set.navigations ?? {}).map((n) => n.target)]);
const TARGETS = new Map(REACHABLE.map((set) => [set, queryTarget(set)]));

function queryTarget(set: EntitySet<unknown>): QueryTarget {
  const fields = Object.fromEntries(Object.entries(set.fields).map(([name, def]) => [name, def.type]));
  return {
    typeName: `Exact.Web.Api.Models.${set.typeName}`,
    fields,
    keyField: set.key,
    ...(set.keyFields ? { keyFields: set.keyFields } : {}),
    navigations: Object.keys(set.navigations ?? {}),
    filterable: set.filterable,
  };
}

/** The prebuilt query target of a set the router serves. */
export function targetOf(set: EntitySet<unknown>): QueryTarget {
  return TARGETS.get(set)!;
}

/** A GET of a collection: the set, its items, who asks, and the query as the client sent it. */
export interface ListRequest {
  set: EntitySet<unknown>;
  entities: () => unknown[];
  ctx: RequestContext;
  rawQuery: string;
  originalUrl: string;
  /** `/$count`: the number of matching items, as text. */
  countOnly: boolean;
}

/**
 * A list: `entities()` filtered, ordered and paged. With `lists`, the answer to a request and the ordered items of a
 * query are kept until the store changes; a page is joined from its rows' JSON, kept per row version for the full form
 * (no `$select` or `$expand`).
 */
export function listReply(request: ListRequest, lists?: ListCache): Reply {
  if (!lists) return answerList(request);
  const { set, ctx, countOnly, originalUrl } = request;
  // The URL holds every query option; who asks, where and how the answer is wrapped make up the rest of the answer.
  const key = [
    set.path,
    ctx.division,
    ctx.user.id,
    ctx.lang,
    ctx.origin,
    ctx.listWithTop,
    ctx.mandatoryAccountFilter,
    countOnly,
    originalUrl,
  ];
  return lists.reply(key.join('\u0000'), () => answerList(request, lists));
}

function answerList({ set, entities, ctx, rawQuery, originalUrl, countOnly }: ListRequest, lists?: ListCache): Reply {
  const target = targetOf(set);
  const parsed = parseQueryOptions(rawQuery, target);
  if (!parsed.ok) return { kind: 'problem', problem: parsed.problem };
  const options = parsed.value;
  const mandatory = set.mandatoryFilter?.(ctx);
  if (mandatory && !options.filter) {
    return {
      kind: 'problem',
      problem: {
        code: 'bad_request',
        message: `This endpoint has mandatory filtering applied. A GET request for this endpoint must have a $filter parameter with one of the following fields in the url:${mandatory.join(',')}.`,
      },
    };
  }
  if (set.requiresSelect && !countOnly && !options.select && options.top !== 1) {
    return {
      kind: 'problem',
      problem: { code: 'bad_request', message: 'Please add a $select or a $top=1 statement to the query string.' },
    };
  }
  // Rows built for `$filter`/`$orderby` are kept, so the page is written from them instead of building each row again.
  const rowOf = memoize((entity: unknown) => set.toRow(entity, ctx));
  const order = () => orderItems(entities(), { rowOf, keyOf: set.keyOf }, options, target);
  const ordered = lists ? lists.ordered(queryKey(set, ctx, options), order) : order();
  const pageSize = set.pageSize ?? 60;
  const page = pageItems(ordered, options, target, countOnly ? Number.MAX_SAFE_INTEGER : pageSize);
  if (countOnly) return { kind: 'text', status: 200, body: String(page.items.length) };
  // A `$top` within one page needs no server paging, so it is answered in the OData v1 form, a bare array (exact-api.md §4).
  const bare = ctx.listWithTop === 'array' && options.top !== undefined && options.top <= pageSize && !options.inlineCount;
  let end = bare ? ']}' : ']';
  if (!bare && options.inlineCount) end += `,"__count":${JSON.stringify(String(page.total))}`;
  if (!bare && page.nextToken) end += `,"__next":${JSON.stringify(nextUrl(ctx.origin, originalUrl, page.nextToken))}`;
  if (!bare) end += '}}';
  const full = !options.select && options.expand.length === 0;
  const head = bare ? '{"d":[' : '{"d":{"results":[';
  // Rows in their full form are joined from their kept bytes; other forms are written as one text and encoded once.
  if (!full) {
    const text = [head];
    for (let i = 0; i < page.items.length; i += 1) {
      if (i > 0) text.push(',');
      writeEntity(text, set, page.items[i], ctx, options, rowOf(page.items[i]));
    }
    text.push(end);
    return { kind: 'json-bytes', status: 200, body: Buffer.from(text.join('')) };
  }
  const parts: Buffer[] = [Buffer.from(head)];
  for (let i = 0; i < page.items.length; i += 1) {
    if (i > 0) parts.push(COMMA);
    parts.push(entityJson(set, page.items[i], ctx, rowOf(page.items[i])));
  }
  parts.push(Buffer.from(end));
  return { kind: 'json-bytes', status: 200, body: Buffer.concat(parts) };
}

const COMMA = Buffer.from(',');

/** What makes one list query's ordered items differ from another's: the set, who asks where, the filter and the ordering. */
function queryKey(set: EntitySet<unknown>, ctx: RequestContext, options: QueryOptions): string {
  const orderBy = options.orderBy.map(({ field, descending }) => `${field}${descending ? ' desc' : ''}`).join(',');
  return [set.path, ctx.division, ctx.user.id, ctx.lang, options.filterText ?? '', orderBy].join('\u0000');
}

/** The original URL with `$skiptoken` set to the key of the page's last row (clients call it verbatim). */
function nextUrl(origin: string, originalUrl: string, token: string): string {
  const mark = originalUrl.indexOf('?');
  const [path, query] = mark < 0 ? [originalUrl, ''] : [originalUrl.slice(0, mark), originalUrl.slice(mark + 1)];
  const kept = query.split('&').filter((part) => part && !/^(\$|%24)skiptoken=/i.test(part));
  kept.push(`$skiptoken=${encodeURIComponent(token).replace(/%27/g, "'")}`);
  return `${origin}${path}?${kept.join('&')}`;
}
