import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { World } from '../core/index.js';
import { foundId } from '../scenarios/explore/history-file.js';
import { judgeWorld } from '../scenarios/explore/judge-with-doctor.js';
import { readScenarioFile } from '../scenarios/file/index.js';
import { runScenario } from '../scenarios/run-scenario.js';

// The minimal histories `booklab explore` found and that were committed under scenarios/found/: each still plays
// as it was found, ends with exactly the invariants it was saved for, and the doctor still judges it into the class
// and finding codes its name says (`found-plan-fails-orphan-booking`: the articles' plan fails on orphan-booking).

const DIR = new URL('../scenarios/found/', import.meta.url);
const files = (await readdir(DIR).catch(() => [] as string[])).filter((f) => f.endsWith('.scenario.json')).sort();

describe('the cases the explorer found', () => {
  it('are committed, at least five', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)('%s replays to its finding and the doctor judges it as it was found', async (name) => {
    const read = await readScenarioFile(new URL(name, DIR).pathname);
    if (!read.ok) throw new Error(read.problem.message);
    let judged = '';
    const result = await runScenario(read.value.scenario, {
      onReproduced: async (world: World) => {
        const { class: found, code } = await judgeWorld(world, name);
        judged = foundId(found, code);
      },
    });
    expect(result.reason).toBeUndefined();
    expect(result.status).toBe('passed');
    expect(`${judged}.scenario.json`).toBe(name);
  });
});
