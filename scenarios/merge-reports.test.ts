import { describe, expect, it } from 'vitest';
import { failedResult, fakeRun, passedResult } from '../test/support/scenario-results.js';
import { mergeReports, readReport, type ReportFile } from './merge-reports.js';
import { jsonReport, renderJson } from './reporters/json.js';

const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

/** The reports of `--shard K/count` over the scenarios `ids`, as the run command writes them. */
function shards(count: number, durations: number[] = []): ReportFile[] {
  return Array.from({ length: count }, (_, k) => {
    const results = ids.filter((_, i) => i % count === k).map((id) => (id === 'c' ? failedResult(id) : passedResult(id)));
    const text = renderJson(fakeRun(results, { shard: { index: k + 1, count }, durationMs: durations[k] ?? 100 }));
    const read = readReport(`shard-${k + 1}.json`, text);
    if (!read.ok) throw new Error(read.problem.message);
    return read.value;
  });
}

function problem(files: ReportFile[]) {
  const merged = mergeReports(files);
  return merged.ok ? undefined : merged.problem;
}

describe('merging shard reports', () => {
  it('puts the results back in the order of the whole run, whatever order the shards come in', () => {
    const [one, two, three] = shards(3, [300, 700, 500]);
    const merged = mergeReports([three!, one!, two!]);
    expect(merged.ok && merged.value.results.map((r) => r.id)).toEqual(ids);
    expect(merged.ok && merged.value).toMatchObject({ strategy: 'faithful', durationMs: 700 });
    expect(merged.ok && jsonReport(merged.value).summary).toEqual({ total: 7, passed: 6, failed: 1 });
    expect(merged.ok && jsonReport(merged.value)).not.toHaveProperty('shard');
  });

  it('merges shards that are empty (more shards than scenarios) and a whole run alone', () => {
    const merged = mergeReports(shards(9));
    expect(merged.ok && merged.value.results.map((r) => r.id)).toEqual(ids);
    const whole = readReport('whole.json', renderJson(fakeRun([passedResult('a')])));
    expect(whole.ok && mergeReports([whole.value]).ok).toBe(true);
  });

  it('refuses a missing shard, a shard given twice, shards of different splits and strategies', () => {
    const [one, two, three] = shards(3);
    expect(problem([one!, three!])).toEqual({
      code: 'shards-do-not-fit',
      message: 'Shard 2/3 is missing; give the reports of all 3 shards.',
    });
    expect(problem([one!, two!, two!, three!])?.message).toBe('shard-2.json and shard-2.json are both shard 2/3; give each shard once.');
    expect(problem([one!, shards(2)[1]!])?.message).toBe(
      'shard-2.json is shard 2/2 but shard-1.json is a shard of 3; merge the shards of one run.',
    );
    const safe = { ...two!, report: { ...two!.report, strategy: 'safe' as const } };
    expect(problem([one!, safe, three!])?.code).toBe('strategies-differ');
    expect(problem([])?.code).toBe('shards-do-not-fit');
  });

  it('refuses shards whose sizes do not fit one selection, and a scenario in two shards', () => {
    const [one, two] = shards(2);
    const longer = { ...two!, report: { ...two!.report, scenarios: [...two!.report.scenarios, passedResult('h'), passedResult('i')] } };
    expect(problem([one!, longer])?.message).toContain('holds more scenarios than its shard');
    const again = { ...two!, report: { ...two!.report, scenarios: [passedResult('a'), ...two!.report.scenarios.slice(1)] } };
    expect(problem([one!, again])?.message).toContain('Scenario a is in more than one shard');
  });

  it('reads only version 2 reports, and says what a file is not', () => {
    expect(readReport('old.json', JSON.stringify({ summary: {}, scenarios: [] }))).toMatchObject({
      ok: false,
      problem: { code: 'old-version', message: expect.stringContaining('old.json is a report of version 1') },
    });
    expect(readReport('x.json', '{')).toMatchObject({
      ok: false,
      problem: { code: 'not-a-report', message: expect.stringMatching(/^x\.json is not JSON/) },
    });
    expect(
      readReport('y.json', JSON.stringify({ version: 2, strategy: 'faithful', durationMs: 1, scenarios: [{ id: 'a' }] })),
    ).toMatchObject({
      ok: false,
      problem: { code: 'not-a-report', message: expect.stringContaining('y.json is not a scenarios report: scenarios.0.title') },
    });
  });
});
