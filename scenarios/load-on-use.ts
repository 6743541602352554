// The heavy parts of scenarios, loaded on first use: the barrel re-exports these, so a command that needs only the
// doctor or the reporters' style does not load the catalogue, the scenario-file schemas (zod), the reporters or the explorer.
import type { Command } from 'commander';
import type { exploreCommand } from './explore/explore-command.js';
import type { readScenarioFile as readFileNow } from './file/index.js';
import type { scenariosCommand } from './scenarios-command.js';
import type { Scenario } from './scenario.js';

/** The catalogue of support cases, loaded on first use. */
export async function loadCatalogue(): Promise<readonly Scenario[]> {
  return (await import('./catalogue/index.js')).CATALOGUE;
}

/** Reads and checks a scenario file (.scenario.json), loading the schemas on first use. */
export async function readScenarioFile(path: string): ReturnType<typeof readFileNow> {
  return (await import('./file/index.js')).readScenarioFile(path);
}

/** The `explore` command, its explorer loaded when the command is the one that runs. */
export async function loadExploreCommand(context: Parameters<typeof exploreCommand>[0]): Promise<Command> {
  return (await import('./explore/explore-command.js')).exploreCommand(context);
}

/** The `scenarios` command, its runner and reporters loaded when the command is the one that runs. */
export async function loadScenariosCommand(options: Parameters<typeof scenariosCommand>[0]): Promise<Command> {
  return (await import('./scenarios-command.js')).scenariosCommand(options);
}
