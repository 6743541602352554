import { diffViews, evaluateInvariants, type Violation, type WorldDiff, type WorldSnapshot, type WorldView } from '../core/index.js';
import type { Notebook } from './notes.js';
import type { Scenario } from './scenario.js';
import { ScenarioSession, type SessionOptions, type StepResult } from './session.js';

/** Where a walkthrough stands: what the trainer's screen shows. */
export interface WalkthroughState {
  scenario: Scenario;
  /** Steps done so far (0 = before the first). */
  position: number;
  total: number;
  /** The last step that ran, with its narration; undefined before the first. */
  current?: StepResult;
  /** What that step changed: the rows and fields to highlight until the next step. */
  diff?: WorldDiff;
  view: WorldView;
  violations: Violation[];
}

interface Saved {
  snapshot: WorldSnapshot;
  notes: Notebook;
  refs: Record<string, string>;
  /** The screen shown before the step ran (its highlights and narration included), shown again on the way back. */
  shown: WalkthroughState;
}

/**
 * A trainer's walkthrough of a scenario: forward runs the next step and highlights what it changed; back
 * restores the snapshot taken before that step exactly (both sides, the clock, the written-down values) and
 * shows the screen the previous step showed (its highlights and "Changed:" line too); restart goes back to the beginning.
 */
export class Walkthrough {
  private readonly history: Saved[] = [];
  private current: WalkthroughState;

  private constructor(
    private readonly session: ScenarioSession,
    view: WorldView,
  ) {
    this.current = { scenario: session.scenario, position: 0, total: session.steps.length, view, violations: evaluateInvariants(view) };
  }

  /** Starts a walkthrough in the scenario's own world. */
  static async start(scenario: Scenario, options: SessionOptions = {}): Promise<Walkthrough> {
    const session = await ScenarioSession.start(scenario, options);
    return new Walkthrough(session, await session.world.view());
  }

  /** The session (and through it the world) being walked through. */
  get world() {
    return this.session.world;
  }

  /** What the screen shows now. */
  get state(): WalkthroughState {
    return this.current;
  }

  /** Runs the next step; at the end it changes nothing. */
  async forward(): Promise<WalkthroughState> {
    if (this.session.done) return this.current;
    const before = this.current.view;
    this.history.push({
      snapshot: await this.world.snapshot(),
      notes: this.session.ctx.notes.copy(),
      refs: { ...this.session.ctx.refs },
      shown: this.current,
    });
    const result = await this.session.next();
    const view = await this.world.view();
    this.current = {
      ...this.current,
      position: this.session.position,
      current: result,
      diff: diffViews(before, view),
      view,
      violations: evaluateInvariants(view),
    };
    return this.current;
  }

  /** Undoes the last step by restoring the snapshot taken before it. */
  back(): Promise<WalkthroughState> {
    return this.returnTo(this.history.length - 1);
  }

  /** Goes back to before the first step. */
  restart(): Promise<WalkthroughState> {
    return this.returnTo(0);
  }

  /** True when every step has run (or one failed). */
  get done(): boolean {
    return this.session.done;
  }

  /** Ends the walkthrough and its world. */
  close(): Promise<void> {
    return this.session.close();
  }

  /**
   * Restores the snapshot taken before step `index` (one restore, however many steps that undoes) and shows exactly
   * the screen that step was shown with going forward: its narration, its highlights and its checks.
   */
  private async returnTo(index: number): Promise<WalkthroughState> {
    const saved = this.history[index];
    if (!saved) return this.current;
    this.history.length = index;
    const restored = await this.world.restore(saved.snapshot);
    if (!restored.ok) throw new Error(`[booklab] Cannot go back a step: ${restored.problem.message}`);
    Object.assign(this.session.ctx, { notes: saved.notes.copy(), refs: saved.refs });
    // One snapshot per step that ran, so the history's length is the session's position.
    this.session.rewind(index);
    this.current = saved.shown;
    return this.current;
  }
}
