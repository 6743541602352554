import type { InvariantId, SyncStrategy, World, WorldOptions } from '../core/index.js';

/** The phases of a support case, in the order they run. */
export const PHASES = ['setup', 'reproduce', 'symptom', 'repair', 'verify'] as const;

/** One phase of a scenario. */
export type Phase = (typeof PHASES)[number];

/** What a step works on: the world, the values written down so far, and names for what it created. */
export interface ScenarioContext {
  world: World;
  /** The sync strategy the scenario runs under (`faithful` unless the runner says `safe`). */
  strategy: SyncStrategy;
  /** Values the procedure asks to write down (delink date, booking numbers, start date, journals). */
  notes: Record<string, string | number>;
  /** Documents and other things steps refer to by name (`test invoice` → `invoice-4`). */
  refs: Record<string, string>;
}

/** A step of a scenario: a one-line title, and a narration in the article's words (computed after it ran, so it can show written-down values). */
export interface Step {
  phase: Phase;
  title: string;
  narration: string | ((ctx: ScenarioContext) => string);
  run(ctx: ScenarioContext): Promise<void> | void;
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
  /** How the world is built (accounting options, clock). */
  world?: Omit<WorldOptions, 'serverUrl'>;
  steps: Step[];
}

/** Thrown by a step whose action the product refused or whose expectation did not hold: the scenario fails there. */
export class StepFailure extends Error {
  override name = 'StepFailure';
}

/**
 * Declares a scenario and checks its shape: steps in phase order, a symptom to show for repair scenarios.
 * @example export default defineScenario({ id: 'draft-not-synced', title: '…', sources: ['003'], rules: ['R1'], expected: 'fixed', symptom, steps: [...] });
 */
export function defineScenario(scenario: Scenario): Scenario {
  const where = `[booklab] scenario ${scenario.id}`;
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(scenario.id)) throw new TypeError(`${where}: the id must be kebab-case.`);
  let last = 0;
  for (const s of scenario.steps) {
    const index = PHASES.indexOf(s.phase);
    if (index < last) throw new TypeError(`${where}: step "${s.title}" (${s.phase}) comes after a ${PHASES[last]} step; keep the phases in order.`);
    last = index;
  }
  if (scenario.expected === 'fixed' && !scenario.symptom && !scenario.symptomInvariants?.length) {
    throw new TypeError(`${where}: a repair scenario must declare its symptom (symptomInvariants or symptom).`);
  }
  return scenario;
}

/** Shorthand for a step. */
export function step(phase: Phase, title: string, narration: Step['narration'], run: Step['run']): Step {
  return { phase, title, narration, run };
}
