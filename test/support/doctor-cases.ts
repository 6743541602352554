import { saveCaseFile } from '../../core/index.js';
import { CATALOGUE } from '../../scenarios/catalogue/index.js';
import { ScenarioSession } from '../../scenarios/session.js';

/** Plays a catalogue scenario up to the end of its symptom phase and saves that world as a case file (a ticket's data). */
export async function saveSymptomCase(scenarioId: string, path: string, title = `Ticket: ${scenarioId}`): Promise<void> {
  const scenario = CATALOGUE.find((s) => s.id === scenarioId);
  if (!scenario) throw new Error(`No scenario ${scenarioId}.`);
  const session = await ScenarioSession.start(scenario);
  try {
    const ends = session.steps.findIndex((s) => s.phase === 'repair' || s.phase === 'verify');
    while (session.results.length < (ends === -1 ? session.steps.length : ends)) await session.next();
    await saveCaseFile(session.world, path, { title });
  } finally {
    await session.close();
  }
}
