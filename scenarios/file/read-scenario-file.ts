import type { Result } from '../../primitives/index.js';
import { readFile } from 'node:fs/promises';
import type { Scenario } from '../scenario.js';
import { compileScenarioFile } from './compile-scenario-file.js';
import { describeIssues } from './issues.js';
import { ScenarioFileSchema, type ScenarioFile } from './scenario-file-schema.js';

// Reading a scenario file: JSON text, validated against the format, made into a Scenario. Every way it can be wrong
// is a value, with the path of each bad field, so the command can refuse it with exit 2 instead of a stack trace.

/** Why a scenario file was refused. */
export type ScenarioFileProblem =
  { code: 'unreadable'; message: string } | { code: 'not_json'; message: string } | { code: 'invalid'; message: string; issues: string[] };

/** A scenario file read: the Scenario it plays and the file as validated, or why it was refused. */
export type ScenarioFileResult = Result<{ scenario: Scenario; file: ScenarioFile }, ScenarioFileProblem>;

const SEE = 'See docs/scenario-file.schema.json for the format.';

function invalid(source: string, issues: string[]): ScenarioFileResult {
  return {
    ok: false,
    problem: {
      code: 'invalid',
      issues,
      message: `${source} is not a valid scenario file:\n${issues.map((i) => `  ${i}`).join('\n')}\n${SEE}`,
    },
  };
}

/** Validates parsed JSON as a scenario file and compiles it; `source` names it in messages. */
export function scenarioFromJson(raw: unknown, source = 'The scenario file'): ScenarioFileResult {
  const parsed = ScenarioFileSchema.safeParse(raw);
  if (!parsed.success) return invalid(source, describeIssues(parsed.error.issues, raw));
  try {
    return { ok: true, value: { scenario: compileScenarioFile(parsed.data), file: parsed.data } };
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return invalid(source, [`steps: ${error.message.replace(/^\[booklab\] scenario [\w-]+: /, '')}`]);
  }
}

/** Parses JSON text as a scenario file. */
export function parseScenarioFile(text: string, source = 'The scenario file'): ScenarioFileResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problem: { code: 'not_json', message: `${source} is not JSON: ${error instanceof Error ? error.message : String(error)}. ${SEE}` },
    };
  }
  return scenarioFromJson(raw, source);
}

/** Reads a `.scenario.json` file from disk. */
export async function readScenarioFile(path: string): Promise<ScenarioFileResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problem: { code: 'unreadable', message: `Cannot read the scenario file ${path}: ${reason}. Check the path given to --file.` },
    };
  }
  return parseScenarioFile(text, path);
}
