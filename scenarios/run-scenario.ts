import { evaluateInvariants, type InvariantId, type SyncStrategy, type Violation, type World } from '../core/index.js';
import type { Scenario } from './scenario.js';
import { invariantIds, ScenarioSession, type StepResult } from './session.js';
import type { WorldPicture } from './world-picture.js';
import { WorldRecorder, type StepRecord } from './world-recorder.js';

/** A step's result; with `record`, a step that ran also carries both systems after it and what it changed. */
export type RecordedStep = StepResult & Partial<StepRecord>;

/** The outcome of one scenario: the machine contract of `booklab scenarios run --reporter json`. */
export interface ScenarioResult {
  id: string;
  title: string;
  sources: string[];
  rules: string[];
  status: 'passed' | 'failed';
  /** `fixed`, or the invariant ids a mistake scenario must leave, joined with commas. */
  expected: string;
  /** The invariants the scenario declares its end leaves violated (none for a complete repair), sorted. */
  residualInvariants: InvariantId[];
  /** What the article's procedure leaves behind, in one sentence, when it does not restore everything. */
  finding?: string;
  strategy: SyncStrategy;
  durationMs: number;
  violationsBeforeRepair: Array<{ invariant: InvariantId; message: string }>;
  violationsAfterRepair: Array<{ invariant: InvariantId; message: string }>;
  /** The scenario's own symptom, seen before the repair and after it. */
  symptom?: { description: string; before: boolean; after: boolean };
  /** Under the safe strategy: whether the case could still happen (its symptom showed). */
  stillHappens?: boolean;
  /** Why it failed, in one sentence. */
  reason?: string;
  /** With `record`: both systems before the first step. */
  worldAtStart?: WorldPicture;
  steps: RecordedStep[];
}

/** Options for {@link runScenario}. */
export interface RunOptions {
  strategy?: SyncStrategy;
  /** Titles of steps to leave out. */
  skipSteps?: string[];
  /** Record both systems before the first step and after each (for the HTML report); it costs a reading of the world per step. */
  record?: boolean;
  /**
   * Called with the world once the reproduction has played without a failed step (under the faithful strategy: at
   * the end of the symptom phase, as the repair finds it), before the run goes on; `--save-case` saves it there.
   */
  onReproduced?: (world: World) => Promise<void>;
}

const brief = (violations: Violation[]) => violations.map(({ invariant, message }) => ({ invariant, message }));

/**
 * Plays a scenario in its own world and judges it. A repair scenario passes when it showed its symptom
 * before the repair and nothing is wrong after; a mistake scenario when it ends with exactly the violations
 * it declares. Under the safe strategy only the reproduction runs, and the result says whether the case
 * can still happen.
 */
