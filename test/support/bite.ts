import { readdir } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../scenarios/catalogue/index.js';
import { runScenario, type ScenarioResult } from '../../scenarios/run-scenario.js';
import type { Scenario } from '../../scenarios/scenario.js';
import { selectScenarios } from '../../scenarios/select.js';
import { explainResult } from './catalogue-part.js';

/**
 * How many test files the bite table is spread over (test/scenarios-bite-<K>.test.ts): each plays every N-th repair
 * scenario, so vitest runs the parts side by side and `--shard` hands them out like the catalogue's parts.
 */
export const BITE_PARTS = 4;

const PART_FILE = /^scenarios-bite-(\d+)\.test\.ts$/;

/** A row of the table: a repair step of a scenario, and what leaving it out did. */
export interface BiteRow {
  scenario: string;
  step: string;
  /** `bites`: the scenario fails without it; `narration`: declared narration only, and the scenario still passes without it. */
  verdict: 'bites' | 'narration';
  /** Why it failed without the step, or why the step is narration only. */
  detail: string;
}

/** Every scenario with a repair step: the repairs, the variants and the mistakes a trainer shows. */
export function repairScenarios(catalogue: readonly Scenario[] = CATALOGUE): Scenario[] {
  return catalogue.filter((s) => s.steps.some((step) => step.phase === 'repair'));
}

/** The reason a run failed, on one line. */
function failure(result: ScenarioResult): string {
  return (result.reason ?? '(no reason)').replace(/\s+/g, ' ');
}

/**
 * Plays `scenario` whole, then once for each of its repair steps with that step left out. A step that acted must
 * make the scenario fail; a step that declared itself narration only (with its reason, in the whole run) must leave
 * it passing, or the declaration hides a step that matters.
 */
export async function biteRows(scenario: Scenario): Promise<BiteRow[]> {
  const whole = await runScenario(scenario);
  expect(whole.status, explainResult(whole)).toBe('passed');
  const rows: BiteRow[] = [];
  for (const [index, step] of scenario.steps.entries()) {
    if (step.phase !== 'repair') continue;
    const declared = whole.steps[index]!.narrationOnly;
    const without = await runScenario(scenario, { skipSteps: [step.title] });
    if (declared !== undefined) {
      expect(
        without.status,
        `${scenario.id}: "${step.title}" is declared narration only (${declared}), but leaving it out changes the end.\n${explainResult(without)}`,
      ).toBe('passed');
      rows.push({ scenario: scenario.id, step: step.title, verdict: 'narration', detail: declared });
    } else {
      expect(
        without.status,
        `${scenario.id}: leaving out the repair step "${step.title}" changes nothing; make the step matter, or declare it narration only with its reason.`,
      ).toBe('failed');
      rows.push({ scenario: scenario.id, step: step.title, verdict: 'bites', detail: failure(without) });
    }
  }
  return rows;
}

/** The rows as a table: scenario × step, with the verdict and its detail cut to one line. */
export function biteTable(rows: readonly BiteRow[]): string {
  const width = (values: string[]) => Math.max(...values.map((v) => v.length));
  const scenarioWidth = width(['scenario', ...rows.map((r) => r.scenario)]);
  const stepWidth = Math.min(70, width(['repair step left out', ...rows.map((r) => r.step)]));
  const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
  const line = (a: string, b: string, c: string) => `${a.padEnd(scenarioWidth)}  ${cut(b, stepWidth).padEnd(stepWidth)}  ${c}`;
  const bites = rows.filter((r) => r.verdict === 'bites').length;
  return [
    line('scenario', 'repair step left out', 'then'),
    ...rows.map((r) =>
      line(r.scenario, r.step, cut(r.verdict === 'bites' ? `✗ fails: ${r.detail}` : `– narration only: ${r.detail}`, 140)),
    ),
    `${rows.length} repair steps in ${new Set(rows.map((r) => r.scenario)).size} scenarios: ${bites} make the scenario fail when left out, ${rows.length - bites} are narration only.`,
  ].join('\n');
}

/** Registers one `it` per repair scenario of part `part`, and prints the part's table scenario × step at the end. */
export function testBitePart(part: number): void {
  const scenarios = selectScenarios(repairScenarios(), { shard: { index: part, count: BITE_PARTS } });
  const rows = new Map<string, BiteRow[]>();
  describe(`the checks bite: each repair step left out makes the scenario fail (part ${part} of ${BITE_PARTS})`, () => {
    for (const scenario of scenarios) {
      it.concurrent(`${scenario.id}: every repair step matters or is declared narration only`, { timeout: 60_000 }, async () => {
        rows.set(scenario.id, await biteRows(scenario));
      });
    }
    if (part === 1) {
      it(`is spread over exactly ${BITE_PARTS} part files, so no repair scenario is left out`, async () => {
        const parts = (await readdir(new URL('..', import.meta.url)))
          .map((name) => PART_FILE.exec(name)?.[1])
          .filter((k) => k !== undefined);
        expect(parts.map(Number).sort((a, b) => a - b)).toEqual(Array.from({ length: BITE_PARTS }, (_, i) => i + 1));
      });
    }
    afterAll(() => {
      const played = scenarios.flatMap((s) => rows.get(s.id) ?? []);
      if (played.length) console.log(`\nBite table, part ${part} of ${BITE_PARTS}:\n${biteTable(played)}\n`);
    });
  });
}
