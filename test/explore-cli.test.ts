import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killLeftoverChildren, runCli } from './support/cli.js';

// `booklab explore` as a person or CI runs it: the JSON report on stdout, the minimal histories in --out, exit 2 for
// a bad option.

const TEST_TIMEOUT_MS = 120_000;
const dirs: string[] = [];

afterAll(async () => {
  await killLeftoverChildren();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('booklab explore', () => {
  it(
    'prints the JSON report and writes one scenario file per finding to --out',
    async () => {
      const out = await mkdtemp(join(tmpdir(), 'booklab-explore-'));
      dirs.push(out);
      const run = await runCli(['explore', '--runs', '8', '--seed', '5', '--max-steps', '3', '--reporter', 'json', '--out', out], {
        timeoutMs: TEST_TIMEOUT_MS,
      });
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout);
      expect(report).toMatchObject({
        version: 2,
        seed: 5,
        runs: 8,
        maxSteps: 3,
        strategy: 'faithful',
        replay: 'booklab explore --runs 8 --seed 5 --max-steps 3 --strategy faithful',
      });
      expect(Object.values(report.classes as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(8);
      expect(report.classes.healthy).toBeLessThan(8);
      const written = (await readdir(out)).sort();
      expect(written).toEqual(report.findings.map((f: { example: { file: string } }) => f.example.file.split('/').at(-1)).sort());
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'refuses a bad --runs with exit 2',
    async () => {
      const run = await runCli(['explore', '--runs', 'many']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--runs');
    },
    TEST_TIMEOUT_MS,
  );
});
