import { afterEach, describe, expect, it } from 'vitest';
import { CATALOGUE } from './catalogue/index.js';
import { runScenario, type ScenarioResult } from './run-scenario.js';
import { startScenarioThreads, threadsWorthStarting, type ScenarioThreads } from './scenario-threads.js';

/** A result without its timings, which differ from run to run. */
const untimed = (result: ScenarioResult) => ({ ...result, durationMs: 0, steps: result.steps.map((step) => ({ ...step, durationMs: 0 })) });

describe('scenario threads', () => {
  let threads: ScenarioThreads | undefined;
  afterEach(() => threads?.close());

  it('play catalogue scenarios in a worker thread with the results this thread gets, recorded or not', { timeout: 60_000 }, async () => {
    threads = startScenarioThreads(1);
    const [thread] = threads.threads;
    for (const [index, scenario] of CATALOGUE.slice(0, 3).entries()) {
      const options = { strategy: 'safe', record: index === 0 } as const;
      const there = await thread!.play(scenario, index, options);
      expect(untimed(there)).toEqual(untimed(await runScenario(scenario, options)));
      expect(there.steps[0]?.world !== undefined).toBe(options.record);
    }
  });

  it('refuse a scenario the catalogue does not have, and a thread that has ended', { timeout: 60_000 }, async () => {
    threads = startScenarioThreads(1);
    const [thread] = threads.threads;
    await expect(
      thread!.play({ ...CATALOGUE[0]!, id: 'not-in-the-catalogue' }, 0, { strategy: 'faithful', record: false }),
    ).rejects.toThrow('the catalogue of this thread has no scenario not-in-the-catalogue');
    await threads.close();
    await expect(thread!.play(CATALOGUE[0]!, 1, { strategy: 'faithful', record: false })).rejects.toThrow(/its worker thread ended/);
  });
});

describe('threadsWorthStarting', () => {
  it('starts no thread for the 32 scenarios of the catalogue, one from 64 on two CPUs, never more than concurrency - 1', () => {
    expect(threadsWorthStarting(32, 2)).toBe(0);
    expect(threadsWorthStarting(63, 2)).toBe(0);
    expect(threadsWorthStarting(64, 2)).toBe(1);
    expect(threadsWorthStarting(1000, 2)).toBe(1);
    expect(threadsWorthStarting(128, 8)).toBe(3);
    expect(threadsWorthStarting(1000, 1)).toBe(0);
  });
});
