import { describe, expect, it } from 'vitest';
import { scenarioFromJson } from '../file/index.js';
import { runScenario } from '../run-scenario.js';
import { explore } from './explore.js';
import { historyFile } from './history-file.js';
import { exploreReport, renderExploreJson } from './report.js';

// The explorer's promises: the same seed gives the same report, byte for byte; and each minimal history it saves is
// a scenario file that replays to the same finding.

const OPTIONS = { runs: 12, seed: 20261202, maxSteps: 4, strategy: 'faithful' } as const;

describe('booklab explore', () => {
  it('gives the same JSON report for the same seed, and finds broken histories shrunk to a few actions', { timeout: 120_000 }, async () => {
    const first = renderExploreJson(exploreReport(await explore(OPTIONS), 'found'));
    const second = renderExploreJson(exploreReport(await explore(OPTIONS), 'found'));
    expect(second).toBe(first);
    const report = JSON.parse(first);
    expect(report.classes.healthy + report.classes.broken + report.classes['product-failure']).toBe(12);
    expect(report.findings.length).toBeGreaterThan(0);
    for (const finding of report.findings) expect(finding.example.actions.length).toBeLessThanOrEqual(1 + 2 + OPTIONS.maxSteps + 1);
  });

  it('lets a judge of broken worlds (the doctor, later) decide their finding, kept while shrinking', { timeout: 120_000 }, async () => {
    const judged: string[] = [];
    const { findings } = await explore({
      ...OPTIONS,
      runs: 6,
      judgeBroken: async (ctx, outcome) => {
        judged.push(outcome.code);
        return { class: 'broken', code: `${outcome.code} no plan${ctx.world.focus.state.integration?.active ? '' : ' (inactive)'}` };
      },
    });
    expect(judged.length).toBeGreaterThan(0);
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) expect(finding.minimal.code).toBe(finding.code);
    expect(findings.every((f) => / no plan/.test(f.code))).toBe(true);
  });

  it('saves each minimal history as a scenario file that replays to the same finding', { timeout: 120_000 }, async () => {
    const { findings } = await explore({ ...OPTIONS, runs: 6 });
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      const read = scenarioFromJson(historyFile(finding.minimal, { replay: 'booklab explore', schema: 'scenario-file.schema.json' }));
      if (!read.ok) throw new Error(read.problem.message);
      const result = await runScenario(read.value.scenario);
      expect(result.reason).toBeUndefined();
      expect([...new Set(result.violationsAfterRepair.map((v) => v.invariant))].sort().join('+')).toBe(finding.code);
    }
  });
});
