import { writeCaseFile } from '../../core/index.js';
import { caseFileOf, caseOfWorld, type DoctorCase } from '../../scenarios/doctor/doctor-case.js';
import { CATALOGUE } from '../../scenarios/catalogue/index.js';
import type { Scenario } from '../../scenarios/scenario.js';
import { ScenarioSession } from '../../scenarios/session.js';

/**
 * Plays a catalogue scenario up to the end of its symptom phase (or to its end) and saves that world as a case file,
 * as a ticket's data arrives.
 */
export async function saveSymptomCase(
  scenarioId: string,
  path: string,
  title = `Ticket: ${scenarioId}`,
  upTo: UpTo = 'symptom',
): Promise<void> {
  const doctorCase = await scenarioCase(scenarioId, upTo);
  await writeCaseFile(path, caseFileOf({ ...doctorCase, title }, doctorCase.snapshot, ''));
}

/** Where to stop a scenario: after its symptom phase, at its end, or after its first `n` steps. */
export type UpTo = 'symptom' | 'end' | number;

/** The world of a scenario (the catalogue's, by id, or one of a test's own) played up to `upTo`, as the doctor examines it. */
export async function scenarioCase(played: string | Scenario, upTo: UpTo = 'symptom'): Promise<DoctorCase> {
  const scenario = typeof played === 'string' ? CATALOGUE.find((s) => s.id === played) : played;
  if (!scenario) throw new Error(`No scenario ${String(played)}.`);
  const scenarioId = scenario.id;
  const session = await ScenarioSession.start(scenario);
  try {
    const symptomEnds = session.steps.findIndex((s) => s.phase === 'repair' || s.phase === 'verify');
    const stop =
      upTo === 'end' ? session.steps.length : upTo === 'symptom' ? (symptomEnds === -1 ? session.steps.length : symptomEnds) : upTo;
    while (session.results.length < stop && !session.done) await session.next();
    const failed = session.results.find((r) => r.status === 'failed');
    if (failed) throw new Error(`${scenarioId}: step "${failed.title}" failed: ${failed.error}`);
    return await caseOfWorld(session.world, scenarioId);
  } finally {
    await session.close();
  }
}
