import { z } from 'zod';
import { createClock, type Clock, type Problem, type Result } from '../primitives/index.js';
import { DEFAULT_NUMBERING, type NumberingPolicy } from './domain/booking-numbers.js';
import type { DeletionRules } from './domain/ledger.js';
import type { ListWithTop } from './api/context.js';
import { DEFAULT_ERROR_BUDGET, type ErrorBudgetSettings } from './api/error-budget.js';
import { DEFAULT_YUKI_DAILY_CALLS } from './api/yuki-quota.js';
import type { MockState } from './store/index.js';
import { demoState, flavouredDemoSeed } from './seed/demo.js';
import { emptySeed } from './seed/empty.js';

/** Exact's API limits: 60 calls a minute and 5000 a day per app and division. */
export interface RateLimitSettings {
  /** Answer 429 once a limit is used up; off by default so scenario suites run fast. */
  enforce: boolean;
  minutely: number;
  daily: number;
}

/** A change to the rate-limit settings (back office, case files): bounded, as no server counts further. */
export const RateLimitChangesSchema = z
  .object({ enforce: z.boolean(), minutely: z.number().min(1).max(1_000_000).int(), daily: z.number().min(1).max(1_000_000_000).int() })
  .partial()
  .strict();

/** Builds a named starting state for `reset` and `booklab serve --seed`. */
export type Seed = (clock: Clock) => MockState;

/** How the mock accounting server behaves. Every option has a default that imitates Exact Online. */
export interface MockOptions {
  /** The time source for token expiry, rate-limit windows, default dates and payments. */
  clock?: Clock;
  /** How booking numbers are handed out (R7, R8). */
  numbering?: Partial<NumberingPolicy>;
  /** When deleting a booking is refused. */
  deletion?: Partial<DeletionRules>;
  /** Status of business errors: 400 (today's Exact) or 500 (older behaviour). */
  businessErrorStatus?: 400 | 500;
  rateLimits?: Partial<RateLimitSettings>;
  /** Exact's error limit (10 errors an hour per app, user, division and endpoint, then a block); off by default. */
  errorBudget?: Partial<ErrorBudgetSettings>;
  /** Yuki divisions: API calls a domain may make per day (server clock, reset at midnight UTC); 1,000 by default. */
  yukiDailyCalls?: number;
  /** Refuse crm/Accounts lists without `$filter`, as Exact does since 2022. Off by default. */
  mandatoryAccountFilter?: boolean;
  /**
   * How a list asked with `$top` (no more than a page) is wrapped: `'array'`, `{"d":[…]}`, the OData v1 form that
   * Exact's WCF layer answers and picqer's `find()`/`first()`/`findId()` expect (default); `'results'`, `{"d":{"results":[…]}}`.
   */
  listWithTop?: ListWithTop;
  /** Refuse a token refresh less than 570 s after the last token (`Access Token not expired`). Off by default. */
  enforceTokenInterval?: boolean;
  /** How many requests the request log keeps. */
  requestLogSize?: number;
  /** Named starting states for `POST /__mock/reset`. */
  seeds?: Record<string, Seed>;
  /** The user id that the OAuth consent screen approves as; defaults to the first user. */
  approveAs?: string;
  /** Host names answered besides localhost, 127.0.0.1 and [::1] (the bound host, `--allow-host`); others get 403. */
  allowHosts?: readonly string[];
}

/** Options with every default filled in. */
export type ResolvedOptions = Required<Omit<MockOptions, 'approveAs' | 'numbering' | 'deletion' | 'rateLimits' | 'errorBudget'>> & {
  approveAs: string | undefined;
  numbering: NumberingPolicy;
  deletion: DeletionRules;
  rateLimits: RateLimitSettings;
  errorBudget: ErrorBudgetSettings;
};

/** The built-in seeds: the demo company, an empty administration, and the demo company on Octopus or on Yuki. */
export const SEEDS: Record<string, Seed> = {
  demo: demoState,
  empty: emptySeed,
  octopus: flavouredDemoSeed('octopus'),
  yuki: flavouredDemoSeed('yuki'),
};

/** A seed by name, or the problem naming the seeds there are (own names only, so `constructor` is unknown too). */
export function findSeed(seeds: Record<string, Seed>, name: string): Result<Seed, Problem<'unknown_seed'>> {
  const seed = Object.hasOwn(seeds, name) ? seeds[name] : undefined;
  if (seed) return { ok: true, value: seed };
  return {
    ok: false,
    problem: { code: 'unknown_seed', message: `Unknown seed '${name}'. Known seeds: ${Object.keys(seeds).join(', ')}.` },
  };
}

/** Fills in the defaults. */
export function resolveOptions({
  clock = createClock(),
  numbering = {},
  deletion = {},
  businessErrorStatus = 400,
  rateLimits = {},
  errorBudget = {},
  yukiDailyCalls = DEFAULT_YUKI_DAILY_CALLS,
  mandatoryAccountFilter = false,
  listWithTop = 'array',
  enforceTokenInterval = false,
  requestLogSize = 500,
  seeds = SEEDS,
  approveAs,
  allowHosts = [],
}: MockOptions = {}): ResolvedOptions {
  return {
    clock,
    numbering: { ...DEFAULT_NUMBERING, ...numbering },
    deletion: { refuseInClosedPeriod: true, refuseWhenPaid: false, ...deletion },
    businessErrorStatus,
    rateLimits: { enforce: false, minutely: 60, daily: 5000, ...rateLimits },
    errorBudget: { ...DEFAULT_ERROR_BUDGET, ...errorBudget },
    yukiDailyCalls,
    mandatoryAccountFilter,
    listWithTop,
    enforceTokenInterval,
    requestLogSize,
    seeds,
    approveAs,
    allowHosts,
  };
}
