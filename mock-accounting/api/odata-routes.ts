import express, { type Request, type Response, type Router } from 'express';
import { parseFilter } from '../odata/filter.js';
import { parseNamedKey, type KeyValue } from '../odata/keys.js';
import { parseQueryOptions } from '../odata/query.js';
import type { Row } from '../odata/edm.js';
import { authenticate, bearerToken } from '../domain/oauth.js';
import { scopeOf } from '../app-scope.js';
import { entityAt } from '../store/index.js';
import { flavourOf, quotaDomainOf } from '../domain/flavours.js';
import { decodeBody } from './body.js';
import type { RequestContext } from './context.js';
import type { EntitySet } from './entity-set.js';
import { currentMe, ENTITY_SETS } from './entity-sets/index.js';
import { entityUri, writeEntity, type FormatOptions } from './format.js';
import { languageOf } from './language.js';
import { errorEnvelope, replyStatus, sendReply, type Reply } from './respond.js';
import { listReply, targetOf } from './list-reply.js';
import { readJson } from './read-json.js';
import { takeYukiCall } from './yuki-quota.js';

const SETS = new Map(ENTITY_SETS.map((set) => [set.path.toLowerCase(), set]));
const RESOURCE = /^(?<path>[A-Za-z]+(?:\/[A-Za-z]+)*)(?:\((?<key>[^)]*)\)(?:\/(?<nav>[A-Za-z]+))?)?(?:\/(?<count>\$count))?$/;

/** `/api/v1/...`: the error budget, bearer auth, division access, Yuki's daily quota, rate limits, then the entity sets through one generic handler. */
export function odataRoutes(): Router {
  const router = express.Router();
  const json = express.json({ limit: '10mb', type: () => true });

  router.use(async function handleApi(req: Request, res: Response) {
    const {
      ledger,
      rateLimiter,
      errorBudget,
      lists,
      options: { yukiDailyCalls, businessErrorStatus, mandatoryAccountFilter, listWithTop },
    } = scopeOf(req);
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
          listReply(
            { set, entities: () => set.list(ctx), ctx, rawQuery, originalUrl: req.originalUrl, countOnly: count !== undefined },
            set.listReadsClock ? undefined : lists,
          ),
        );
      if (req.method === 'POST' && count === undefined) {
        const body = await readJson(req, res, json);
        if (!body.ok) return send({ kind: 'problem', problem: body.problem });
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
      const items = () => navigation.items(entity, ctx);
      return send(
        listReply({ set: navigation.target, entities: items, ctx, rawQuery, originalUrl: req.originalUrl, countOnly: count !== undefined }),
      );
    }
    if (count !== undefined) return send(notFound(segments));
    switch (req.method) {
      case 'GET': {
        const options = parseQueryOptions(rawQuery, targetOf(set));
        if (!options.ok) return send({ kind: 'problem', problem: options.problem });
        return send(entityReply(200, set, entity, ctx, options.value));
      }
      case 'PUT': {
        if (!set.update) return send(methodNotAllowed(req.method, set));
        const body = await readJson(req, res, json);
        if (!body.ok) return send({ kind: 'problem', problem: body.problem });
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

async function createReply(set: EntitySet<unknown>, input: unknown, ctx: RequestContext): Promise<Reply> {
  if (!set.create) return methodNotAllowed('POST', set);
  const decoded = decodeBody(set, input);
  if (!decoded.ok) return { kind: 'problem', problem: decoded.problem };
  const result = await set.create(ctx, decoded.value);
  if (!result.ok) return { kind: 'problem', problem: result.problem };
  const row = set.toRow(result.value, ctx);
  const uri = entityUri(set, row, ctx);
  return entityReply(201, set, result.value, ctx, { omitComputed: !ctx.returnRepresentation }, row, uri, { Location: uri });
}

/** An entity's answer, `{"d":{…}}`, written as one text and encoded once. */
function entityReply(
  status: number,
  set: EntitySet<unknown>,
  entity: unknown,
  ctx: RequestContext,
  options: FormatOptions,
  row?: Row,
  uri?: string,
  headers?: Record<string, string>,
): Reply {
  const parts = ['{"d":'];
  writeEntity(parts, set, entity, ctx, options, row, uri);
  parts.push('}');
  return { kind: 'json-bytes', status, body: Buffer.from(parts.join('')), ...(headers ? { headers } : {}) };
}

const INVALID_KEY = Symbol('invalid key');

function parseKey(set: EntitySet<unknown>, text: string): KeyValue | typeof INVALID_KEY {
  if (set.keyFields) return parseNamedKey(text, set.keyFields, targetOf(set).fields) ?? INVALID_KEY;
  const parsed = parseFilter(text);
  if (!parsed.ok || parsed.value.kind !== 'literal') return INVALID_KEY;
  const node = parsed.value;
  const keyType = set.fields[set.key]?.type;
  const isNumber = keyType === 'Int16' || keyType === 'Int32' || keyType === 'Int64';
  if (keyType === 'Guid' && node.type !== 'Guid') return INVALID_KEY;
  if (isNumber && typeof node.value !== 'number') return INVALID_KEY;
  return node.value;
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