export async function runScenario(
  scenario: Scenario,
  { strategy = 'faithful', skipSteps, record = false, onReproduced }: RunOptions = {},
): Promise<ScenarioResult> {
  const started = performance.now();
  const session = await ScenarioSession.start(scenario, { strategy, skipSteps });
  const recorder = record ? await WorldRecorder.start(session.world) : undefined;
  const next = async () => {
    const result = await session.next();
    await recorder?.afterStep(result?.narrationOnly !== undefined);
  };
  // A recorder has just read the world as it is now (nothing acts between its reading and these checks), so the checks
  // judge that reading instead of reading both systems again; without one (or unreadable) they read the world.
  const violationsNow = async () => {
    const view = recorder?.latest;
    return view ? evaluateInvariants(view) : session.violations();
  };
  let before: Violation[] = [];
  let after: Violation[] = [];
  let symptomBefore = false;
  let symptomAfter = false;
  let reason: string | undefined;
  const safe = strategy === 'safe';
  try {
    // The safe strategy plays the reproduction only: its symptom steps assert what the faithful run shows.
    const endPhases = safe ? ['symptom', 'repair', 'verify'] : ['repair', 'verify'];
    const firstAfter = session.steps.findIndex((s) => endPhases.includes(s.phase));
    const reproductionEnds = firstAfter === -1 ? session.steps.length : firstAfter;
    while (!session.done && session.results.length < reproductionEnds) await next();
    if (onReproduced && !session.results.some((r) => r.status === 'failed')) await onReproduced(session.world);
    before = await violationsNow();
    symptomBefore = scenario.symptom ? await scenario.symptom.present(session.ctx) : false;
    if (!safe) while (!session.done) await next();
    after = safe ? before : await violationsNow();
    symptomAfter = scenario.symptom ? await scenario.symptom.present(session.ctx) : false;
    reason = judge(scenario, session.results, before, after, symptomBefore, symptomAfter, safe);
  } catch (error) {
    reason = `The scenario could not be played: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await session.close();
  }
  const showedSymptom = showsSymptom(scenario, before, symptomBefore);
  return {
    ...declared(scenario),
    status: reason === undefined ? 'passed' : 'failed',
    strategy,
    durationMs: Math.round(performance.now() - started),
    violationsBeforeRepair: brief(before),
    violationsAfterRepair: brief(after),
    ...(scenario.symptom ? { symptom: { description: scenario.symptom.description, before: symptomBefore, after: symptomAfter } } : {}),
    ...(safe ? { stillHappens: showedSymptom } : {}),
    ...(reason === undefined ? {} : { reason }),
    ...(recorder?.atStart ? { worldAtStart: recorder.atStart } : {}),
    steps: [...session.results.map((result, i) => ({ ...result, ...recorder?.steps[i] })), ...session.skipped()],
  };
}

/** What a result repeats of its scenario's declaration, in the contract's order. */
export function declared(
  scenario: Scenario,
): Pick<ScenarioResult, 'id' | 'title' | 'sources' | 'rules' | 'expected' | 'residualInvariants' | 'finding'> {
  return {
    id: scenario.id,
    title: scenario.title,
    sources: scenario.sources,
    rules: scenario.rules,
    expected: scenario.expected === 'fixed' ? 'fixed' : scenario.expected.join(','),
    residualInvariants: residualInvariants(scenario),
    ...(scenario.finding === undefined ? {} : { finding: scenario.finding }),
  };
}

/** The invariants a scenario declares its end leaves violated, sorted. */
export function residualInvariants(scenario: Scenario): InvariantId[] {
  return scenario.expected === 'fixed' ? [] : [...scenario.expected].sort();
}

function showsSymptom(scenario: Scenario, before: Violation[], symptomBefore: boolean): boolean {
  const ids = invariantIds(before);
  const invariantsShown =
    (scenario.symptomInvariants ?? []).every((id) => ids.includes(id)) && (scenario.symptomInvariants?.length ?? 0) > 0;
  return invariantsShown || symptomBefore;
}

function judge(
  scenario: Scenario,
  results: StepResult[],
  before: Violation[],
  after: Violation[],
  symptomBefore: boolean,
  symptomAfter: boolean,
  safe: boolean,
): string | undefined {
  const failed = results.find((r) => r.status === 'failed');
  if (failed) return `Step "${failed.title}" failed: ${failed.error}`;
  if (safe) return undefined;
  const missing = (scenario.symptomInvariants ?? []).filter((id) => !invariantIds(before).includes(id));
  if (missing.length)
    return `Before the repair the checker should name ${missing.join(', ')}, but it found ${invariantIds(before).join(', ') || 'nothing'}.`;
  if (scenario.symptom && !symptomBefore) return `Before the repair the symptom was not there: ${scenario.symptom.description}.`;
  if (scenario.expected !== 'fixed') {
    const got = invariantIds(after);
    const want = residualInvariants(scenario);
    const what = scenario.finding === undefined ? 'The mistake' : "The article's procedure";
    return got.join(',') === want.join(',')
      ? undefined
      : `${what} should leave ${want.join(', ') || 'nothing'}, but the checker found ${got.join(', ') || 'nothing'}.`;
  }
  if (after.length) return `After the repair the world is not consistent: ${after.map((v) => `${v.invariant} ${v.message}`).join(' ')}`;
  if (scenario.symptom && symptomAfter) return `After the repair the symptom is still there: ${scenario.symptom.description}.`;
  return undefined;
}
