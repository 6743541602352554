import { parentPort } from 'node:worker_threads';
import { CATALOGUE } from './catalogue/index.js';
import { runScenario } from './run-scenario.js';
import type { PlayRequest, PlayAnswer } from './scenario-threads.js';

// A worker thread of `booklab scenarios run`: plays the catalogue's scenarios the main thread hands it, one at a
// time, each in a world of its own, and answers with the result (plain data, so it crosses the thread boundary).

const port = parentPort!;
port.on('message', async ({ index, id, strategy, record }: PlayRequest) => {
  const scenario = CATALOGUE.find((s) => s.id === id);
  let answer: PlayAnswer;
  try {
    if (!scenario) throw new Error(`the catalogue of this thread has no scenario ${id}`);
    answer = { index, result: await runScenario(scenario, { strategy, record }) };
  } catch (error) {
    answer = { index, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(answer);
});
