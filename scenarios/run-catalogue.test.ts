import { describe, expect, it } from 'vitest';
import { fakeScenario, passedResult } from '../test/support/scenario-results.js';
import { defaultConcurrency, runCatalogue, summarize } from './run-catalogue.js';
import type { RunOptions, ScenarioResult } from './run-scenario.js';
import type { Scenario } from './scenario.js';
import type { ScenarioThreads } from './scenario-threads.js';

const scenarios = Array.from({ length: 7 }, (_, i) => fakeScenario(`s-${i}`));
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('runCatalogue', () => {
  it('plays at most `concurrency` scenarios at once and returns them in the order given', async () => {
    let running = 0;
    let peak = 0;
    const finished: string[] = [];
    const play = async (scenario: Scenario, { strategy }: RunOptions): Promise<ScenarioResult> => {
      running += 1;
      peak = Math.max(peak, running);
      // Later scenarios finish sooner, so finishing order differs from catalogue order.
      await tick(5 * (scenarios.length - Number(scenario.id.slice(2))));
      running -= 1;
      return passedResult(scenario.id, { strategy: strategy ?? 'faithful' });
    };
    const run = await runCatalogue(scenarios, { concurrency: 3, strategy: 'safe', play, onResult: (r) => finished.push(r.id) });
    expect(peak).toBe(3);
    expect(run.results.map((r) => r.id)).toEqual(scenarios.map((s) => s.id));
    expect(finished).not.toEqual(scenarios.map((s) => s.id));
    expect(finished.sort()).toEqual(scenarios.map((s) => s.id).sort());
    expect(run.strategy).toBe('safe');
    expect(run.results.every((r) => r.strategy === 'safe')).toBe(true);
  });

  it('turns a scenario that cannot start into a failed result and plays the rest', async () => {
    const play = async (scenario: Scenario) => {
      if (scenario.id === 's-1') throw new Error('listen EADDRINUSE 127.0.0.1');
      return passedResult(scenario.id);
    };
    const run = await runCatalogue(scenarios.slice(0, 3), { concurrency: 2, play });
    expect(run.results[1]).toMatchObject({
      id: 's-1',
      status: 'failed',
      reason: "The scenario's world could not be started: listen EADDRINUSE 127.0.0.1",
      steps: [],
    });
    expect(summarize(run.results)).toEqual({ total: 3, passed: 2, failed: 1 });
  });

  it('runs nothing for an empty selection', async () => {
    expect((await runCatalogue([], { play: () => Promise.reject(new Error('not called')) })).results).toEqual([]);
  });

  it('refuses a concurrency below 1', async () => {
    await expect(runCatalogue(scenarios, { concurrency: 0 })).rejects.toThrow(/whole number of 1 or more, not 0/);
  });

  it('with threads, plays in this thread and in each thread, one at a time each, and keeps catalogue order', async () => {
    const playedBy = new Map<string, string>();
    const busy = new Set<string>();
    const player = (name: string, delay: (id: string) => number) => async (scenario: Scenario) => {
      expect(busy.has(name), `${name} plays one scenario at a time`).toBe(false);
      busy.add(name);
      playedBy.set(scenario.id, name);
      await tick(delay(scenario.id));
      busy.delete(name);
      return passedResult(scenario.id, { strategy: 'safe' });
    };
    const threads: ScenarioThreads = {
      threads: ['thread-1', 'thread-2'].map((name) => ({ play: player(name, () => 3) })),
      close: async () => {},
    };
    const run = await runCatalogue(scenarios, { strategy: 'safe', threads, play: player('main', () => 10) });
    expect(run.results.map((r) => r.id)).toEqual(scenarios.map((s) => s.id));
    expect(new Set(playedBy.values())).toEqual(new Set(['main', 'thread-1', 'thread-2']));
  });
});

describe('defaultConcurrency', () => {
  it('plays one scenario per idle CPU: the CPUs less the load average, at least one, at most the CPUs', () => {
    expect(defaultConcurrency({ cpus: 2, load: 0 })).toBe(2);
    expect(defaultConcurrency({ cpus: 2, load: 0.4 })).toBe(2);
    expect(defaultConcurrency({ cpus: 2, load: 0.6 })).toBe(1);
    expect(defaultConcurrency({ cpus: 8, load: 3 })).toBe(5);
    expect(defaultConcurrency({ cpus: 2, load: 15 })).toBe(1);
  });
});
