import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../scenarios/file/index.js';
import { runScenario } from '../scenarios/run-scenario.js';

// The minimal histories `booklab explore` found and that were committed under scenarios/found/: each still plays
// as it was found and ends with exactly the invariants it was saved for.

const DIR = new URL('../scenarios/found/', import.meta.url);
const files = (await readdir(DIR).catch(() => [] as string[])).filter((f) => f.endsWith('.scenario.json')).sort();

describe('the cases the explorer found', () => {
  it('are committed', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)('%s replays to its finding', async (name) => {
    const read = await readScenarioFile(new URL(name, DIR).pathname);
    if (!read.ok) throw new Error(read.problem.message);
    const result = await runScenario(read.value.scenario);
    expect(result.reason).toBeUndefined();
    expect(result.status).toBe('passed');
  });
});
