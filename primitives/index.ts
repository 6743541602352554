// What the Focus side and the mock accounting server both use: the clock, ISO days, money, ids, the demo's ids and
// the one result shape.
// It imports nothing from the rest of booklab, so either side can take it without reaching into the other.

export { createClock } from './clock.js';
export { DAY_MS, toEpochMs, isValidTime, isCalendarDay, isIsoDay, isoDate, utcDayStart, addDays } from './iso-day.js';
export { roundHalfAwayFromZero, vatCents } from './money.js';
export { guidFor } from './ids.js';
export { DEMO_CLIENT, DEMO_DIVISIONS } from './demo-ids.js';
export { OCTOPUS_SALES_TYPE } from './journal-types.js';
export { ok, fail } from './result.js';
export { plainCopy } from './plain-copy.js';
export { httpClassesOf } from './http-classes.js';

export type { Clock, ClockOptions } from './clock.js';
export type { Result, Problem, Success, Failure } from './result.js';
export type { HttpClasses, HttpPrototypes } from './http-classes.js';
