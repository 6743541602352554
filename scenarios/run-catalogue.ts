import { availableParallelism, loadavg } from 'node:os';
import type { SyncStrategy } from '../core/index.js';
import type { Scenario } from './scenario.js';
import { declared, runScenario, type RunOptions, type ScenarioResult } from './run-scenario.js';
import type { ScenarioThreads } from './scenario-threads.js';
import type { Shard } from './select.js';

/** Options for {@link runCatalogue}. */
export interface RunCatalogueOptions {
  strategy?: SyncStrategy;
  /** Record both systems per step in each result (for the HTML report and JSON reports to merge into one). */
  record?: boolean;
  /** How many scenarios play at once; default the idle CPUs (see defaultConcurrency). */
  concurrency?: number;
  /** Called as each scenario finishes (in finishing order), for progress lines. */
  onResult?: (result: ScenarioResult) => void;
  /** Plays one scenario; {@link runScenario} unless a test stands in for it. */
  play?: (scenario: Scenario, options: RunOptions) => Promise<ScenarioResult>;
  /**
   * Worker threads that play scenarios of the catalogue beside this thread (which plays with `play`): one scenario at
   * a time each, so that many run on as many cores. Without them, `concurrency` scenarios share this thread's event loop.
   */
  threads?: ScenarioThreads;
}

/** A run of several scenarios: what the reporters render. */
export interface CatalogueRun {
  strategy: SyncStrategy;
  /** In the order the scenarios were given (catalogue order), whatever order they finished in. */
  results: ScenarioResult[];
  /** Wall time of the whole run. */
  durationMs: number;
  /** The part of a split run (`--shard K/N`) these results are; absent for a whole run. */
  shard?: Shard;
}

/** The counts of the JSON contract's `summary`. */
export interface Summary {
  total: number;
  passed: number;
  failed: number;
}

/** Counts the results by status. */
export function summarize(results: readonly ScenarioResult[]): Summary {
  const passed = results.filter((r) => r.status === 'passed').length;
  return { total: results.length, passed, failed: results.length - passed };
}

/**
 * The default concurrency: one scenario per idle CPU (the CPUs less the 1-minute load average, at least one). A worker
 * thread first loads the catalogue, which costs about what a dozen scenarios do, so on a CPU that is already busy it
 * slows the run instead of speeding it up (measured: 32 scenarios in 1.1 s on one thread, 2.0 s on two at load 5).
 */
export function defaultConcurrency({
  cpus = availableParallelism(),
  load = loadavg()[0] ?? 0,
}: { cpus?: number; load?: number } = {}): number {
  return Math.max(1, Math.min(cpus, Math.round(cpus - load)));
}

/**
 * Plays the scenarios, at most `concurrency` at a time (with `threads`: one in this thread and one in each thread),
 * each in a world of its own (its own server and state), so they cannot see each other and the order does not change
 * a figure. A scenario that cannot even start becomes a failed result; the run itself does not throw.
 */
export async function runCatalogue(scenarios: readonly Scenario[], options: RunCatalogueOptions = {}): Promise<CatalogueRun> {
  const { strategy = 'faithful', record = false, concurrency = defaultConcurrency(), onResult, play = runScenario, threads } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new RangeError(`The concurrency must be a whole number of 1 or more, not ${concurrency}.`);
  const started = performance.now();
  const results: ScenarioResult[] = new Array(scenarios.length);
  type Player = (scenario: Scenario, index: number) => Promise<ScenarioResult>;
  const here: Player = (scenario) => play(scenario, { strategy, record });
  const players: Player[] = threads
    ? [
        here,
        ...threads.threads.map(
          (thread): Player =>
            (scenario, index) =>
              thread.play(scenario, index, { strategy, record }),
        ),
      ]
    : Array.from({ length: concurrency }, () => here);
  let next = 0;
  const playInTurn = async (player: Player) => {
    for (let index = next++; index < scenarios.length; index = next++) {
      const scenario = scenarios[index]!;
      const result = await player(scenario, index).catch((error: unknown) => notStarted(scenario, strategy, error));
      results[index] = result;
      onResult?.(result);
    }
  };
  await Promise.all(players.slice(0, scenarios.length).map(playInTurn));
  return { strategy, results, durationMs: Math.round(performance.now() - started) };
}

function notStarted(scenario: Scenario, strategy: SyncStrategy, error: unknown): ScenarioResult {
  return {
    ...declared(scenario),
    status: 'failed',
    strategy,
    durationMs: 0,
    violationsBeforeRepair: [],
    violationsAfterRepair: [],
    reason: `The scenario's world could not be started: ${error instanceof Error ? error.message : String(error)}`,
    steps: [],
  };
}
