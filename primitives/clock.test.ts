import { describe, expect, it } from 'vitest';
import { createClock } from './clock.js';

describe('the clock', () => {
  it('stands still when frozen, and moves only by set and advance', () => {
    const clock = createClock({ start: '2026-03-01', frozen: true });
    expect([clock.frozen, clock.now(), clock.today()]).toEqual([true, 1_772_323_200_000, '2026-03-01']);
    clock.advance(86_400_000 + 1);
    expect([clock.now(), clock.today()]).toEqual([1_772_409_600_001, '2026-03-02']);
    clock.set(1_772_323_200_000);
    expect(clock.today()).toBe('2026-03-01');
  });

  it('follows the system time from its start when not frozen', () => {
    const clock = createClock({ start: '2020-01-01T00:00:00Z' });
    const first = clock.now();
    expect(first).toBeGreaterThanOrEqual(1_577_836_800_000);
    expect(first).toBeLessThan(1_577_836_800_000 + 60_000);
    clock.advance(86_400_000);
    expect(clock.today()).toBe('2020-01-02');
  });

  it('refuses a start that is not a date', () => {
    expect(() => createClock({ start: '2026-02-30' })).toThrow('Not a date: "2026-02-30"');
  });
});
