import { checkInvariants, World, type InvariantId, type SyncStrategy } from '../../core/index.js';
import { attemptRefusable, isRefusable, playAction, RefusalSchema, type FileAction } from '../file/index.js';
import { Notebook } from '../notes.js';
import { StepFailure, type ScenarioContext } from '../scenario.js';
import { invariantIds } from '../session.js';
import type { History, Move } from './moves.js';
import { resolveMove } from './resolve-move.js';

// One history played in a fresh world (in-process transport), move by move, then settled by a last manual sync when
// the integration is active, and judged by the invariants I1–I8; a broken world is judged further while it is open
// (by the doctor, `judge-with-doctor.ts`).
// A move Focus refuses is part of the story (saved with `refused`); a move Exact refuses is left out of it; an
// exception, or a 5xx answer of the accounting server, is a failure of the product itself.

/** The classes a broken world is judged into: what repaired it, or that nothing did. */
export type JudgedClass = 'repaired-by-article' | 'repaired-by-completed-plan' | 'no-plan' | 'plan-fails';

/** How a history ended: healthy, broken (unjudged), judged, or a failure of the product (an exception, a 5xx). */
export type HistoryClass = 'healthy' | 'broken' | JudgedClass | 'product-failure';

/** What the doctor said of a broken world: its finding codes, the plan that was judged, what that plan leaves. */
export interface DoctorVerdict {
  findings: string[];
  /** The plan whose proof decided the class (`article` or `completed`), or null when there was none to play. */
  plan: 'article' | 'completed' | null;
  /** The invariants the plan leaves violated on the copy. */
  leaves: InvariantId[];
  /** The step of the plan that was refused, when one was. */
  failure?: string;
}

/** What a played history led to. */
export interface HistoryOutcome {
  class: HistoryClass;
  /** The finding: the doctor's finding codes joined with `+` (the violated invariants, `I1+I2`, when unjudged), `product-failure`, or `healthy`. */
  code: string;
  invariants: InvariantId[];
  violations: Array<{ invariant: InvariantId; message: string }>;
  /** The actions as they were played, refusals included: the history as a scenario file holds it. */
  played: FileAction[];
  /** The product's exception or 5xx answer, for a product failure. */
  failure?: string;
  /** The doctor's verdict, for a judged broken world. */
  doctor?: DoctorVerdict;
}

/** Judges a broken world further while it is still open: its class, finding and the doctor's verdict. */
export type BrokenJudge = (
  ctx: ScenarioContext,
  outcome: HistoryOutcome,
) => Promise<{ class: JudgedClass; code: string; doctor?: DoctorVerdict }>;

/** How to play a history. */
export interface PlayOptions {
  strategy?: SyncStrategy;
  /** Judges a broken world further (see {@link BrokenJudge}); without it a broken world is `broken`. */
  judgeBroken?: BrokenJudge;
}

const REFUSAL_CODES: readonly string[] = RefusalSchema.shape.code.options;

/** The moves of a history in the order they happen: the first connection imports the customers. */
export function movesOf(history: History): Move[] {
  return [...history.before, { move: 'connect', startDate: history.connect.startDate, importContacts: true }, ...history.after];
}

/** Plays `action`; returns what to record (with the refusal when Focus refused), or undefined when Exact refused it. */
async function play(ctx: ScenarioContext, action: FileAction): Promise<FileAction | undefined> {
  if (isRefusable(action)) {
    const { result } = await attemptRefusable(ctx, action);
    if (result.ok) return action;
    if (!REFUSAL_CODES.includes(result.problem.code)) return undefined;
    return { ...action, refused: { code: result.problem.code as (typeof REFUSAL_CODES)[number] as never, words: [] } };
  }
  try {
    await playAction(ctx, action);
    return action;
  } catch (error) {
    if (error instanceof StepFailure) return undefined;
    throw error;
  }
}

/** The first 5xx answer of the accounting server during the history, in words, or undefined when there was none. */
async function serverFailure(ctx: ScenarioContext): Promise<string | undefined> {
  const log = await ctx.world.backOffice.requests();
  if (!log.ok) return `The accounting server's request log cannot be read: ${log.problem.message}`;
  const answer = log.value.find((r) => typeof r.status === 'number' && r.status >= 500);
  return answer && `The accounting server answered ${answer.status} to ${answer.method} ${answer.path}`;
}

/** Plays a history in a world of its own and judges where it ends. */
export async function playHistory(history: History, { strategy = 'faithful', judgeBroken }: PlayOptions = {}): Promise<HistoryOutcome> {
  const world = await World.create({ transport: 'in-process' });
  const ctx: ScenarioContext = { world, strategy, notes: new Notebook(), refs: {} };
  const played: FileAction[] = [];
  try {
    for (const move of movesOf(history)) {
      const action = await resolveMove(ctx, move);
      if (action === undefined) continue;
      let recorded: FileAction | undefined;
      try {
        recorded = await play(ctx, action);
      } catch (error) {
        played.push(action);
        const failure = error instanceof Error ? error.message : String(error);
        return { class: 'product-failure', code: 'product-failure', invariants: [], violations: [], played, failure };
      }
      if (recorded) played.push(recorded);
    }
    // A document booked since the last sync is waiting, not broken: the world is judged once a last sync has run.
    if (world.focus.state.integration?.active) {
      await playAction(ctx, { do: 'sync' });
      played.push({ do: 'sync' });
    }
    const failed = await serverFailure(ctx);
    if (failed) return { class: 'product-failure', code: 'product-failure', invariants: [], violations: [], played, failure: failed };
    const found = await checkInvariants(world);
    const invariants = invariantIds(found);
    const violations = found.map(({ invariant, message }) => ({ invariant, message }));
    if (!invariants.length) return { class: 'healthy', code: 'healthy', invariants, violations, played };
    const broken: HistoryOutcome = { class: 'broken', code: invariants.join('+'), invariants, violations, played };
    if (!judgeBroken) return broken;
    try {
      return { ...broken, ...(await judgeBroken(ctx, broken)) };
    } catch (error) {
      return {
        ...broken,
        class: 'product-failure',
        code: 'product-failure',
        failure: `Judging the broken world failed: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  } finally {
    await world.close();
  }
}
