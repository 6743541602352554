import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../scenarios/catalogue/index.js';
import { broken } from './support/broken-scenario.js';
import { runScenariosCommand } from './support/scenarios-command.js';

// Must-show 2 of issue 18: `scenarios merge` of the JSON reports of --shard 1/3, 2/3 and 3/3 gives the report of the
// unsharded run, apart from durations, in every format. Five scenarios (one failing on purpose), so the shards differ
// in size (2, 2, 1) and every format carries a failure.

const SELECTION = [
  ...CATALOGUE.filter((s) =>
    ['accidental-booking-last-invoice', 'same-booking-number', 'draft-not-synced', 'nightly-sync-is-silent'].includes(s.id),
  ),
  broken,
];
const FORMATS = ['json', 'junit', 'html'] as const;
const TIMEOUT_MS = 90_000;

/** Each format without its durations: the run's and each scenario's and step's time. */
const WITHOUT_DURATIONS: Record<(typeof FORMATS)[number], (text: string) => unknown> = {
  json: (text) =>
    JSON.parse(text, (key, value: unknown) => {
      if (key === 'durationMs') return undefined;
      return value;
    }),
  junit: (text) => text.replace(/ time="\d+\.\d{3}"/g, ' time=""'),
  html: (text) => text.replace(/<span class="duration">[^<]*<\/span>/g, '<span class="duration"></span>'),
};

let dir: string;
const shardFiles: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'booklab-merge-'));
  for (const k of [1, 2, 3]) {
    const file = join(dir, 'shards', `scenarios-${k}.json`);
    const run = await runScenariosCommand(SELECTION, [
      'run',
      '--shard',
      `${k}/3`,
      '--reporter',
      'json',
      '--output',
      file,
      '--concurrency',
      '1',
    ]);
    expect(run.exitCode, run.stderr).toBe(k === 2 ? 1 : 0);
    shardFiles.push(file);
  }
}, TIMEOUT_MS);

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('booklab scenarios merge', () => {
  it('splits the selection 2, 2 and 1, with the failing scenario in shard 2', async () => {
    const shards = await Promise.all(shardFiles.map(async (file) => JSON.parse(await readFile(file, 'utf8'))));
    expect(shards.map((s) => [s.shard, s.scenarios.map((r: { id: string }) => r.id)])).toEqual([
      [{ index: 1, count: 3 }, ['accidental-booking-last-invoice', 'nightly-sync-is-silent']],
      [{ index: 2, count: 3 }, ['same-booking-number', 'broken-on-purpose']],
      [{ index: 3, count: 3 }, ['draft-not-synced']],
    ]);
  });

  it.each(FORMATS)(
    'of --shard 1/3, 2/3 and 3/3 equals the unsharded run apart from durations, as %s',
    { timeout: TIMEOUT_MS },
    async (format) => {
      const whole = join(dir, `whole.${format}`);
      const merged = join(dir, `merged.${format}`);
      const run = await runScenariosCommand(SELECTION, ['run', '--reporter', format, '--output', whole, '--concurrency', '1']);
      expect(run.exitCode, run.stderr).toBe(1);
      // The shards in another order than their numbers: the merge puts the scenarios back in the run's order.
      const merge = await runScenariosCommand(SELECTION, ['merge', ...[...shardFiles].reverse(), '--reporter', format, '--output', merged]);
      expect(merge.exitCode, merge.stderr).toBe(1);
      expect(merge.stderr).toBe(`Merged 3 reports (5 scenarios: 4 passed, 1 failed); the ${format} report is in ${merged}.\n`);
      const [wholeText, mergedText] = await Promise.all([readFile(whole, 'utf8'), readFile(merged, 'utf8')]);
      expect(WITHOUT_DURATIONS[format](mergedText)).toEqual(WITHOUT_DURATIONS[format](wholeText));
      expect(mergedText).toContain('broken-on-purpose');
    },
  );

  it('refuses, with exit code 2, a set of shards with one missing', async () => {
    const merge = await runScenariosCommand(SELECTION, ['merge', shardFiles[0]!, shardFiles[2]!]);
    expect(merge.exitCode).toBe(2);
    expect(merge.stderr).toContain('error: Shard 2/3 is missing; give the reports of all 3 shards.');
    expect(merge.stdout).toBe('');
  });
});
