// Scenario files: support cases written as JSON, validated, and played as any scenario of the catalogue.

export { ACTION_NAMES, ActionSchema, RefusalSchema, type FileAction } from './actions-schema.js';
export { CHECK_NAMES, CheckSchema, type FileCheck } from './checks-schema.js';
export { compileScenarioFile } from './compile-scenario-file.js';
export { attemptRefusable, isRefusable, playAction, type RefusableAction } from './play-action.js';
export { playCheck } from './play-check.js';
export { describeIssues, pathInWords } from './issues.js';
export { renderScenarioFileJsonSchema, scenarioFileJsonSchema } from './json-schema.js';
export {
  parseScenarioFile,
  readScenarioFile,
  scenarioFromJson,
  type ScenarioFileProblem,
  type ScenarioFileResult,
} from './read-scenario-file.js';
export { phaseOf, SCENARIO_FILE_VERSION, ScenarioFileSchema, type ScenarioFile, type ScenarioFileInput } from './scenario-file-schema.js';
export { FileStepSchema, type FileStep, type PlanStep, type ProcedureStep, type StoryStep } from './steps-schema.js';
