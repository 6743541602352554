import { isoDate, toEpochMs } from './iso-day.js';

/** The time source shared by the mock server and the Focus side: token expiry, rate-limit windows, nightly syncs and payment dates all read it. */
export interface Clock {
  /** Current time as epoch milliseconds. */
  now(): number;
  /** Current UTC date as ISO `YYYY-MM-DD`. */
  today(): string;
  /** Jumps to an absolute time. */
  set(epochMs: number): void;
  /** Moves time forward (or back, with a negative value). */
  advance(ms: number): void;
  /** True when time moves only through `set` and `advance`. */
  readonly frozen: boolean;
}

/** Options for {@link createClock}. */
export interface ClockOptions {
  /** Start time: epoch ms or an ISO date/time; defaults to the system time. */
  start?: number | string;
  /** When true, time stands still between `set`/`advance` calls (tests, scenarios). */
  frozen?: boolean;
}

/**
 * Creates a clock that either follows the system time plus an offset, or stands still.
 * @example const clock = createClock({ start: '2026-03-01', frozen: true });
 */
export function createClock({ start, frozen = false }: ClockOptions = {}): Clock {
  const origin = start === undefined ? Date.now() : toEpochMs(start);
  let offset = origin - Date.now();
  let fixed = origin;
  return {
    frozen,
    now: () => (frozen ? fixed : Date.now() + offset),
    today() {
      return isoDate(this.now());
    },
    set(epochMs) {
      if (frozen) fixed = epochMs;
      else offset = epochMs - Date.now();
    },
    advance(ms) {
      if (frozen) fixed += ms;
      else offset += ms;
    },
  };
}
