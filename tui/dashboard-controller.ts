// Over 250 lines: one class, the dashboard's model, whose methods share its queue, its snapshot and the open walkthrough.
// Owns the world the dashboard shows (the home world, or a walkthrough's), runs the actions (world-actions.ts) one at a
// time and tells React.

import {
  diffViews,
  evaluateInvariants,
  plural,
  saveCaseFile,
  type Violation,
  type World,
  type WorldDiff,
  type WorldView,
} from '../core/index.js';
import {
  type Scenario,
  Walkthrough,
  type WalkthroughState,
  caseOfWorld,
  examine,
  type Examination,
  planScenario,
} from '../scenarios/index.js';
import type { DoctorResult } from '../core/index.js';
import type { SettingsForm } from './app-state.js';
import * as actions from './world-actions.js';
import { problem, refused, type HandBooking, type Outcome } from './world-actions.js';

export type { Outcome } from './world-actions.js';

/** What the React tree renders; a new object after every change. */
export interface DashboardSnapshot {
  /** The scenario's title in a walkthrough, else the home world's name. */
  title: string;
  /** What is shown; the home world's first view is its live Focus state, copied before the first action changes it. */
  view: WorldView;
  /** What the last action or step changed (highlighted until the next one). */
  diff?: WorldDiff;
  violations: Violation[];
  /** True while the invariants are still to be checked (the first frame of a controller made with `checkLater`). */
  checking?: boolean;
  walkthrough?: WalkthroughState;
  /** The clock of the world shown, ISO. */
  now: string;
}

/**
 * The dashboard's model: one home world (demo, case file or attached server) and at most one walkthrough.
 * Actions run one at a time; after each the view is read again, diffed and pushed to subscribers.
 * @example
 * const controller = await DashboardController.create({ world: await createDemoWorld(), title: 'demo world' });
 * await controller.sync();
 */
