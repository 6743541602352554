import { describe, expect, it } from 'vitest';
import { scenarioFromJson } from '../file/index.js';
import { runScenario } from '../run-scenario.js';
import { explore } from './explore.js';
import { historyFile } from './history-file.js';
import { exploreReport, renderExploreJson } from './report.js';

// The explorer's promises: the same seed gives the same report, byte for byte; every history lands in one class; a
// broken world is judged (by the doctor unless told otherwise) and shrinking keeps its class and finding codes; and
// each minimal history it saves is a scenario file that replays to the same invariants.

const OPTIONS = { runs: 12, seed: 20261202, maxSteps: 4, strategy: 'faithful' } as const;

describe('booklab explore', () => {
  it('gives the same JSON report for the same seed, and finds broken histories shrunk to a few actions', { timeout: 120_000 }, async () => {
    const first = renderExploreJson(exploreReport(await explore(OPTIONS), 'found'));
    const second = renderExploreJson(exploreReport(await explore(OPTIONS), 'found'));
    expect(second).toBe(first);
    const report = JSON.parse(first);
    expect(Object.keys(report.classes)).toEqual([
      'healthy',
      'repaired-by-article',
      'repaired-by-completed-plan',
      'no-plan',
      'plan-fails',
      'product-failure',
    ]);
    expect(Object.values(report.classes as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(12);
    expect(report.findings.length).toBeGreaterThan(0);
    for (const finding of report.findings) {
      expect(finding.example.actions.length).toBeLessThanOrEqual(1 + 2 + OPTIONS.maxSteps + 1);
      expect(finding.example.doctor.findings.join('+')).toBe(finding.code);
      expect(finding.example.file).toBe(`found/found-${finding.class}-${finding.code.replaceAll('+', '-')}.scenario.json`);
    }
    const perCode = report.codes.map((c: { code: string; count: number }) => [c.code, c.count]);
    for (const [code, count] of perCode) {
      const having = report.findings.filter((f: { code: string }) => f.code.split('+').includes(code));
      expect(count).toBe(having.reduce((n: number, f: { count: number }) => n + f.count, 0));
    }
  });

  it('lets another judge of broken worlds decide their class and finding, kept while shrinking', { timeout: 120_000 }, async () => {
    const judged: string[] = [];
    const { classes, findings } = await explore({
      ...OPTIONS,
      runs: 6,
      judgeBroken: async (ctx, outcome) => {
        judged.push(outcome.code);
        return { class: 'no-plan', code: `${outcome.code}${ctx.world.focus.state.integration?.active ? '' : ' (inactive)'}` };
      },
    });
    expect(judged.length).toBeGreaterThan(0);
    expect(classes['no-plan']).toBeGreaterThan(0);
    expect(classes.healthy + classes['no-plan']).toBe(6);
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      expect(finding.class).toBe('no-plan');
      expect(finding.minimal.class).toBe('no-plan');
      expect(finding.minimal.code).toBe(finding.code);
      expect(finding.code.startsWith(finding.minimal.invariants.join('+'))).toBe(true);
    }
  });

  it('saves each minimal history as a scenario file that replays to the same finding', { timeout: 120_000 }, async () => {
    const { findings } = await explore({ ...OPTIONS, runs: 6 });
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      const read = scenarioFromJson(historyFile(finding.minimal, { replay: 'booklab explore', schema: 'scenario-file.schema.json' }));
      if (!read.ok) throw new Error(read.problem.message);
      const result = await runScenario(read.value.scenario);
      expect(result.reason).toBeUndefined();
      expect([...new Set(result.violationsAfterRepair.map((v) => v.invariant))].sort()).toEqual(finding.minimal.invariants);
    }
  });
});
