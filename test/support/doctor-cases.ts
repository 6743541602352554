import { saveCaseFile } from '../../core/index.js';
import { CATALOGUE } from '../../scenarios/catalogue/index.js';
import { ScenarioSession } from '../../scenarios/session.js';

/**
 * Plays a catalogue scenario up to the end of its symptom phase (or to its end) and saves that world as a case file,
 * as a ticket's data arrives.
 */
export async function saveSymptomCase(scenarioId: string, path: string, title = `Ticket: ${scenarioId}`, upTo: 'symptom' | 'end' = 'symptom'): Promise<void> {
  const scenario = CATALOGUE.find((s) => s.id === scenarioId);
  if (!scenario) throw new Error(`No scenario ${scenarioId}.`);
  const session = await ScenarioSession.start(scenario);
  try {
    const ends = upTo === 'end' ? -1 : session.steps.findIndex((s) => s.phase === 'repair' || s.phase === 'verify');
    while (session.results.length < (ends === -1 ? session.steps.length : ends)) await session.next();
    await saveCaseFile(session.world, path, { title });
  } finally {
    await session.close();
  }
}
