import { MAX_ENTRY_NUMBER, type Journal } from '../store/state.js';
import type { EntryNumberIndex } from './entry-number-index.js';
import type { Result } from './result.js';

/**
 * How a journal hands out entry (booking) numbers.
 * - `counter` (default): the journal's *next booking number* (R8), moved up on every booking and back after
 *   deleting the highest one (R7).
 * - `max`: highest number in the journal + 1, ignoring the counter.
 * `perYear` keeps one sequence per financial year (Exact Globe style); off by default.
 */
export interface NumberingPolicy {
  mode: 'counter' | 'max';
  perYear: boolean;
}

/** The default numbering: one counter per journal. */
export const DEFAULT_NUMBERING: NumberingPolicy = { mode: 'counter', perYear: false };

/** The journal's *next booking number*, as the back office shows it (R8). */
export function nextBookingNumber(journal: Journal, policy: NumberingPolicy, year?: number): number {
  if (!policy.perYear || year === undefined) return journal.nextEntryNumber;
  return journal.nextEntryNumberByYear[String(year)] ?? journal.firstEntryNumber;
}

/** The journal with its counter set to `value` (for the year, when numbering per year). */
export function withBookingCounter(journal: Journal, value: number, policy: NumberingPolicy, year?: number): Journal {
  if (!policy.perYear || year === undefined) return { ...journal, nextEntryNumber: value };
  return { ...journal, nextEntryNumberByYear: { ...journal.nextEntryNumberByYear, [String(year)]: value } };
}

/**
 * Picks the entry number of a new booking (R7, R8): the requested one if free, else the journal's next
 * booking number (or highest + 1 in `max` mode). A number already in use is refused with "In use: Entry number";
 * the counter then stays where it is, exactly as a wrongly set counter keeps failing in Exact. A counter past the
 * highest entry number (an Int32) is refused too: the numbers of the journal are used up.
 */
export function assignEntryNumber(
  journal: Journal,
  requested: number | undefined,
  year: number,
  index: EntryNumberIndex,
  policy: NumberingPolicy,
): Result<{ entryNumber: number; journal: Journal }> {
  const scopeYear = policy.perYear ? year : undefined;
  const counter = nextBookingNumber(journal, policy, scopeYear);
  // Finding the highest number scans the journal's numbers, so only `max` mode, which needs it, pays for it.
  const proposed =
    policy.mode === 'max' ? (index.highest(journal.division, journal.code, scopeYear) ?? journal.firstEntryNumber - 1) + 1 : counter;
  const entryNumber = requested ?? proposed;
  if (entryNumber > MAX_ENTRY_NUMBER) {
    const message = `The entry numbers of journal ${journal.code} are used up: the next would be ${entryNumber}, past the highest, ${MAX_ENTRY_NUMBER}. Set the journal's next booking number lower, or give a free EntryNumber.`;
    return { ok: false, problem: { code: 'bad_request', message } };
  }
  if (index.has(journal.division, journal.code, entryNumber, scopeYear)) {
    return { ok: false, problem: { code: 'entry_number_in_use', journal: journal.code, entryNumber } };
  }
  return { ok: true, value: { entryNumber, journal: withBookingCounter(journal, Math.max(counter, entryNumber + 1), policy, scopeYear) } };
}

/**
 * The journal after deleting the booking `entryNumber` (the index no longer holds it): deleting the highest
 * number moves the counter back to highest remaining + 1, so that number is handed out again (R7);
 * deleting any other leaves a gap and the counter as it is.
 */
export function releaseEntryNumber(
  journal: Journal,
  entryNumber: number,
  year: number,
  index: EntryNumberIndex,
  policy: NumberingPolicy,
): Journal {
  const scopeYear = policy.perYear ? year : undefined;
  const highestRemaining = index.highest(journal.division, journal.code, scopeYear);
  if (highestRemaining !== undefined && highestRemaining > entryNumber) return journal;
  return withBookingCounter(journal, (highestRemaining ?? journal.firstEntryNumber - 1) + 1, policy, scopeYear);
}
