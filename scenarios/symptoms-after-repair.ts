import type { Scenario } from './scenario.js';
import { ScenarioSession } from './session.js';

/** How a repair scenario's symptom checks fare on the repaired world. */
export interface SymptomsAfterRepair {
  /** Symptom steps that still pass although they do not declare `outlivesRepair`: checks that cannot fail. */
  stillShown: string[];
  /** Symptom steps that declare `outlivesRepair` but fail: what they say outlives the repair does not. */
  notOutlived: string[];
}

/**
 * Plays a repair scenario up to the end of its repair, then each of its symptom steps once more on the repaired world.
 * A symptom check that still passes after the repair shows nothing the repair removed (a check switched off, or one
 * that asserts too little), unless it declares why what it shows outlives the repair.
 */
export async function symptomsAfterRepair(scenario: Scenario): Promise<SymptomsAfterRepair> {
  const session = await ScenarioSession.start(scenario);
  try {
    while (!session.done && session.nextStep?.phase !== 'verify') await session.next();
    const failed = session.results.find((r) => r.status === 'failed');
    if (failed)
      throw new Error(`${scenario.id} could not be played up to the end of its repair: "${failed.title}" failed: ${failed.error}`);
    const result: SymptomsAfterRepair = { stillShown: [], notOutlived: [] };
    for (const symptom of scenario.steps.filter((s) => s.phase === 'symptom')) {
      let shown = true;
      try {
        await symptom.run(session.ctx);
      } catch {
        shown = false;
      }
      if (shown && symptom.outlivesRepair === undefined) result.stillShown.push(symptom.title);
      if (!shown && symptom.outlivesRepair !== undefined) result.notOutlived.push(symptom.title);
    }
    return result;
  } finally {
    await session.close();
  }
}
