import { describe, expect, it } from 'vitest';
import { explore } from './explore.js';
import { mergeReports } from './merge-reports.js';
import { exploreReport, renderExploreJson } from './report.js';

// A split exploration merged is the unsplit one: same counts, same first runs, same minimal histories, same bytes.

const OPTIONS = { runs: 10, seed: 424242, maxSteps: 4, strategy: 'faithful' } as const;

describe('merging the parts of a split exploration', () => {
  it('gives the report of the whole exploration, byte for byte', { timeout: 120_000 }, async () => {
    const whole = renderExploreJson(exploreReport(await explore(OPTIONS), 'found'));
    const parts = [];
    for (const index of [2, 1]) {
      const report = exploreReport(await explore({ ...OPTIONS, shard: { index, count: 2 } }), 'found');
      parts.push({ name: `part-${index}.json`, report: JSON.parse(renderExploreJson(report)) as unknown });
    }
    const merged = mergeReports(parts);
    if (!merged.ok) throw new Error(merged.problem.message);
    expect(renderExploreJson(merged.value)).toBe(whole);
  });

  it('refuses a missing part, a part given twice and a part of another exploration', () => {
    const part = (index: number, seed = 1) => ({
      name: `part-${index}.json`,
      report: {
        version: 2,
        seed,
        runs: 4,
        maxSteps: 2,
        strategy: 'faithful',
        shard: { index, count: 2 },
        replay: '',
        classes: {
          healthy: 2,
          'repaired-by-article': 0,
          'repaired-by-completed-plan': 0,
          'no-plan': 0,
          'plan-fails': 0,
          'product-failure': 0,
        },
        findings: [],
        codes: [],
      },
    });
    expect(mergeReports([part(1)])).toMatchObject({
      ok: false,
      problem: { code: 'missing', message: expect.stringContaining('missing: 2/2') },
    });
    expect(mergeReports([part(1), part(1), part(2)])).toMatchObject({
      ok: false,
      problem: { code: 'missing', message: expect.stringContaining('twice') },
    });
    expect(mergeReports([part(1), part(2, 9)])).toMatchObject({
      ok: false,
      problem: { code: 'mismatch', message: expect.stringMatching(/^part-2\.json comes from another exploration/) },
    });
    expect(mergeReports([{ name: 'x.json', report: { ...part(1).report, version: 1 } }])).toMatchObject({
      ok: false,
      problem: { code: 'invalid', message: expect.stringMatching(/^x\.json is not the JSON report of one part/) },
    });
  });
});
