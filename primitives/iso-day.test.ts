import { describe, expect, it } from 'vitest';
import { addDays, isCalendarDay, isIsoDay, isoDate, isValidTime, toEpochMs, utcDayStart } from './iso-day.js';

describe('ISO days', () => {
  it('takes a day written YYYY-MM-DD that exists, and nothing else', () => {
    expect(['2026-02-28', '2024-02-29', '2000-02-29'].map(isIsoDay)).toEqual([true, true, true]);
    expect(
      ['2026-02-29', '2100-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-3-1', '2026-03-01T00:00:00Z'].map(isIsoDay),
    ).toEqual([false, false, false, false, false, false, false]);
  });

  it('judges only the day part of a date-time as a calendar day, and lets other text pass to the parser', () => {
    expect(isCalendarDay('2026-02-30T10:00:00Z')).toBe(false);
    expect(isCalendarDay('2026-02-28T10:00:00Z')).toBe(true);
    expect(isCalendarDay('yesterday')).toBe(true);
  });

  it('reads a day as UTC midnight, a date-time as written and epoch ms as they are', () => {
    expect(toEpochMs('2026-03-01')).toBe(1_772_323_200_000);
    expect(toEpochMs('2026-03-01T01:00:00Z')).toBe(1_772_326_800_000);
    expect(toEpochMs(5)).toBe(5);
  });

  it('refuses a day that does not exist instead of rolling it over, and a time no Date holds', () => {
    expect(() => toEpochMs('2026-02-30')).toThrow('Not a date: "2026-02-30". Use YYYY-MM-DD or an ISO date-time.');
    expect(() => toEpochMs(8.64e15 + 1)).toThrow('Not a date');
    expect([isValidTime(8.64e15), isValidTime(-8.64e15 - 1), isValidTime(Number.NaN)]).toEqual([true, false, false]);
  });

  it('writes epoch ms as their UTC day, finds the start of that day and counts days across a year end', () => {
    expect(isoDate(1_772_326_800_000)).toBe('2026-03-01');
    expect(utcDayStart(1_772_442_000_000)).toBe(1_772_409_600_000);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
  });
});
