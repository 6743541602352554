import { Worker } from 'node:worker_threads';
import type { SyncStrategy } from '../core/index.js';
import type { ScenarioResult } from './run-scenario.js';
import type { Scenario } from './scenario.js';

/** What the main thread asks a worker thread: play the catalogue's scenario `id`, the `index`-th of the run. */
export interface PlayRequest {
  index: number;
  id: string;
  strategy: SyncStrategy;
  /** Record both systems per step (the run's `record`). */
  record: boolean;
}

/** A worker thread's answer: the scenario's result, or why it could not be played. */
export type PlayAnswer = { index: number; result: ScenarioResult } | { index: number; error: string };

/** One worker thread that plays catalogue scenarios, one at a time. */
export interface ScenarioThread {
  /** Plays a scenario of the catalogue (found by its id in the thread's own copy); rejects when it cannot. */
  play(scenario: Scenario, index: number, options: { strategy: SyncStrategy; record: boolean }): Promise<ScenarioResult>;
}

/** Worker threads that play scenarios of the catalogue, so that a run uses the cores there are. */
export interface ScenarioThreads {
  readonly threads: readonly ScenarioThread[];
  /** Ends the threads. */
  close(): Promise<void>;
}

/**
 * How many scenarios each player (this thread and each worker thread) must get for a worker thread to pay for its start:
 * a thread loads the catalogue itself and warms up its own JIT. Measured on 2 idle CPUs: the 32 scenarios of the
 * catalogue took 1.46 s on one thread and 1.52 s on two (with 0.4 s more CPU); on 3 December, with 39 and the worker
 * bundled, a threshold of 16 gave two threads no gain either (2.03 / 1.98 / 2.17 s against 2.04 / 1.95 / 2.09 s on one,
 * through the CLI), so a thread is started only from 64.
 */
export const SCENARIOS_PER_PLAYER = 32;

/** The worker threads worth starting for `scenarios` scenarios, `concurrency` at once: at most concurrency - 1. */
export function threadsWorthStarting(scenarios: number, concurrency: number): number {
  return Math.max(0, Math.min(concurrency, Math.floor(scenarios / SCENARIOS_PER_PLAYER)) - 1);
}

/**
 * The worker's module, beside this one: in the command line's bundle the bundled worker (bin/bundle.js), in dist/scenarios
 * tsc's JavaScript, or the TypeScript source started through tsx (a checkout without a build, tests).
 */
function startWorker(): Worker {
  const fromSources = import.meta.url.endsWith('.ts');
  const entry = new URL(`./catalogue-worker.${fromSources ? 'ts' : 'js'}`, import.meta.url);
  return fromSources
    ? new Worker(new URL('../bin/tsx-worker.js', import.meta.url), { workerData: { entry: entry.href } })
    : new Worker(entry);
}

/**
 * Starts `count` worker threads for scenarios of the catalogue. They load the catalogue while the caller does its own
 * work, so start them early. A thread that dies fails the scenario it was playing and those handed to it after.
 */
export function startScenarioThreads(count: number): ScenarioThreads {
  const workers = Array.from({ length: count }, startWorker);
  const threads = workers.map((worker): ScenarioThread => {
    const waiting = new Map<number, { resolve(result: ScenarioResult): void; reject(error: Error): void }>();
    let died: Error | undefined;
    worker.on('message', (answer: PlayAnswer) => {
      const pending = waiting.get(answer.index);
      waiting.delete(answer.index);
      if ('result' in answer) pending?.resolve(answer.result);
      else pending?.reject(new Error(answer.error));
    });
    const fail = (error: Error) => {
      died ??= error;
      for (const pending of waiting.values()) pending.reject(error);
      waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`its worker thread ended (exit code ${code})`)));
    return {
      play: (scenario, index, { strategy, record }) =>
        died
          ? Promise.reject(died)
          : new Promise((resolve, reject) => {
              waiting.set(index, { resolve, reject });
              worker.postMessage({ index, id: scenario.id, strategy, record } satisfies PlayRequest);
            }),
    };
  });
  return { threads, close: async () => void (await Promise.all(workers.map((worker) => worker.terminate()))) };
}
