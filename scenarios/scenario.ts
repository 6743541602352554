import type { InvariantId, SyncStrategy, World, WorldOptions } from '../core/index.js';
import type { DoctorExpectation } from './doctor/expectation.js';
import type { Notebook } from './notes.js';

// In a file of its own so that the notebook, whose reads fail a step too, throws it without importing this one.
export { StepFailure } from './step-failure.js';

/** The phases of a support case, in the order they run. */
export const PHASES = ['setup', 'reproduce', 'symptom', 'repair', 'verify'] as const;

/** One phase of a scenario. */
export type Phase = (typeof PHASES)[number];

/** What a step works on: the world, the values written down so far, and names for what it created. */
export interface ScenarioContext {
  world: World;
  /** The sync strategy the scenario runs under (`faithful` unless the runner says `safe`). */
  strategy: SyncStrategy;
  /** Values the procedure asks to write down (delink date, booking numbers, start date, journals), typed per note. */
  notes: Notebook;
  /** Documents and other things steps refer to by name (`test invoice` → `invoice-4`). */
  refs: Record<string, string>;
}

/** A step of a scenario: a one-line title, and a narration in the article's words (computed after it ran, so it can show written-down values). */
export interface Step {
  phase: Phase;
  title: string;
  narration: string | ((ctx: ScenarioContext) => string);
  run(ctx: ScenarioContext): Promise<void> | void;
  /**
   * Why the step changes nothing a later step or the checker could tell (it only tells): a narration-only step.
   * A function decides after the step ran (a correction with nothing to correct); undefined means it acted.
   * Every other step must matter: leaving it out makes the scenario fail (test/scenarios-bite-*.test.ts).
   */
  narrationOnly?: string | ((ctx: ScenarioContext) => string | undefined);
  /**
   * A symptom step only: why what it shows is still true once the repair is done (the repair works around it, as
   * zeroing an invoice that cannot be deleted). Every other symptom step must fail on the repaired world.
   */
  outlivesRepair?: string;
}

/** A symptom the customer sees that breaks no invariant (the accidental invoice still exists, the error is hidden). */
export interface Symptom {
  /** What is wrong, in words a support agent uses. */
  description: string;
  /** True while the symptom is there. */
  present(ctx: ScenarioContext): Promise<boolean> | boolean;
}

/** A support case as code. */
export interface Scenario {
  /** Kebab-case id; part of the CLI's interface. */
  id: string;
  title: string;
  /** The articles it comes from: `000` … `004` (shared/seeds). */
  sources: string[];
  /** Rule, procedure and invariant ids of BEHAVIOUR.md it exercises (`R9`, `P-samenumber`). */
  rules: string[];
  /** `fixed`: no violations after the repair. A mistake scenario lists exactly the violations its mistake leaves. */
  expected: 'fixed' | InvariantId[];
  /** Invariants the case breaks before the repair (asserted), for repair scenarios. */
  symptomInvariants?: InvariantId[];
  /** A symptom of its own, for cases that break no invariant (asserted before the repair, and gone after). */
  symptom?: Symptom;
  /**
   * What the article's own procedure leaves behind, in one sentence, when it does not restore every invariant:
   * `expected` then lists exactly the invariants it leaves (the report's `residualInvariants`).
   */
  finding?: string;
  /** Repair scenarios: what `booklab doctor` says at the end of the symptom phase, in the story's literal values. */
  doctor?: DoctorExpectation;
  /** How the world is built (accounting options, clock). */
  world?: Omit<WorldOptions, 'serverUrl'>;
  steps: Step[];
}

/** A step's run that does nothing: `() => {}`, written any way. */
const EMPTY_RUN = /^(async\s*)?(\([^)]*\)|\w+)\s*=>\s*\{\s*\}$/;

/** Phases whose steps must assert the sentence they say (a symptom shown, a result verified). */
const ASSERTING: readonly Phase[] = ['symptom', 'verify'];

/**
 * Declares a scenario and checks its shape: steps in phase order with distinct titles, a symptom to show for
 * repair scenarios, a run in every step that is not declared narration-only, and no narration-only symptom or
 * verify step (those must assert what they say).
 * @example export default defineScenario({ id: 'draft-not-synced', title: '…', sources: ['003'], rules: ['R1'], expected: 'fixed', symptom, steps: [...] });
 */
export function defineScenario(scenario: Scenario): Scenario {
  const where = `[booklab] scenario ${scenario.id}`;
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(scenario.id)) throw new TypeError(`${where}: the id must be kebab-case.`);
  let last = 0;
  const titles = new Set<string>();
  for (const s of scenario.steps) {
    const index = PHASES.indexOf(s.phase);
    if (index < last)
      throw new TypeError(`${where}: step "${s.title}" (${s.phase}) comes after a ${PHASES[last]} step; keep the phases in order.`);
    last = index;
    if (titles.has(s.title))
      throw new TypeError(`${where}: two steps are titled "${s.title}"; give each step a title of its own (steps are left out by title).`);
    titles.add(s.title);
    const empty = EMPTY_RUN.test(s.run.toString().trim());
    if (ASSERTING.includes(s.phase) && (empty || s.narrationOnly !== undefined)) {
      throw new TypeError(
        `${where}: the ${s.phase} step "${s.title}" must assert what it says; a ${s.phase} step cannot be narration only.`,
      );
    }
    if (s.outlivesRepair !== undefined && s.phase !== 'symptom')
      throw new TypeError(`${where}: step "${s.title}" (${s.phase}) declares outlivesRepair; only a symptom step can outlive the repair.`);
    if (empty && typeof s.narrationOnly !== 'string') {
      throw new TypeError(`${where}: step "${s.title}" does nothing; declare it with narrationStep and say why it is narration only.`);
    }
  }
  if (scenario.expected === 'fixed' && !scenario.symptom && !scenario.symptomInvariants?.length) {
    throw new TypeError(`${where}: a repair scenario must declare its symptom (symptomInvariants or symptom).`);
  }
  if (scenario.finding !== undefined && (scenario.expected === 'fixed' || scenario.expected.length === 0)) {
    throw new TypeError(`${where}: a finding says what the procedure leaves; list those invariants in expected.`);
  }
  return scenario;
}

/** Shorthand for a step. */
export function step(
  phase: Phase,
  title: string,
  narration: Step['narration'],
  run: Step['run'],
  narrationOnly?: Step['narrationOnly'],
): Step {
  return narrationOnly === undefined ? { phase, title, narration, run } : { phase, title, narration, run, narrationOnly };
}

/** A step that only tells (adding a column to a screen, reading the story's set-up): `reason` says why nothing can depend on it. */
export function narrationStep(phase: Phase, title: string, narration: Step['narration'], reason: string): Step {
  return { phase, title, narration, run: () => {}, narrationOnly: reason };
}
