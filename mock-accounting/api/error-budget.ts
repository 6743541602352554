import type { Clock } from '../../primitives/index.js';

const MINUTE_MS = 60_000;

/** Exact's error limit: at most `errors` answers 400, 401, 403 or 404 per app, user, division and endpoint an hour. */
export interface ErrorBudgetSettings {
  /** Block a key that goes over the budget; off by default, like the rate limits, so scenario suites run freely. */
  enforce: boolean;
  /** Errors allowed in the window; the next one blocks the key. */
  errors: number;
  windowMinutes: number;
  /** How long a block lasts ("about an hour"). */
  blockMinutes: number;
  /** The status a blocked key is answered with; Exact does not document it. */
  blockStatus: number;
}

/** The defaults: exact-api.md §3. */
export const DEFAULT_ERROR_BUDGET: ErrorBudgetSettings = {
  enforce: false,
  errors: 10,
  windowMinutes: 60,
  blockMinutes: 60,
  blockStatus: 429,
};

/** What Exact counts errors against: the app (its key), the user, the division and the endpoint. */
export interface ErrorBudgetKey {
  clientId: string;
  userId: string;
  division: number;
  /** The entity set's path, e.g. `salesentry/SalesEntries` (without key or query). */
  endpoint: string;
}

/** The answers that count as errors. */
const COUNTED = new Set([400, 401, 403, 404]);

/** At most this many keys are tracked; a request flood on made-up paths forgets the oldest first. */
const MAX_KEYS = 10_000;

interface KeyState {
  key: ErrorBudgetKey;
  /** When the errors still inside the window were answered (epoch ms, server clock). */
  errorTimes: number[];
  blockedUntil?: number;
}

/**
 * Counts error answers per key in a sliding window on the server clock. An error past the budget is answered as
 * usual and blocks the key from then on; a blocked key's requests are refused until the block ends, and the key
 * starts again with no errors. Errors are counted even when enforcement is off, so the back office shows them.
 */
export class ErrorBudget {
  private readonly keys = new Map<string, KeyState>();

  constructor(
    public settings: ErrorBudgetSettings,
    private readonly clock: Clock,
  ) {}

  /** The refusal of a key that is blocked now (enforcement on, block not yet over): status, message and log line. */
  refusal(key: ErrorBudgetKey): { status: number; message: string; note: string } | undefined {
    if (!this.settings.enforce) return undefined;
    const state = this.keys.get(idOf(key));
    if (state?.blockedUntil === undefined) return undefined;
    if (state.blockedUntil <= this.clock.now()) {
      state.blockedUntil = undefined;
      return undefined;
    }
    const until = new Date(state.blockedUntil).toISOString();
    const { errors, windowMinutes } = this.settings;
    return {
      status: this.settings.blockStatus,
      message:
        `Too many errors: more than ${errors} answers 400, 401, 403 or 404 within ${windowMinutes} minutes for this app, user, ` +
        `division and endpoint (${key.endpoint}). The app is blocked on this endpoint until ${until}; correct the failing requests before sending them again.`,
      note: `error budget: blocked until ${until} (${key.endpoint})`,
    };
  }

  /**
   * Counts one answer. An error (400, 401, 403, 404) past the budget blocks the key, with enforcement on; the
   * answer itself goes out as it is. Returns the request log's line for a counted error when enforcing.
   */
  count(key: ErrorBudgetKey, status: number): string | undefined {
    if (!COUNTED.has(status)) return undefined;
    const now = this.clock.now();
    const id = idOf(key);
    const state = this.keys.get(id) ?? { key, errorTimes: [] };
    this.keys.delete(id);
    this.keys.set(id, state);
    if (this.keys.size > MAX_KEYS) this.keys.delete(this.keys.keys().next().value!);
    const { enforce, errors, windowMinutes, blockMinutes } = this.settings;
    state.errorTimes = [...state.errorTimes.filter((at) => at > now - windowMinutes * MINUTE_MS), now];
    const counted = state.errorTimes.length;
    if (!enforce) return undefined;
    if (counted <= errors) return `error budget: ${counted} of ${errors} errors in ${windowMinutes} min (${key.endpoint})`;
    state.blockedUntil = now + blockMinutes * MINUTE_MS;
    state.errorTimes = [];
    return `error budget: ${counted} errors in ${windowMinutes} min (${key.endpoint}), more than ${errors}: blocked until ${new Date(state.blockedUntil).toISOString()}`;
  }

  /** The settings and every key with errors in the window or a block, for the back office. */
  view() {
    const now = this.clock.now();
    const since = now - this.settings.windowMinutes * MINUTE_MS;
    const keys = [...this.keys.values()]
      .map(({ key, errorTimes, blockedUntil }) => ({
        ...key,
        errorsInWindow: errorTimes.filter((at) => at > since).length,
        blockedUntil:
          this.settings.enforce && blockedUntil !== undefined && blockedUntil > now ? new Date(blockedUntil).toISOString() : null,
      }))
      .filter((k) => k.errorsInWindow > 0 || k.blockedUntil !== null);
    return { ...this.settings, keys };
  }

  /** Forgets all counts and blocks (a reset, a restore, or new settings). */
  clear(): void {
    this.keys.clear();
  }
}

function idOf({ clientId, userId, division, endpoint }: ErrorBudgetKey): string {
  return `${clientId}|${userId}|${division}|${endpoint.toLowerCase()}`;
}
