import fc from 'fast-check';
import type { SyncStrategy } from '../../core/index.js';
import type { Shard } from '../select.js';
import { historyArbitrary, type History } from './moves.js';
import { judgeWithDoctor } from './judge-with-doctor.js';
import { playHistory, type BrokenJudge, type HistoryOutcome, type JudgedClass } from './play-history.js';

// `booklab explore`'s engine: fast-check generates `runs` histories from `seed`, each is played and judged (a broken
// world by the doctor); then for every finding (a class and the doctor's finding codes) fast-check shrinks the first
// history that had it to a minimal one of the same class and codes. Same seed, same histories, same report.

/** The classes an explored history lands in, in the order they are reported. */
export type ExploreClass = 'healthy' | JudgedClass | 'product-failure';

export const CLASSES: readonly ExploreClass[] = [
  'healthy',
  'repaired-by-article',
  'repaired-by-completed-plan',
  'no-plan',
  'plan-fails',
  'product-failure',
];

/** What to explore. */
export interface ExploreOptions {
  runs: number;
  seed: number;
  maxSteps: number;
  strategy: SyncStrategy;
  /** Play only the runs of this part (run i belongs to part i mod N + 1); the other runs are generated, not played. */
  shard?: Shard;
  /** Judges broken worlds (default: the doctor, `judgeWithDoctor`); played in both passes, so shrinking keeps the class. */
  judgeBroken?: BrokenJudge;
  /** Called after each history of the first pass (progress). */
  onHistory?: (index: number, outcome: HistoryOutcome) => void;
}

/** One finding: how often it came up, the first run that had it, and its minimal history. */
export interface Finding {
  class: Exclude<ExploreClass, 'healthy'>;
  code: string;
  count: number;
  firstRun: number;
  minimal: HistoryOutcome;
  /** How many shrinking steps fast-check took to reach it. */
  shrinks: number;
}

/** The outcome of an exploration. */
export interface Exploration {
  options: Omit<ExploreOptions, 'onHistory' | 'judgeBroken'>;
  classes: Record<ExploreClass, number>;
  findings: Finding[];
}

/** The key of a finding: its class and code (the same doctor's findings may be repaired in one history, not in another). */
function keyOf({ class: c, code }: Pick<HistoryOutcome, 'class' | 'code'>): string {
  return `${c} ${code}`;
}

/** Explores: plays `runs` generated histories, counts them per class and finding, and shrinks one example of each finding. */
export async function explore({ onHistory, judgeBroken = judgeWithDoctor, ...options }: ExploreOptions): Promise<Exploration> {
  const { runs, seed, maxSteps, strategy, shard = { index: 1, count: 1 } } = options;
  const arbitrary = historyArbitrary(maxSteps);
  // Indexed by run, so a shard's first runs keep the numbers they have in the whole exploration.
  const outcomes: Array<HistoryOutcome | undefined> = [];
  let run = 0;
  await fc.assert(
    fc.asyncProperty(arbitrary, async (history) => {
      const index = run++;
      if (index % shard.count !== shard.index - 1) return;
      const outcome = await playHistory(history, { strategy, judgeBroken });
      onHistory?.(index, outcome);
      outcomes[index] = outcome;
    }),
    { seed, numRuns: runs },
  );
  const classes = Object.fromEntries(CLASSES.map((c) => [c, outcomes.filter((o) => o?.class === c).length])) as Record<
    ExploreClass,
    number
  >;
  const firsts = new Map<string, number>();
  outcomes.forEach((o, i) => o && o.class !== 'healthy' && !firsts.has(keyOf(o)) && firsts.set(keyOf(o), i));
  const findings: Finding[] = [];
  for (const [key, firstRun] of firsts) {
    const first = outcomes[firstRun]!;
    const { minimal, shrinks } = await shrink(arbitrary, key, firstRun, { ...options, judgeBroken });
    findings.push({
      class: first.class as Finding['class'],
      code: first.code,
      count: outcomes.filter((o) => o && keyOf(o) === key).length,
      firstRun,
      minimal,
      shrinks,
    });
  }
  return { options, classes, findings: findings.sort(byClassThenCount) };
}

/** The order findings are reported in: by class, the most frequent first, then by code. */
export function byClassThenCount(a: Pick<Finding, 'class' | 'count' | 'code'>, b: Pick<Finding, 'class' | 'count' | 'code'>): number {
  return CLASSES.indexOf(a.class) - CLASSES.indexOf(b.class) || b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** The minimal history with the finding `key` (class and code), shrunk by fast-check from run `firstRun` of the same seed. */
async function shrink(
  arbitrary: fc.Arbitrary<History>,
  key: string,
  firstRun: number,
  { seed, runs, strategy, judgeBroken }: Pick<ExploreOptions, 'seed' | 'runs' | 'strategy' | 'judgeBroken'>,
): Promise<{ minimal: HistoryOutcome; shrinks: number }> {
  const details = await fc.check(
    fc.asyncProperty(arbitrary, async (history) => keyOf(await playHistory(history, { strategy, judgeBroken })) !== key),
    { seed, numRuns: runs, path: String(firstRun) },
  );
  const [history] = details.counterexample ?? [];
  if (!history)
    throw new Error(
      `[booklab] Run ${firstRun} of seed ${seed} had ${key}, but replaying it did not: the exploration is not deterministic.`,
    );
  return { minimal: await playHistory(history, { strategy, judgeBroken }), shrinks: details.numShrinks };
}
