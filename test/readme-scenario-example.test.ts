import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runScenario } from '../scenarios/run-scenario.js';
import type { Scenario } from '../scenarios/scenario.js';
import { explainResult } from './support/catalogue-part.js';

// The README teaches writing a scenario with an example; this keeps the example one that compiles and passes.

const SCENARIOS_DIR = new URL('../scenarios/', import.meta.url);
let dir: string | undefined;
afterAll(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

describe('the README example scenario', () => {
  it('passes, and under the safe strategy still happens (booking is up to the user)', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const example = /```ts\n(\/\/ scenarios\/catalogue\/[\s\S]*?)```/.exec(readme)?.[1];
    expect(example, 'a ```ts block starting with "// scenarios/catalogue/…" in the README').toBeDefined();
    // It imports like a catalogue file ('../actions.js'); from a temp dir those must point into scenarios/.
    const source = example!.replaceAll(
      /from '\.\.\/([\w-]+)\.js'/g,
      (_, name: string) => `from '${new URL(`${name}.ts`, SCENARIOS_DIR).href}'`,
    );
    dir = await mkdtemp(join(tmpdir(), 'booklab-readme-example-'));
    const file = join(dir, 'example.ts');
    await writeFile(file, source);
    const scenario = ((await import(pathToFileURL(file).href)) as { default: Scenario }).default;
    const result = await runScenario(scenario);
    expect(result.status, explainResult(result)).toBe('passed');
    const safe = await runScenario(scenario, { strategy: 'safe' });
    expect(safe).toMatchObject({ status: 'passed', stillHappens: true });
  });
});