export class DashboardController {
  private walkthrough: Walkthrough | undefined;
  private examination: Examination | undefined;
  private current: DashboardSnapshot;
  private readonly listeners = new Set<() => void>();
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly home: World,
    private readonly homeTitle: string,
    view: WorldView,
    checkLater: boolean,
  ) {
    const now = new Date(home.clock.now()).toISOString();
    this.current = checkLater
      ? { title: homeTitle, view, violations: [], checking: true, now }
      : { title: homeTitle, view, violations: evaluateInvariants(view), now };
  }

  /**
   * Builds a controller around a world it then owns (closed by `close`). With `checkLater` the invariants are
   * checked by `checkNow`, so that a big case's first frame need not wait for the checker.
   */
  static async create({
    world,
    title = 'demo world',
    checkLater = false,
  }: {
    world: World;
    title?: string;
    checkLater?: boolean;
  }): Promise<DashboardController> {
    // The first view shows Focus's live state, copied only when an action is about to change it (see `act`): a big
    // case's first frame need not wait for a deep copy of every document.
    return new DashboardController(world, title, { focus: world.focus.state, accounting: await world.currentAccounting() }, checkLater);
  }

  /** Checks the invariants of the view shown if they are still to be checked (`checkLater`), in turn with the actions. */
  checkNow(): Promise<Outcome> {
    return this.enqueue(async () => {
      if (this.current.checking) {
        const { checking: _checked, ...shown } = this.current;
        this.publish({ ...shown, violations: evaluateInvariants(shown.view) });
      }
      return { ok: true, value: 'Checked the invariants.' };
    });
  }

  /** The world shown now. */
  get world(): World {
    return this.walkthrough?.world ?? this.home;
  }

  /** The snapshot to render (stable between changes, for `useSyncExternalStore`). */
  readonly getSnapshot = (): DashboardSnapshot => this.current;

  /** Subscribes to changes; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Runs a manual sync (R15); the outcome is the bell's message. */
  sync(): Promise<Outcome> {
    return this.act((world) => actions.sync(world));
  }

  /** Books a draft: the given one, or the first draft. */
  bookDraft(documentId?: string): Promise<Outcome> {
    return this.act((world) => actions.bookDraft(world, documentId));
  }

  /** Deletes a Focus document: the given one, or the last booked invoice; refusals (R2, R3) come back as they are. */
  deleteDocument(documentId?: string): Promise<Outcome> {
    return this.act((world) => actions.deleteDocument(world, documentId));
  }

  /** Deletes a booking by hand in Exact. */
  deleteBooking(journal: string, entryNumber: number): Promise<Outcome> {
    return this.act((world) => actions.deleteBooking(world, journal, entryNumber));
  }

  /** Corrects a journal's next booking number in Exact (R8). */
  setNextBookingNumber(journal: string, value: number): Promise<Outcome> {
    return this.act((world) => actions.setNextBookingNumber(world, journal, value));
  }

  /** Books an invoice by hand in Exact (R10): for a Focus invoice number its customer and amounts, else `amountCents` net for customer 1. */
  bookByHand(booking: HandBooking): Promise<Outcome> {
    return this.act((world) => actions.bookByHand(world, booking));
  }

  /** Registers a payment of the whole outstanding amount on a booking in Exact. */
  registerPayment(journal: string, entryNumber: number): Promise<Outcome> {
    return this.act((world) => actions.registerPayment(world, journal, entryNumber));
  }

  /** Moves the clock a day on, running the nightly sync if it is on (R17: no bell). */
  advanceDay(): Promise<Outcome> {
    return this.act((world) => actions.advanceDay(world));
  }

  /** Deactivates the integration with the form's delink date and contacts option (R12). */
  deactivate(form: SettingsForm): Promise<Outcome> {
    return this.act((world) => actions.deactivate(world, form));
  }

  /** Connects or reconnects with the form's start date, journals and import option (R13). */
  connect(form: SettingsForm): Promise<Outcome> {
    return this.act((world) => actions.connect(world, form));
  }

  /** Marks the bell's notifications read and clears them (what reading the bell does, R16). */
  readNotifications(): Promise<Outcome> {
    return this.act((world) => actions.readNotifications(world));
  }

  /** Saves the world shown (both sides and the clock) as a case file at `path`, to attach to a ticket. */
  saveCase(path: string): Promise<Outcome> {
    return this.enqueue(async () => {
      try {
        await saveCaseFile(this.world, path, { title: this.current.title });
        return { ok: true, value: `Saved the world as ${path}; open it with booklab tui --case ${path}.` };
      } catch (error) {
        return problem(
          'cannot_write',
          `Cannot save the case file ${path}: ${(error as Error).message}. Choose a folder that exists and that you may write in.`,
        );
      }
    });
  }

  /** Opens a scenario's walkthrough in its own world (closing the previous walkthrough). */
  startScenario(scenario: Scenario): Promise<Outcome> {
    return this.enqueue(async () => {
      const previous = this.walkthrough;
      this.walkthrough = await Walkthrough.start(scenario);
      await previous?.close();
      this.publishWalkthrough(this.walkthrough.state);
      return { ok: true, value: `${scenario.id}: ${plural(this.walkthrough.state.total, 'step')}. → to start.` };
    });
  }

  /** Examines the world shown now with booklab doctor; the result is kept so that `playDoctorPlan` plays its plan. */
  async examine(): Promise<DoctorResult<Examination>> {
    const doctorCase = await caseOfWorld(this.world, this.current.title);
    const examined = await examine(doctorCase);
    this.examination = examined.ok ? examined.value : undefined;
    return examined;
  }

  /** Plays the last examination's plan that holds (else the article's) as a walkthrough on a copy of the world. */
  playDoctorPlan(): Promise<Outcome> {
    const examination = this.examination;
    const played = examination?.completed?.proof.holds ? examination.completed : examination?.article;
    if (!examination || !played) return Promise.resolve(refused('There is no plan to play: press d on a world with findings.'));
    return this.startScenario(planScenario(examination.case, played.plan));
  }

  /** Leaves the walkthrough and shows the home world again. */
  leaveWalkthrough(): Promise<Outcome> {
    return this.enqueue(async () => {
      await this.walkthrough?.close();
      this.walkthrough = undefined;
      const view = await this.home.view();
      this.publish({
        title: this.homeTitle,
        view,
        violations: evaluateInvariants(view),
        now: new Date(this.home.clock.now()).toISOString(),
      });
      return { ok: true, value: `Back to the ${this.homeTitle}.` };
    });
  }

  /** Runs the walkthrough's next step. */
  forward(): Promise<Outcome> {
    return this.step((w) => w.forward());
  }

  /** Undoes the walkthrough's last step (the earlier snapshot is restored exactly). */
  back(): Promise<Outcome> {
    return this.step((w) => w.back());
  }

  /** Goes back to before the walkthrough's first step. */
  restart(): Promise<Outcome> {
    return this.step((w) => w.restart());
  }

  /** True when a walkthrough is open and every step ran (or one failed). */
  get walkthroughDone(): boolean {
    return this.walkthrough?.done ?? false;
  }

  /** Closes the walkthrough and the home world. */
  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    await this.walkthrough?.close();
    await this.home.close();
    this.listeners.clear();
  }

  private step(move: (walkthrough: Walkthrough) => Promise<WalkthroughState>): Promise<Outcome> {
    return this.enqueue(async () => {
      if (!this.walkthrough) return refused('No walkthrough is open: press p to pick a scenario.');
      const state = await move(this.walkthrough);
      this.publishWalkthrough(state);
      const failed = state.current?.status === 'failed';
      return failed
        ? problem('step_failed', state.current?.error ?? 'The step failed.')
        : { ok: true, value: `Step ${state.position}/${state.total}` };
    });
  }

  private publishWalkthrough(state: WalkthroughState): void {
    this.publish({
      title: state.scenario.title,
      view: state.view,
      diff: state.diff,
      violations: state.violations,
      walkthrough: state,
      now: new Date(this.world.clock.now()).toISOString(),
    });
  }

  /** Runs an action on the world shown, then reads the view again and diffs it against the one before. */
  private act(action: (world: World) => Promise<Outcome>): Promise<Outcome> {
    return this.enqueue(async () => {
      const world = this.world;
      const shown = this.current.view;
      const before = shown.focus === world.focus.state ? { ...shown, focus: world.focus.snapshot() } : shown;
      let outcome: Outcome;
      try {
        outcome = await action(world);
      } catch (error) {
        outcome = problem('failed', error instanceof Error ? error.message : String(error));
      }
      const view = await world.view();
      this.publish({
        ...this.current,
        view,
        diff: diffViews(before, view),
        violations: evaluateInvariants(view),
        now: new Date(world.clock.now()).toISOString(),
      });
      return outcome;
    });
  }

  private enqueue(task: () => Promise<Outcome>): Promise<Outcome> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run.catch((error: unknown) => problem('failed', error instanceof Error ? error.message : String(error)));
  }

  private publish(snapshot: DashboardSnapshot): void {
    this.current = snapshot;
    for (const listener of this.listeners) listener();
  }
}
