import { checkInvariants, World, type InvariantId, type SyncStrategy, type Violation } from '../core/index.js';
import { Notebook } from './notes.js';
import type { Phase, Scenario, ScenarioContext, Step } from './scenario.js';

/** How one step went. */
export interface StepResult {
  phase: Phase;
  title: string;
  narration: string;
  status: 'passed' | 'failed' | 'skipped';
  durationMs: number;
  error?: string;
  /** Why the step only told and changed nothing (declared by the step); absent when it acted or asserted. */
  narrationOnly?: string;
}

/** Options for a scenario session. */
export interface SessionOptions {
  strategy?: SyncStrategy;
  /** Titles of steps to leave out (to prove that a repair needs them). */
  skipSteps?: string[];
  /** A world to play in instead of building the scenario's own (the session closes it). */
  world?: World;
}

/**
 * A scenario being played in its own world, one step at a time: the runner plays it to the end, the
 * dashboard's walkthrough steps through it.
 */
export class ScenarioSession {
  readonly results: StepResult[] = [];
  readonly steps: Step[];
  private cursor = 0;

  private constructor(
    readonly scenario: Scenario,
    readonly ctx: ScenarioContext,
    options: SessionOptions,
  ) {
    this.steps = scenario.steps.filter((s) => !options.skipSteps?.includes(s.title));
  }

  /** Builds the scenario's world (its own accounting server, reached in this process). */
  static async start(scenario: Scenario, options: SessionOptions = {}): Promise<ScenarioSession> {
    const world = options.world ?? (await World.create({ transport: 'in-process', ...scenario.world }));
    return new ScenarioSession(scenario, { world, strategy: options.strategy ?? 'faithful', notes: new Notebook(), refs: {} }, options);
  }

  /** The world the scenario plays in. */
  get world(): World {
    return this.ctx.world;
  }

  /** True when every step has run (or one failed). */
  get done(): boolean {
    return this.cursor >= this.steps.length || this.results.some((r) => r.status === 'failed');
  }

  /** The step that runs next, if any. */
  get nextStep(): Step | undefined {
    return this.done ? undefined : this.steps[this.cursor];
  }

  /** Runs the next step; a step that throws is recorded as failed with its message. */
  async next(): Promise<StepResult | undefined> {
    const current = this.nextStep;
    if (!current) return undefined;
    this.cursor += 1;
    const started = performance.now();
    let error: string | undefined;
    try {
      await current.run(this.ctx);
    } catch (thrown) {
      error = thrown instanceof Error ? thrown.message : String(thrown);
    }
    const durationMs = Math.round((performance.now() - started) * 10) / 10;
    const narration = this.told(current.narration);
    const narrationOnly = error === undefined ? this.narrationOnlyReason(current) : undefined;
    const result: StepResult = {
      phase: current.phase,
      title: current.title,
      narration,
      status: error === undefined ? 'passed' : 'failed',
      durationMs,
      ...(error === undefined ? {} : { error }),
      ...(narrationOnly === undefined ? {} : { narrationOnly }),
    };
    this.results.push(result);
    return result;
  }

  /** A step's text, computed now that it ran; a text that needs a note nobody wrote down says so in brackets. */
  private told(text: Step['narration']): string {
    try {
      return typeof text === 'function' ? text(this.ctx) : text;
    } catch (thrown) {
      return `(${thrown instanceof Error ? thrown.message : String(thrown)})`;
    }
  }

  /** Why the step that just ran only told, when it declares so (a reason that cannot be computed means it acted). */
  private narrationOnlyReason(current: Step): string | undefined {
    try {
      return typeof current.narrationOnly === 'function' ? current.narrationOnly(this.ctx) : current.narrationOnly;
    } catch {
      return undefined;
    }
  }

  /** Moves back to just before step `index` (the caller restores the world, notes and refs it saved then). */
  rewind(index: number): void {
    this.cursor = Math.max(0, Math.min(index, this.cursor));
    this.results.length = this.cursor;
  }

  /** How many steps have run. */
  get position(): number {
    return this.cursor;
  }

  /** The steps that did not run, as skipped results. */
  skipped(): StepResult[] {
    return this.steps.slice(this.results.length).map((s) => ({
      phase: s.phase,
      title: s.title,
      narration: '',
      status: 'skipped',
      durationMs: 0,
      ...(typeof s.narrationOnly === 'string' ? { narrationOnly: s.narrationOnly } : {}),
    }));
  }

  /** The invariant violations of the world now. */
  violations(): Promise<Violation[]> {
    return checkInvariants(this.world);
  }

  /** Ends the session and its world. */
  close(): Promise<void> {
    return this.world.close();
  }
}

/** The distinct invariant ids of a list of violations, sorted. */
export function invariantIds(violations: Violation[]): InvariantId[] {
  return [...new Set(violations.map((v) => v.invariant))].sort();
}
