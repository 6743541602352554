import type { InvariantId } from '../../core/index.js';
import type { FileAction } from '../file/index.js';
import type { Exploration, ExploreClass } from './explore.js';
import { foundId } from './history-file.js';
import type { DoctorVerdict } from './play-history.js';

// The report of `booklab explore`: counts per class and per finding, one minimal example each, the seed and the
// commands that replay them. No durations and nothing random: the same seed gives the same report, byte for byte.

/**
 * The machine contract of `booklab explore --reporter json` (version 2). Fields may be added, never renamed or removed.
 * `classes` counts every history per class (healthy, repaired-by-article, repaired-by-completed-plan, no-plan,
 * plan-fails, product-failure); `findings` has one entry per class and set of the doctor's finding codes (`code`,
 * joined with `+`; `product-failure` for a failure of the product), with how many histories had it, the first run
 * (0-based) that did, and its minimal history (the actions of its scenario file, `file` under --out) with the
 * violations it ends with and the doctor's verdict; `codes` has one entry per single doctor's finding code: in how
 * many histories it was found, per class, and the file of one minimal example.
 * Version 1 had the classes healthy, broken and product-failure, and findings by violated invariants.
 */
export interface ExploreReport {
  version: 2;
  seed: number;
  runs: number;
  maxSteps: number;
  strategy: string;
  /** The part of a split exploration this report covers (absent for a whole one); `firstRun` counts all runs. */
  shard?: { index: number; count: number };
  /** The command that gives this report again. */
  replay: string;
  classes: Record<ExploreClass, number>;
  findings: Array<{
    class: Exclude<ExploreClass, 'healthy'>;
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
      /** What the doctor found, which plan decided the class, and what that plan leaves (absent for a product failure). */
      doctor?: DoctorVerdict;
    };
  }>;
  codes: CodeCount[];
}

/** One doctor's finding code across the findings: histories with it, per class, and one minimal example's file. */
export interface CodeCount {
  code: string;
  count: number;
  classes: Partial<Record<ExploreClass, number>>;
  example: string;
}

/** Per single finding code, from the findings (so a merged report computes them as an unsplit one does). */
export function codeCounts(findings: ExploreReport['findings']): CodeCount[] {
  const codes = new Map<string, CodeCount>();
  for (const f of findings) {
    if (f.class === 'product-failure') continue;
    for (const code of f.code.split('+')) {
      const known = codes.get(code) ?? { code, count: 0, classes: {}, example: f.example.file };
      known.count += f.count;
      known.classes[f.class] = (known.classes[f.class] ?? 0) + f.count;
      codes.set(code, known);
    }
  }
  return [...codes.values()].sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1));
}

/** The command that explores the same histories again. */
export function exploreCommandLine({ runs, seed, maxSteps, strategy, shard }: Exploration['options']): string {
  return `booklab explore --runs ${runs} --seed ${seed} --max-steps ${maxSteps} --strategy ${strategy}${shard ? ` --shard ${shard.index}/${shard.count}` : ''}`;
}

/** The report as a value; `out` is where the minimal cases are written. */
export function exploreReport(exploration: Exploration, out: string): ExploreReport {
  const { options } = exploration;
  const findings: ExploreReport['findings'] = exploration.findings.map((f) => {
    const file = `${out.replace(/\/+$/, '')}/${foundId(f.class, f.code)}.scenario.json`;
    const { played, invariants, violations, failure, doctor } = f.minimal;
    return {
      class: f.class,
      code: f.code,
      count: f.count,
      firstRun: f.firstRun,
      example: {
        file,
        replay: `booklab scenarios run --file ${file}${options.strategy === 'faithful' ? '' : ` --strategy ${options.strategy}`}`,
        shrinks: f.shrinks,
        actions: played,
        invariants,
        violations,
        ...(failure === undefined ? {} : { failure }),
        ...(doctor === undefined ? {} : { doctor }),
      },
    };
  });
  return {
    version: 2,
    seed: options.seed,
    runs: options.runs,
    maxSteps: options.maxSteps,
    strategy: options.strategy,
    ...(options.shard ? { shard: options.shard } : {}),
    replay: exploreCommandLine(options),
    classes: exploration.classes,
    findings,
    codes: codeCounts(findings),
  };
}

/** The report as indented JSON with a final newline. */
export function renderExploreJson(report: ExploreReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** The report for people: the class table, the finding codes, then each finding with its minimal history's size and how to replay it. */
export function renderExplorePretty(report: ExploreReport): string {
  const total = Object.values(report.classes).reduce((a, b) => a + b, 0);
  const lines = [
    `Explored ${total} histories (seed ${report.seed}, at most ${report.maxSteps} moves after connecting, ${report.strategy} strategy).`,
    '',
    `${'class'.padEnd(28)}histories`,
  ];
  for (const [name, count] of Object.entries(report.classes)) lines.push(`${name.padEnd(28)}${String(count).padStart(9)}`);
  if (report.codes.length) lines.push('', `${'finding code'.padEnd(28)}histories  per class`);
  for (const c of report.codes)
    lines.push(
      `${c.code.padEnd(28)}${String(c.count).padStart(9)}  ${Object.entries(c.classes)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}`,
    );
  lines.push('');
  if (report.findings.length === 0) lines.push('No finding: every history ended healthy.');
  for (const f of report.findings) {
    const verdict = f.example.doctor?.leaves.length
      ? `; the ${f.example.doctor.plan} plan leaves ${f.example.doctor.leaves.join(', ')}`
      : '';
    lines.push(
      `${f.class} ${f.code}: ${f.count} histor${f.count === 1 ? 'y' : 'ies'}, first in run ${f.firstRun}; minimal: ${f.example.actions.length} actions (${f.example.shrinks} shrinks)${verdict}`,
    );
    lines.push(`  ${f.example.replay}`);
  }
  lines.push('', `Replay the exploration: ${report.replay}`);
  return `${lines.join('\n')}\n`;
}
