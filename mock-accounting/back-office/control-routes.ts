import express, { type Router } from 'express';
import { z } from 'zod';
import { isValidTime, toEpochMs, type Clock } from '../../primitives/index.js';
import { expireAccessTokens } from '../domain/oauth.js';
import { fail, ok } from '../domain/result.js';
import { findSeed, RateLimitChangesSchema } from '../options.js';
import { parseState } from '../store/index.js';
import { FaultSchema } from '../api/faults.js';
import { scopeOf } from '../app-scope.js';
import { route } from './respond.js';
import {
  AdvanceSchema,
  ClockSchema,
  type ClockViewSchema,
  ErrorBudgetChangesSchema,
  ExpireSchema,
  RequestsQuerySchema,
  ResetSchema,
} from './control-schemas.js';

function clockView(clock: Clock): z.infer<typeof ClockViewSchema> {
  return { now: new Date(clock.now()).toISOString(), today: clock.today(), frozen: clock.frozen };
}

const AnyBody = z.unknown();

/** Reset, snapshot and restore, the clock, tokens, faults, rate limits, the error budget and the request log of the request's server. */
export function controlRoutes(): Router {
  const router = express.Router();

  router.post(
    '/reset',
    route(ResetSchema, async ({ seed }, req) => {
      const { store, options, rateLimiter, errorBudget, requestLog, faults } = scopeOf(req);
      const found = findSeed(options.seeds, seed);
      if (!found.ok) return fail({ code: 'bad_request', message: found.problem.message });
      await store.replace(found.value(options.clock));
      rateLimiter.clear();
      errorBudget.clear();
      requestLog.clear();
      faults.clear();
      return ok({ seed, ...clockView(options.clock) });
    }),
  );

  router.get('/state', (req, res) => {
    res.json(scopeOf(req).store.state);
  });

  router.put(
    '/state',
    route(AnyBody, async (input, req) => {
      const { store, rateLimiter, errorBudget } = scopeOf(req);
      const parsed = parseState(input);
      if (!parsed.ok)
        return fail({
          code: 'bad_request',
          message: `Not a booklab state document: ${parsed.problem.message}. Use what GET /__mock/state returns.`,
        });
      await store.replace(parsed.value);
      rateLimiter.clear();
      errorBudget.clear();
      return ok({ restored: true });
    }),
  );

  router.get('/clock', (req, res) => {
    res.json(clockView(scopeOf(req).options.clock));
  });

  router.put(
    '/clock',
    route(ClockSchema, ({ now }, req) => {
      const { clock } = scopeOf(req).options;
      let ms: number;
      try {
        ms = toEpochMs(now);
      } catch (error) {
        return fail({ code: 'bad_request', message: (error as Error).message });
      }
      clock.set(ms);
      return ok(clockView(clock));
    }),
  );

  router.post(
    '/clock/advance',
    route(AdvanceSchema, ({ days = 0, hours = 0, minutes = 0, seconds = 0, ms = 0 }, req) => {
      const { clock } = scopeOf(req).options;
      const step = Math.round((((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000 + ms);
      if (!isValidTime(clock.now() + step))
        return fail({ code: 'bad_request', message: 'That moves the clock beyond the dates it can show. Advance by less.' });
      clock.advance(step);
      return ok(clockView(clock));
    }),
  );

  router.post(
    '/tokens/expire',
    route(ExpireSchema, async ({ userId }, req) => {
      const { store, options } = scopeOf(req);
      const expired = await store.write((tx) => expireAccessTokens(tx, options.clock, userId));
      return ok({ expired });
    }),
  );

  router.get('/faults', (req, res) => {
    res.json(scopeOf(req).faults.list());
  });
  router.post(
    '/faults',
    route(FaultSchema, (fault, req) => ({ ok: true, value: { id: scopeOf(req).faults.add(fault), ...fault }, status: 201 })),
  );
  router.delete('/faults', (req, res) => {
    scopeOf(req).faults.clear();
    res.json({ cleared: true });
  });

  router.get('/rate-limits', (req, res) => {
    res.json(scopeOf(req).rateLimiter.settings);
  });
  router.put(
    '/rate-limits',
    route(RateLimitChangesSchema, (changes, req) => {
      const { rateLimiter } = scopeOf(req);
      rateLimiter.settings = { ...rateLimiter.settings, ...changes };
      rateLimiter.clear();
      return ok(rateLimiter.settings);
    }),
  );

  router.get('/error-budget', (req, res) => {
    res.json(scopeOf(req).errorBudget.view());
  });
  router.put(
    '/error-budget',
    route(ErrorBudgetChangesSchema, (changes, req) => {
      const { errorBudget } = scopeOf(req);
      errorBudget.settings = { ...errorBudget.settings, ...changes };
      errorBudget.clear();
      return ok(errorBudget.view());
    }),
  );

  router.get('/requests', (req, res) => {
    const query = RequestsQuerySchema.safeParse(req.query);
    res.json(scopeOf(req).requestLog.latest(query.success && query.data.limit ? Number(query.data.limit) : undefined));
  });
  router.delete('/requests', (req, res) => {
    scopeOf(req).requestLog.clear();
    res.json({ cleared: true });
  });

  return router;
}
