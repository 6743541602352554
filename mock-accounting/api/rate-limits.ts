import type { Response } from 'express';
import { DAY_MS, utcDayStart, type Clock } from '../../primitives/index.js';
import type { RateLimitSettings } from '../options.js';

const MINUTE_MS = 60_000;

/** The six headers, by window, with what each says (epoch-ms resets: the next whole minute, the next 00:00 UTC). */
export const RATE_LIMIT_HEADERS = {
  minutely: {
    limit: { name: 'X-RateLimit-Minutely-Limit', says: 'Calls allowed per minute for this app in this division' },
    remaining: { name: 'X-RateLimit-Minutely-Remaining', says: 'Calls left in the current minute' },
    reset: { name: 'X-RateLimit-Minutely-Reset', says: 'When the minute window resets: epoch milliseconds of the next whole minute' },
  },
  daily: {
    limit: { name: 'X-RateLimit-Limit', says: 'Calls allowed per day for this app in this division' },
    remaining: { name: 'X-RateLimit-Remaining', says: 'Calls left today' },
    reset: { name: 'X-RateLimit-Reset', says: 'When the day window resets: epoch milliseconds of the next 00:00 UTC' },
  },
} as const;

interface Usage {
  minuteStart: number;
  minuteCount: number;
  dayStart: number;
  dayCount: number;
}

/** Which limit a request ran into, if any. */
export type RateLimitVerdict = 'ok' | 'minutely' | 'daily';

/** Counts calls per app and division in minute and day windows (UTC), as Exact does, and writes the six headers. */
export class RateLimiter {
  private readonly usage = new Map<string, Usage>();

  constructor(
    public settings: RateLimitSettings,
    private readonly clock: Clock,
  ) {}

  /** Counts one call and sets the headers on the answer; with enforcement on, says which limit was exceeded. */
  count(clientId: string, division: number, res: Response): RateLimitVerdict {
    const key = `${clientId}|${division}`;
    const usage = this.usageNow(key);
    this.usage.set(key, usage);
    const { minutely, daily, enforce } = this.settings;
    if (enforce && usage.dayCount >= daily) {
      this.dayHeaders(usage, res);
      return 'daily';
    }
    if (enforce && usage.minuteCount >= minutely) {
      this.minuteHeaders(usage, res);
      return 'minutely';
    }
    usage.minuteCount += 1;
    usage.dayCount += 1;
    this.minuteHeaders(usage, res);
    this.dayHeaders(usage, res);
    return 'ok';
  }

  /**
   * Sets the six headers on an answer that is not counted (a call refused with 401 or 403, exact-api.md §3): the
   * app's usage in the division as it stands, or an untouched allowance when the caller's app is not known.
   */
  peek(clientId: string | undefined, division: number | undefined, res: Response): void {
    const usage = this.usageNow(`${clientId ?? ''}|${division ?? ''}`);
    this.minuteHeaders(usage, res);
    this.dayHeaders(usage, res);
  }

  /** A key's usage in the current minute and day (a new window starts at zero). */
  private usageNow(key: string): Usage {
    const now = this.clock.now();
    const minuteStart = Math.floor(now / MINUTE_MS) * MINUTE_MS;
    const dayStart = utcDayStart(now);
    const usage = this.usage.get(key) ?? { minuteStart, minuteCount: 0, dayStart, dayCount: 0 };
    if (usage.minuteStart !== minuteStart) Object.assign(usage, { minuteStart, minuteCount: 0 });
    if (usage.dayStart !== dayStart) Object.assign(usage, { dayStart, dayCount: 0 });
    return usage;
  }

  private minuteHeaders(usage: Usage, res: Response): void {
    const { minutely } = this.settings;
    const names = RATE_LIMIT_HEADERS.minutely;
    res.setHeader(names.limit.name, String(minutely));
    res.setHeader(names.remaining.name, String(Math.max(0, minutely - usage.minuteCount)));
    res.setHeader(names.reset.name, String(usage.minuteStart + MINUTE_MS));
  }

  private dayHeaders(usage: Usage, res: Response): void {
    const { daily } = this.settings;
    const names = RATE_LIMIT_HEADERS.daily;
    res.setHeader(names.limit.name, String(daily));
    res.setHeader(names.remaining.name, String(Math.max(0, daily - usage.dayCount)));
    res.setHeader(names.reset.name, String(usage.dayStart + DAY_MS));
  }

  /** Forgets all counts (a reset, or new limits). */
  clear(): void {
    this.usage.clear();
  }
}
