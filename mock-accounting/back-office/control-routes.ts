import express, { type Router } from 'express';
import { z } from 'zod';
import { isValidTime, toEpochMs, type Clock } from '../../primitives/index.js';
import type { Ledger } from '../domain/ledger.js';
import { expireAccessTokens } from '../domain/oauth.js';
import { fail, ok } from '../domain/result.js';
import { findSeed, RateLimitChangesSchema, type Seed } from '../options.js';
import { parseState } from '../store/index.js';
import { FaultSchema, type FaultInjector } from '../api/faults.js';
import type { ErrorBudget } from '../api/error-budget.js';
import type { RateLimiter } from '../api/rate-limits.js';
import type { RequestLog } from '../api/request-log.js';
import { route } from './respond.js';

/** What the test-control routes drive. */
export interface ControlRoutesOptions {
  ledger: Ledger;
  seeds: Record<string, Seed>;
  faults: FaultInjector;
  rateLimiter: RateLimiter;
  errorBudget: ErrorBudget;
  requestLog: RequestLog;
}

/** The server clock as the back office shows it. */
export const ClockViewSchema = z.object({ now: z.string(), today: z.string(), frozen: z.boolean() });

function clockView(clock: Clock): z.infer<typeof ClockViewSchema> {
  return { now: new Date(clock.now()).toISOString(), today: clock.today(), frozen: clock.frozen };
}

// The bodies' schemas, built once: building a zod schema costs about a millisecond, and every world builds an app.
const when = z.union([z.number().int(), z.string().min(1)]);
export const ResetSchema = z.object({ seed: z.string().default('demo') }).strict();
export const ClockSchema = z.object({ now: when }).strict();
export const AdvanceSchema = z
  .object({
    days: z.number().optional(),
    hours: z.number().optional(),
    minutes: z.number().optional(),
    seconds: z.number().optional(),
    ms: z.number().optional(),
  })
  .strict();
export const ExpireSchema = z.object({ userId: z.string().optional() }).strict();
export const ErrorBudgetChangesSchema = z
  .object({
    enforce: z.boolean().optional(),
    errors: z.number().int().positive().optional(),
    windowMinutes: z.number().int().positive().max(1440).optional(),
    blockMinutes: z.number().int().positive().max(1440).optional(),
    blockStatus: z.number().int().min(400).max(599).optional(),
  })
  .strict();
const AnyBody = z.unknown();
/** `GET /__mock/requests?limit=N`: a limit that is not a positive whole number is ignored (the whole log). */
export const RequestsQuerySchema = z.object({
  limit: z
    .string()
    .regex(/^[1-9]\d{0,8}$/)
    .optional(),
});

/** Reset, snapshot and restore, the clock, tokens, faults, rate limits, the error budget and the request log. */
export function controlRoutes({ ledger, seeds, faults, rateLimiter, errorBudget, requestLog }: ControlRoutesOptions): Router {
  const router = express.Router();
  const { store, clock } = ledger;

  router.post(
    '/reset',
    route(ResetSchema, async ({ seed }) => {
      const found = findSeed(seeds, seed);
      if (!found.ok) return fail({ code: 'bad_request', message: found.problem.message });
      await store.replace(found.value(clock));
      rateLimiter.clear();
      errorBudget.clear();
      requestLog.clear();
      faults.clear();
      return ok({ seed, ...clockView(clock) });
    }),
  );

  router.get('/state', (_req, res) => {
    res.json(store.state);
  });

  router.put(
    '/state',
    route(AnyBody, async (input) => {
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

  router.get('/clock', (_req, res) => {
    res.json(clockView(clock));
  });

  router.put(
    '/clock',
    route(ClockSchema, ({ now }) => {
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
    route(AdvanceSchema, ({ days = 0, hours = 0, minutes = 0, seconds = 0, ms = 0 }) => {
      const step = Math.round((((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000 + ms);
      if (!isValidTime(clock.now() + step))
        return fail({ code: 'bad_request', message: 'That moves the clock beyond the dates it can show. Advance by less.' });
      clock.advance(step);
      return ok(clockView(clock));
    }),
  );

  router.post(
    '/tokens/expire',
    route(ExpireSchema, async ({ userId }) => {
      const expired = await store.write((tx) => expireAccessTokens(tx, clock, userId));
      return ok({ expired });
    }),
  );

  router.get('/faults', (_req, res) => {
    res.json(faults.list());
  });
  router.post(
    '/faults',
    route(FaultSchema, (fault) => ({ ok: true, value: { id: faults.add(fault), ...fault }, status: 201 })),
  );
  router.delete('/faults', (_req, res) => {
    faults.clear();
    res.json({ cleared: true });
  });

  router.get('/rate-limits', (_req, res) => {
    res.json(rateLimiter.settings);
  });
  router.put(
    '/rate-limits',
    route(RateLimitChangesSchema, (changes) => {
      rateLimiter.settings = { ...rateLimiter.settings, ...changes };
      rateLimiter.clear();
      return ok(rateLimiter.settings);
    }),
  );

  router.get('/error-budget', (_req, res) => {
    res.json(errorBudget.view());
  });
  router.put(
    '/error-budget',
    route(ErrorBudgetChangesSchema, (changes) => {
      errorBudget.settings = { ...errorBudget.settings, ...changes };
      errorBudget.clear();
      return ok(errorBudget.view());
    }),
  );

  router.get('/requests', (req, res) => {
    const query = RequestsQuerySchema.safeParse(req.query);
    res.json(requestLog.latest(query.success && query.data.limit ? Number(query.data.limit) : undefined));
  });
  router.delete('/requests', (_req, res) => {
    requestLog.clear();
    res.json({ cleared: true });
  });

  return router;
}
