import { afterAll, describe, expect, it } from 'vitest';
import sameBookingNumber from '../scenarios/catalogue/same-booking-number.js';
import { readScenarioFile } from '../scenarios/file/index.js';
import { jsonReport } from '../scenarios/reporters/json.js';
import { runCatalogue } from '../scenarios/run-catalogue.js';
import { killLeftoverChildren, runCli } from './support/cli.js';

// The catalogue's same-booking-number story written as a scenario file plays as the TypeScript one does: the same
// JSON report, step by step, narration by narration, except for the durations.

const FILE = 'scenarios/files/same-booking-number.scenario.json';
const TEST_TIMEOUT_MS = 90_000;

/** A JSON report with every duration set to 0, the one field two runs may not share. */
function withoutDurations(report: unknown): unknown {
  return JSON.parse(JSON.stringify(report), (key, value: unknown) => (key === 'durationMs' ? 0 : value));
}

afterAll(killLeftoverChildren);

describe('the same-booking-number scenario file', () => {
  it('plays exactly as the TypeScript scenario, in both strategies', async () => {
    const read = await readScenarioFile(FILE);
    if (!read.ok) throw new Error(read.problem.message);
    for (const strategy of ['faithful', 'safe'] as const) {
      const [fromFile, fromCode] = await Promise.all([
        runCatalogue([read.value.scenario], { strategy, concurrency: 1 }),
        runCatalogue([sameBookingNumber], { strategy, concurrency: 1 }),
      ]);
      expect(fromFile.results[0]!.status).toBe('passed');
      expect(withoutDurations(jsonReport(fromFile))).toEqual(withoutDurations(jsonReport(fromCode)));
    }
  });

  it(
    'gives the same JSON report through `booklab scenarios run --file` as the catalogue id does',
    async () => {
      const [fromFile, fromId] = await Promise.all([
        runCli(['scenarios', 'run', '--file', FILE, '--reporter', 'json']),
        runCli(['scenarios', 'run', 'same-booking-number', '--reporter', 'json']),
      ]);
      expect(fromFile.code).toBe(0);
      expect(withoutDurations(JSON.parse(fromFile.stdout))).toEqual(withoutDurations(JSON.parse(fromId.stdout)));
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'opens in the walkthrough with `booklab tui --scenario-file`',
    async () => {
      const run = await runCli(['tui', '--scenario-file', FILE], { env: { CI: '1' } });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('The invoices X and Y have the same booking number');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'is refused with exit 2 and the path of the bad field when a date is wrong',
    async () => {
      for (const args of [
        ['scenarios', 'run', '--file'],
        ['tui', '--scenario-file'],
      ]) {
        const run = await runCli([...args, 'test/fixtures/bad-date.scenario.json'], { env: { CI: '1' } });
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('steps[1].actions[1].date: expected YYYY-MM-DD');
        expect(run.stderr).not.toMatch(/\n\s+at /);
      }
    },
    TEST_TIMEOUT_MS,
  );
});
