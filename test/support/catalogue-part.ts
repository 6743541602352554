import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../scenarios/scenario.js';
import type { ScenarioResult, runScenario } from '../../scenarios/run-scenario.js';
import type { selectScenarios } from '../../scenarios/select.js';
import type { symptomsAfterRepair } from '../../scenarios/symptoms-after-repair.js';
import { transcript } from './transcript.js';

/**
 * How many test files the catalogue is spread over. vitest's --shard hands out whole files, so one file
 * would put every scenario on one CI machine; test/scenarios-catalogue-<K>.test.ts for K = 1..N each
 * play every N-th scenario, as `booklab scenarios run --shard K/N` does.
 */
export const CATALOGUE_PARTS = 4;

const PART_FILE = /^scenarios-catalogue-(\d+)\.test\.ts$/;

/** Why a scenario failed, in full, for the assertion message. */
export function explainResult(result: ScenarioResult): string {
  const failedStep = result.steps.find((s) => s.status === 'failed');
  return [
    `${result.id} ${result.status}: ${result.reason ?? '(no reason)'}`,
    ...(failedStep
      ? [`failing step [${failedStep.phase}] ${failedStep.title}: ${failedStep.error ?? ''}`, `narration: ${failedStep.narration}`]
      : []),
    `violations before the repair: ${JSON.stringify(result.violationsBeforeRepair)}`,
    `violations after the repair: ${JSON.stringify(result.violationsAfterRepair)}`,
  ].join('\n');
}

/**
 * Registers one `it` per scenario of part `part` of the catalogue, each playing it in its own world and expecting it
 * to pass, and to tell the walkthrough of test/transcripts/<id>.txt word for word.
 */
export async function testCataloguePart(part: number): Promise<void> {
  const loaded = await loadCatalogue();
  if (!loaded.ok) {
    it('loads the scenario catalogue', () => {
      throw loaded.error;
    });
    return;
  }
  const { CATALOGUE, runScenario, selectScenarios, symptomsAfterRepair } = loaded;
  const scenarios = selectScenarios(CATALOGUE, { shard: { index: part, count: CATALOGUE_PARTS } });
  describe(`the scenario catalogue, part ${part} of ${CATALOGUE_PARTS}`, () => {
    for (const scenario of scenarios) {
      it(`${scenario.id}: ${scenario.title}`, async () => {
        const result = await runScenario(scenario);
        expect(result.status, explainResult(result)).toBe('passed');
        await expect(transcript(result)).toMatchFileSnapshot(`./transcripts/${scenario.id}.txt`);
      });
      // A repair removes what its symptom steps show, so each must fail once the repair is done (or say why it outlives
      // the repair, and still hold): a symptom check that passes either way proves nothing.
      if (scenario.expected === 'fixed' && scenario.steps.some((s) => s.phase === 'symptom'))
        it(`${scenario.id}: every symptom check fails on the repaired world`, async () => {
          expect(await symptomsAfterRepair(scenario)).toEqual({ stillShown: [], notOutlived: [] });
        });
    }
    if (!scenarios.length)
      it('has no scenario while the catalogue is smaller than the number of parts', () => expect(CATALOGUE.length).toBeLessThan(part));
    if (part === 1) {
      it(`is spread over exactly ${CATALOGUE_PARTS} part files, so no scenario is left out`, async () => {
        const parts = (await readdir(new URL('..', import.meta.url)))
          .map((name) => PART_FILE.exec(name)?.[1])
          .filter((k) => k !== undefined);
        expect(parts.map(Number).sort((a, b) => a - b)).toEqual(Array.from({ length: CATALOGUE_PARTS }, (_, i) => i + 1));
      });
    }
  });
}

/**
 * Loads the catalogue and its player. A catalogue that cannot load (a scenario defined wrongly) becomes one failing
 * test instead of a file that collects no tests, which Stryker's vitest runner would count as a surviving mutant.
 */
async function loadCatalogue(): Promise<
  | {
      ok: true;
      CATALOGUE: readonly Scenario[];
      runScenario: typeof runScenario;
      selectScenarios: typeof selectScenarios;
      symptomsAfterRepair: typeof symptomsAfterRepair;
    }
  | { ok: false; error: unknown }
> {
  try {
    const [{ CATALOGUE }, { runScenario }, { selectScenarios }, { symptomsAfterRepair }] = await Promise.all([
      import('../../scenarios/catalogue/index.js'),
      import('../../scenarios/run-scenario.js'),
      import('../../scenarios/select.js'),
      import('../../scenarios/symptoms-after-repair.js'),
    ]);
    return { ok: true, CATALOGUE, runScenario, selectScenarios, symptomsAfterRepair };
  } catch (error) {
    return { ok: false, error };
  }
}
