// Past 250 lines: one generic handler for every entity set, with the readers (lists, keys, bodies) it shares.
import express, { type Request, type Response, type Router } from 'express';
import { parseFilter } from '../odata/filter.js';
import { parseNamedKey, type KeyValue } from '../odata/keys.js';
import { memoize, orderItems, pageItems, parseQueryOptions, type QueryOptions, type QueryTarget } from '../odata/query.js';
import { authenticate, bearerToken } from '../domain/oauth.js';
import { entityAt } from '../store/index.js';
import type { Ledger } from '../domain/ledger.js';
import { flavourOf, quotaDomainOf } from '../domain/flavours.js';
import { decodeBody } from './body.js';
import type { ListWithTop, RequestContext } from './context.js';
import type { EntitySet } from './entity-set.js';
import { currentMe, ENTITY_SETS } from './entity-sets/index.js';
import { entityJson, formatEntity } from './format.js';
import { ListCache } from './list-cache.js';
import { languageOf } from './language.js';
import type { ErrorBudget } from './error-budget.js';
import type { RateLimiter } from './rate-limits.js';
import { errorEnvelope, replyStatus, sendReply, type Reply } from './respond.js';
import { takeYukiCall } from './yuki-quota.js';

/** What the OData API needs from the app. */
export interface ODataRoutesOptions {
  ledger: Ledger;
  rateLimiter: RateLimiter;
  errorBudget: ErrorBudget;
  /** The daily call quota of Yuki divisions, per domain. */
  yukiDailyCalls: number;
  businessErrorStatus: number;
  mandatoryAccountFilter: boolean;
  listWithTop: ListWithTop;
}

const SETS = new Map(ENTITY_SETS.map((set) => [set.path.toLowerCase(), set]));
/** Every set the router can reach, navigation targets included, with its query target built once. */
const REACHABLE = [currentMe, ...ENTITY_SETS].flatMap((set) => [set, ...Object.values(set.navigations ?? {}).map((n) => n.target)]);
const TARGETS = new Map(REACHABLE.map((set) => [set, queryTarget(set)]));
const RESOURCE = /^(?<path>[A-Za-z]+(?:\/[A-Za-z]+)*)(?:\((?<key>[^)]*)\)(?:\/(?<nav>[A-Za-z]+))?)?(?:\/(?<count>\$count))?$/;

