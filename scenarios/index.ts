// booklab's scenarios: the catalogue of support cases, the doctor, the walkthrough and the `scenarios` command.
// The catalogue, the scenario files and the scenarios and explore commands load on first use (load-on-use.ts), so
// importing this stays light.

export { loadCatalogue, readScenarioFile, loadScenariosCommand, loadExploreCommand } from './load-on-use.js';
export { selectScenarios, SelectionError } from './select.js';
export { Walkthrough } from './walkthrough.js';
export { line } from './actions.js';
export { caseOfWorld, caseOfFile, caseFileOf } from './doctor/doctor-case.js';
export { examine, EXIT_CODES } from './doctor/examine.js';
export { planScenario } from './doctor/prove.js';
export { doctorText } from './doctor/doctor-text.js';
export { styleFor } from './reporters/style.js';
export { colourWanted } from './colour-policy.js';
export { wholeNumber } from './cli-arguments.js';
export { closestWords, orList } from './closest-words.js';

export type { Scenario } from './scenario.js';
export type { WalkthroughState } from './walkthrough.js';
export type { DoctorCase } from './doctor/doctor-case.js';
export type { Examination, ProvenPlan } from './doctor/examine.js';
export type { TextFormat } from './doctor/doctor-text.js';
export type { Style } from './reporters/style.js';
export type { ColourSetting } from './colour-policy.js';
export type { Output } from './output.js';
