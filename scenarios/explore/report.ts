import type { InvariantId } from '../../core/index.js';
import type { FileAction } from '../file/index.js';
import type { Exploration } from './explore.js';
import { foundId } from './history-file.js';
import type { HistoryClass } from './play-history.js';

// The report of `booklab explore`: counts per class and per finding, one minimal example each, the seed and the
// commands that replay them. No durations and nothing random: the same seed gives the same report, byte for byte.

/**
 * The machine contract of `booklab explore --reporter json` (version 1). Fields may be added, never renamed or removed.
 * `classes` counts every history per class; `findings` has one entry per class and set of violated invariants, with
 * how many histories had it, the first run (0-based) that did, and its minimal history (the actions of its scenario
 * file, `file` under --out) with the violations it ends with.
 */
export interface ExploreReport {
  version: 1;
  seed: number;
  runs: number;
  maxSteps: number;
  strategy: string;
  /** The part of a split exploration this report covers (absent for a whole one); `firstRun` counts all runs. */
  shard?: { index: number; count: number };
  /** The command that gives this report again. */
  replay: string;
  classes: Record<HistoryClass, number>;
  findings: Array<{
    class: Exclude<HistoryClass, 'healthy'>;
    code: string;
    count: number;
    firstRun: number;
    example: {
      file: string;
      /** The command that plays the minimal history (once written under --out). */
      replay: string;
      shrinks: number;
      actions: FileAction[];
      invariants: InvariantId[];
      violations: Array<{ invariant: InvariantId; message: string }>;
      failure?: string;
    };
  }>;
}

/** The command that explores the same histories again. */
export function exploreCommandLine({ runs, seed, maxSteps, strategy, shard }: Exploration['options']): string {
  return `booklab explore --runs ${runs} --seed ${seed} --max-steps ${maxSteps} --strategy ${strategy}${shard ? ` --shard ${shard.index}/${shard.count}` : ''}`;
}

/** The report as a value; `out` is where the minimal cases are written. */
export function exploreReport(exploration: Exploration, out: string): ExploreReport {
  const { options } = exploration;
  return {
    version: 1,
    seed: options.seed,
    runs: options.runs,
    maxSteps: options.maxSteps,
    strategy: options.strategy,
    ...(options.shard ? { shard: options.shard } : {}),
    replay: exploreCommandLine(options),
    classes: exploration.classes,
    findings: exploration.findings.map((f) => {
      const file = `${out.replace(/\/+$/, '')}/${foundId(f.code)}.scenario.json`;
      const { played, invariants, violations, failure } = f.minimal;
      return {
        class: f.class,
        code: f.code,
        count: f.count,
        firstRun: f.firstRun,
        example: { file, replay: `booklab scenarios run --file ${file}${options.strategy === 'faithful' ? '' : ` --strategy ${options.strategy}`}`, shrinks: f.shrinks, actions: played, invariants, violations, ...(failure === undefined ? {} : { failure }) },
      };
    }),
  };
}

/** The report as indented JSON with a final newline. */
export function renderExploreJson(report: ExploreReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** The report for people: the class table, then each finding with its minimal history's size and how to replay it. */
export function renderExplorePretty(report: ExploreReport): string {
  const total = Object.values(report.classes).reduce((a, b) => a + b, 0);
  const lines = [`Explored ${total} histories (seed ${report.seed}, at most ${report.maxSteps} moves after connecting, ${report.strategy} strategy).`, '', 'class             histories'];
  for (const [name, count] of Object.entries(report.classes)) lines.push(`${name.padEnd(18)}${String(count).padStart(9)}`);
  lines.push('');
  if (report.findings.length === 0) lines.push('No finding: every history ended healthy.');
  for (const f of report.findings) {
    lines.push(`${f.class} ${f.code}: ${f.count} histor${f.count === 1 ? 'y' : 'ies'}, first in run ${f.firstRun}; minimal: ${f.example.actions.length} actions (${f.example.shrinks} shrinks)`);
    lines.push(`  ${f.example.replay}`);
  }
  lines.push('', `Replay the exploration: ${report.replay}`);
  return `${lines.join('\n')}\n`;
}
