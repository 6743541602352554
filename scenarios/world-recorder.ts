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
  ) {
    this.lastPicture = atStart;
  }

  /** The picture of the latest reading. */
  private lastPicture: WorldPicture | undefined;

  /** Reads the world as it is before the first step. */
  static async start(world: World): Promise<WorldRecorder> {
    const view = await world.view().catch(() => undefined);
    return new WorldRecorder(world, view, view && pictureOf(view));
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
    // The world reads its accounting side again only once it can have changed (World.view).
    const view = await this.world.view().catch(() => undefined);
    const world = view && pictureOf(view);
    this.steps.push(view && world && this.last ? { world, changes: diffViews(this.last, view) } : undefined);
    this.last = view;
    this.lastPicture = world;
  }
}