/** `/api/v1/...`: the error budget, bearer auth, division access, Yuki's daily quota, rate limits, then the entity sets through one generic handler. */
export function odataRoutes({
  ledger,
  rateLimiter,
  errorBudget,
  yukiDailyCalls,
  businessErrorStatus,
  mandatoryAccountFilter,
  listWithTop,
}: ODataRoutesOptions): Router {
  const router = express.Router();
  const json = express.json({ limit: '10mb', type: () => true });
  const lists = new ListCache(ledger.store);

  router.use(async function handleApi(req: Request, res: Response) {
    const lang = languageOf(req.get('accept-language'));
    const settings = { lang, businessErrorStatus };
    const { state } = ledger.store;

    const segments = safeDecode(req.path).replace(/^\/+/, '');
    const divisionless = /^current\/Me(?:\(|$)/i.test(segments);
    const divisionMatch = divisionless ? undefined : /^(\d{1,9})\/(.*)$/.exec(segments);
    const match = RESOURCE.exec(divisionMatch ? divisionMatch[2]! : segments);
    const set = divisionless ? currentMe : match && SETS.get(match.groups!.path!.toLowerCase());

    // Who is calling, from the token even when it has expired: errors count per app, user, division and endpoint (§3).
    const caller = bearerToken(state, req.get('authorization'));
    const callerUser = caller && entityAt(state.users, caller.userId);
    const calledDivision = divisionMatch ? Number(divisionMatch[1]) : callerUser?.currentDivision;
    const budgetKey =
      caller && callerUser && calledDivision !== undefined
        ? {
            clientId: caller.clientId,
            userId: callerUser.id,
            division: calledDivision,
            endpoint: set?.path ?? match?.groups?.path ?? segments,
          }
        : undefined;
    const send = (reply: Reply) => {
      const note = budgetKey && errorBudget.count(budgetKey, replyStatus(reply, businessErrorStatus));
      if (note) res.locals.logNote = note;
      sendReply(res, reply, settings);
    };
    const refusal = budgetKey && errorBudget.refusal(budgetKey);
    if (refusal) {
      rateLimiter.peek(caller?.clientId, calledDivision, res);
      res.locals.logNote = refusal.note;
      return sendReply(res, { kind: 'json', status: refusal.status, body: errorEnvelope(refusal.message) }, settings);
    }

    const access = authenticate(state, req.get('authorization'), ledger.clock.now());
    const user = access && callerUser;
    if (!access || !user) {
      rateLimiter.peek(caller?.clientId, calledDivision, res);
      return send({ kind: 'empty', status: 401 });
    }
    if (!divisionless && !divisionMatch) return send(notFound(segments));
    const division = divisionMatch ? Number(divisionMatch[1]) : user.currentDivision;
    if (!user.divisions.includes(division) || !state.divisions[String(division)]) {
      rateLimiter.peek(access.clientId, division, res);
      res.setHeader('Reason', 'NoDivisionAccess');
      return send({ kind: 'json', status: 403, body: errorEnvelope('Forbidden') });
    }
    if (flavourOf(state, division) === 'yuki') {
      const domain = quotaDomainOf(state, division);
      if (!(await takeYukiCall(ledger, domain, yukiDailyCalls)))
        return send({ kind: 'problem', problem: { code: 'daily_quota_exhausted', domain, limit: yukiDailyCalls } });
    }
    if (rateLimiter.count(access.clientId, division, res) !== 'ok') return send({ kind: 'empty', status: 429 });
    if (!match || !set) return send(notFound(segments));
    const ctx: RequestContext = {
      ledger,
      user,
      clientId: access.clientId,
      division,
      lang,
      origin: `${req.protocol}://${req.get('host')}`,
      returnRepresentation: /return=representation/i.test(req.get('prefer') ?? ''),
      mandatoryAccountFilter,
      listWithTop,
    };
    const { key: keyText, nav, count } = match.groups!;
    const rawQuery = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '';

    if (keyText === undefined) {
      if (req.method === 'GET')
        return send(
          listReply(set, () => set.list(ctx), ctx, rawQuery, req.originalUrl, count !== undefined, set.listReadsClock ? undefined : lists),
        );
      if (req.method === 'POST' && count === undefined) {
        const body = await readJson(req, res, json);
        if (!body.ok) return send(body.reply);
        return send(await createReply(set, body.value, ctx));
      }
      return send(methodNotAllowed(req.method, set));
    }

    const key = parseKey(set, keyText);
    if (key === INVALID_KEY)
      return send({ kind: 'problem', problem: { code: 'bad_request', message: 'Bad Request - Error in query syntax.' } });
    const entity = set.get(ctx, key);
    if (entity === undefined) return send({ kind: 'problem', problem: { code: 'not_found', entity: set.typeName } });

    if (nav !== undefined) {
      const navigation = set.navigations && Object.hasOwn(set.navigations, nav) ? set.navigations[nav] : undefined;
      if (!navigation) return send(notFound(segments));
      if (req.method !== 'GET') return send(methodNotAllowed(req.method, navigation.target));
      return send(listReply(navigation.target, () => navigation.items(entity, ctx), ctx, rawQuery, req.originalUrl, count !== undefined));
    }
    if (count !== undefined) return send(notFound(segments));
    switch (req.method) {
      case 'GET': {
        const options = parseQueryOptions(rawQuery, targetOf(set));
        if ('code' in options) return send({ kind: 'problem', problem: options });
        return send({ kind: 'json', status: 200, body: { d: formatEntity(set, entity, ctx, options) } });
      }
      case 'PUT': {
        if (!set.update) return send(methodNotAllowed(req.method, set));
        const body = await readJson(req, res, json);
        if (!body.ok) return send(body.reply);
        const decoded = decodeBody(set, body.value);
        if (!decoded.ok) return send({ kind: 'problem', problem: decoded.problem });
        const result = await set.update(ctx, entity, decoded.value);
        return send(result.ok ? { kind: 'empty', status: 204 } : { kind: 'problem', problem: result.problem });
      }
      case 'DELETE': {
        if (!set.remove) return send(methodNotAllowed(req.method, set));
        const result = await set.remove(ctx, entity);
        return send(result.ok ? { kind: 'empty', status: 204 } : { kind: 'problem', problem: result.problem });
      }
      default:
        return send(methodNotAllowed(req.method, set));
    }
  });

  return router;
}

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
function targetOf(set: EntitySet<unknown>): QueryTarget {
  return TARGETS.get(set)!;
}

/**
 * A list: `entities()` filtered, ordered and paged. With `lists`, the ordered items of a query are kept until the store
 * changes; a page is joined from its rows' JSON, kept per row version for the full form (no `$select` or `$expand`).
 */
function listReply(
  set: EntitySet<unknown>,
  entities: () => unknown[],
  ctx: RequestContext,
  rawQuery: string,
  originalUrl: string,
  countOnly: boolean,
  lists?: ListCache,
): Reply {
  const target = targetOf(set);
  const options = parseQueryOptions(rawQuery, target);
  if ('code' in options) return { kind: 'problem', problem: options };
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
  const parts: Buffer[] = [Buffer.from(bare ? '{"d":[' : '{"d":{"results":[')];
  for (const [i, entity] of page.items.entries()) {
    if (i > 0) parts.push(COMMA);
    parts.push(
      full
        ? entityJson(set, entity, ctx, rowOf(entity))
        : Buffer.from(JSON.stringify(formatEntity(set, entity, ctx, options, rowOf(entity)))),
    );
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

async function createReply(set: EntitySet<unknown>, input: unknown, ctx: RequestContext): Promise<Reply> {
  if (!set.create) return methodNotAllowed('POST', set);
  const decoded = decodeBody(set, input);
  if (!decoded.ok) return { kind: 'problem', problem: decoded.problem };
  const result = await set.create(ctx, decoded.value);
  if (!result.ok) return { kind: 'problem', problem: result.problem };
  const body = formatEntity(set, result.value, ctx, { omitComputed: !ctx.returnRepresentation });
  return { kind: 'json', status: 201, body: { d: body }, headers: { Location: body.__metadata.uri } };
}

const INVALID_KEY = Symbol('invalid key');

function parseKey(set: EntitySet<unknown>, text: string): KeyValue | typeof INVALID_KEY {
  if (set.keyFields) return parseNamedKey(text, set.keyFields, targetOf(set).fields) ?? INVALID_KEY;
  const node = parseFilter(text);
  if ('code' in node || node.kind !== 'literal') return INVALID_KEY;
  const keyType = set.fields[set.key]?.type;
  const isNumber = keyType === 'Int16' || keyType === 'Int32' || keyType === 'Int64';
  if (keyType === 'Guid' && node.type !== 'Guid') return INVALID_KEY;
  if (isNumber && typeof node.value !== 'number') return INVALID_KEY;
  return node.value;
}

type JsonBody = { ok: true; value: unknown } | { ok: false; reply: Reply };

/** Reads the JSON body; malformed JSON and bodies over 10 MB become problems, never crashes. */
function readJson(req: Request, res: Response, parse: express.RequestHandler): Promise<JsonBody> {
  return new Promise((resolve) => {
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.get('content-type') ?? '')?.[1]?.toLowerCase();
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      // JSON travels as UTF-8 (RFC 8259); another charset would be half-decoded (one UTF-16 byte becomes an empty body).
      const message = `Error processing request stream. The body must be JSON in UTF-8, not ${charset}.`;
      return resolve({ ok: false, reply: { kind: 'problem', problem: { code: 'bad_request', message } } });
    }
    parse(req, res, (error?: unknown) => {
      if (!error) return resolve({ ok: true, value: req.body });
      const type = (error as { type?: string }).type;
      if (type === 'entity.too.large') {
        // Exact limits POST bodies to 10 MB without saying how it answers more; 413 is HTTP's status for it.
        const message = 'Error processing request stream. The request body is larger than the maximum of 10 MB.';
        return resolve({ ok: false, reply: { kind: 'json', status: 413, body: errorEnvelope(message) } });
      }
      const message =
        type === 'entity.parse.failed'
          ? 'Error processing request stream. The body is not valid JSON.'
          : `Error processing request stream. ${(error as Error).message}`;
      resolve({ ok: false, reply: { kind: 'problem', problem: { code: 'bad_request', message } } });
    });
  });
}

function notFound(path: string): Reply {
  return { kind: 'problem', problem: { code: 'not_found', entity: path } };
}

function methodNotAllowed(method: string, set: EntitySet<unknown>): Reply {
  return { kind: 'problem', problem: { code: 'method_not_allowed', method, entity: set.path } };
}

/** Decodes a path; a malformed percent-escape is left as it is (and then matches no entity set). */
function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
