import { diffViews, type World, type WorldDiff, type WorldView } from '../core/index.js';
import { pictureOf, type WorldPicture } from './world-picture.js';

/** What a recorded step adds to its result: both systems after it, and what it changed in them. */
export interface StepRecord {
  world: WorldPicture;
  changes: WorldDiff;
}

/**
 * Records both systems before the first step and after each step, for the HTML report's before/after view. A world
 * that cannot be read leaves that step unrecorded; the run itself judges such a world, not the recorder.
 */
export class WorldRecorder {
  /** One entry per step that ran, in order; undefined where the world could not be read. */
  readonly steps: Array<StepRecord | undefined> = [];

  private constructor(
    private readonly world: World,
    private last: WorldView | undefined,
    /** Both systems before the first step. */
    readonly atStart: WorldPicture | undefined,
    /** The world's accounting stamp at the latest reading; undefined when it has none or could not be read. */
    private lastStamp: string | undefined,
  ) {
    this.lastPicture = atStart;
  }

  /** The picture of the latest reading. */
  private lastPicture: WorldPicture | undefined;

  /** Reads the world as it is before the first step. */
  static async start(world: World): Promise<WorldRecorder> {
    const stamp = world.accountingStamp();
    const view = await world.view().catch(() => undefined);
    return new WorldRecorder(world, view, view && pictureOf(view), view && stamp);
  }

  /** The latest reading of the world (after the last step recorded, or at the start); undefined when it could not be read. */
  get latest(): WorldView | undefined {
    return this.last;
  }

  /**
   * Reads the world after a step and what the step changed since the last reading. A step that `onlyTold` (it says it
   * changed nothing) keeps the last reading: the same picture, no changes, without reading both systems again.
   */
  async afterStep(onlyTold = false): Promise<void> {
    if (onlyTold && this.last && this.lastPicture) {
      this.steps.push({ world: this.lastPicture, changes: diffViews(this.last, this.last) });
      return;
    }
    const stamp = this.world.accountingStamp();
    const view = await this.read(stamp);
    const world = view && pictureOf(view);
    this.steps.push(view && world && this.last ? { world, changes: diffViews(this.last, view) } : undefined);
    this.last = view;
    this.lastPicture = world;
    this.lastStamp = view && stamp;
  }

  /**
   * Both systems now. The accounting side is read again only when its stamp moved since the last reading: most steps
   * change Focus only or assert, and a reading costs a request per journal besides two (half the run's requests).
   */
  private async read(stamp: string | undefined): Promise<WorldView | undefined> {
    if (stamp !== undefined && stamp === this.lastStamp && this.last)
      return { focus: this.world.focus.snapshot(), accounting: this.last.accounting };
    return this.world.view().catch(() => undefined);
  }
}
