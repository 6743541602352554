import { DAY_MS, type Clock } from '../clock.js';

/** Yuki's default daily quota of API calls per domain (support.yuki.be; Apideck: 1,000 calls a day). */
export const DEFAULT_YUKI_DAILY_CALLS = 1000;

interface DayUsage {
  dayStart: number;
  calls: number;
}

/**
 * Counts the API calls on Yuki divisions per domain and per UTC day of the server clock, so that every
 * administration on a domain shares one quota and the count starts again at midnight.
 */
export class YukiQuota {
  private readonly usage = new Map<string, DayUsage>();

  constructor(
    readonly dailyCalls: number,
    private readonly clock: Clock,
  ) {}

  /** Counts one call for the domain; false (and not counted) when today's quota is already used up. */
  take(domain: string): boolean {
    const dayStart = Math.floor(this.clock.now() / DAY_MS) * DAY_MS;
    const today = this.usage.get(domain);
    const usage = today && today.dayStart === dayStart ? today : { dayStart, calls: 0 };
    this.usage.set(domain, usage);
    if (usage.calls >= this.dailyCalls) return false;
    usage.calls += 1;
    return true;
  }

  /** Forgets all counts (a reset or a restored state). */
  clear(): void {
    this.usage.clear();
  }
}
