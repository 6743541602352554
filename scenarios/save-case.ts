import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { saveCaseFile, type World } from '../core/index.js';
import type { Result } from '../primitives/index.js';
import type { Scenario } from './scenario.js';

/** Why `--save-case FILE` cannot be used as asked: a file is there and `--force` was not given. */
export type CasePathProblem = { code: 'case_file_exists'; message: string };

/** Checks, before anything runs, that `--save-case` may write `file`: a new file, or an existing one with `force`. */
export async function checkCasePath(file: string, force: boolean): Promise<Result<void, CasePathProblem>> {
  if (force) return { ok: true, value: undefined };
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  if (!exists) return { ok: true, value: undefined };
  return {
    ok: false,
    problem: {
      code: 'case_file_exists',
      message: `${resolve(file)} already exists, and --save-case does not overwrite a file: add --force to replace it, or give another path.`,
    },
  };
}

/** Saves a scenario's world as a case file for a ticket, titled with the scenario, its notes saying where it stops. */
export async function saveScenarioCase(world: World, scenario: Scenario, file: string): Promise<void> {
  const notes =
    `Saved by \`booklab scenarios run ${scenario.id} --save-case\` at the end of the symptom phase, before the repair ` +
    `(articles ${scenario.sources.join(', ')}; rules ${scenario.rules.join(' ')}). Open it with \`booklab tui --case FILE\`.`;
  await saveCaseFile(world, file, { title: `${scenario.id}: ${scenario.title}`, notes });
}

/** The line that tells where the case file is and what to do with it. */
export function savedCaseLine(file: string): string {
  return `Saved the world at the end of the symptom phase in ${resolve(file)}: attach it to a ticket, or open it with \`booklab tui --case ${file}\`.`;
}
