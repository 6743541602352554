import { describe, expect, it } from 'vitest';
import { failedResult, fakeRun, findingResult, passedResult } from '../../test/support/scenario-results.js';
import { jsonReport, renderJson } from './json.js';

describe('the json reporter', () => {
  it('counts the results and keeps them whole, in the order given', () => {
    const results = [failedResult(), passedResult(), passedResult('draft-not-synced')];
    const report = jsonReport(fakeRun(results));
    expect(report.summary).toEqual({ total: 3, passed: 2, failed: 1 });
    expect(report.scenarios).toEqual(results);
  });

  it('prints parseable JSON with the contract fields and the additions', () => {
    const parsed = JSON.parse(
      renderJson(fakeRun([passedResult('same-booking-number', { strategy: 'safe', stillHappens: false })], { strategy: 'safe' })),
    );
    expect(Object.keys(parsed)).toEqual(['version', 'strategy', 'durationMs', 'summary', 'scenarios']);
    expect(parsed).toMatchObject({ version: 2, strategy: 'safe', durationMs: 1234 });
    expect(parsed.scenarios[0]).toMatchObject({
      id: 'same-booking-number',
      status: 'passed',
      expected: 'fixed',
      strategy: 'safe',
      stillHappens: false,
      violationsAfterRepair: [],
      steps: [{ phase: 'setup', status: 'passed' }, { phase: 'verify' }],
    });
  });

  it("carries residualInvariants always, and finding and a step's narrationOnly when they apply", () => {
    const [withFinding, plain] = JSON.parse(renderJson(fakeRun([findingResult(), passedResult()]))).scenarios;
    expect(withFinding).toMatchObject({
      expected: 'I1',
      residualInvariants: ['I1'],
      finding: expect.stringContaining('2026/3'),
      steps: [{ narrationOnly: 'Adding a column changes neither system.' }, {}],
    });
    expect(withFinding.steps[1]).not.toHaveProperty('narrationOnly');
    expect(plain).toMatchObject({ residualInvariants: [] });
    expect(plain).not.toHaveProperty('finding');
  });

  it('writes an empty run (an empty shard) as zero counts, and says which shard it is', () => {
    expect(JSON.parse(renderJson(fakeRun([], { shard: { index: 3, count: 3 } })))).toEqual({
      version: 2,
      strategy: 'faithful',
      durationMs: 1234,
      shard: { index: 3, count: 3 },
      summary: { total: 0, passed: 0, failed: 0 },
      scenarios: [],
    });
  });
});
