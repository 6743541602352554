import type { Problem, Result } from '../../primitives/index.js';
import { z } from 'zod';
import { byClassThenCount, CLASSES, type ExploreClass } from './explore.js';
import { codeCounts, exploreCommandLine, type ExploreReport } from './report.js';

// `booklab explore merge`: the reports of the parts of a split exploration made into the report of the whole. Every
// part must come from the same exploration (seed, runs, moves, strategy) and every part must be there; the counts add
// up and each finding keeps the example of the part that met it first, so the merge equals the unsplit report.

const [, ...FINDING_CLASSES] = CLASSES as readonly ['healthy', ...Array<Exclude<ExploreClass, 'healthy'>>];

const Part = z.looseObject({
  version: z.literal(2),
  seed: z.number(),
  runs: z.number(),
  maxSteps: z.number(),
  strategy: z.enum(['faithful', 'safe']),
  shard: z.object({ index: z.number(), count: z.number() }),
  classes: z.object(Object.fromEntries(CLASSES.map((c) => [c, z.number()])) as Record<ExploreClass, z.ZodNumber>),
  findings: z.array(
    z.looseObject({
      class: z.enum(FINDING_CLASSES as [Exclude<ExploreClass, 'healthy'>, ...Array<Exclude<ExploreClass, 'healthy'>>]),
      code: z.string(),
      count: z.number(),
      firstRun: z.number(),
    }),
  ),
});

/** A merge, or why the parts cannot be merged. */
export type MergeResult = Result<ExploreReport, Problem<'invalid' | 'mismatch' | 'missing'>>;

/** Merges the parts' reports (`name`: where each came from, for messages). */
export function mergeReports(parts: ReadonlyArray<{ name: string; report: unknown }>): MergeResult {
  const reports: ExploreReport[] = [];
  for (const { name, report } of parts) {
    const parsed = Part.safeParse(report);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return {
        ok: false,
        problem: {
          code: 'invalid',
          message: `${name} is not the JSON report of one part of \`booklab explore --shard K/N --reporter json\`: ${issue.path.join('.') || '(the report)'}: ${issue.message}.`,
        },
      };
    }
    // The report as written, not as parsed: its fields keep their order, so the merge prints as an unsplit run would.
    reports.push(report as ExploreReport);
  }
  const [first] = reports;
  if (!first?.shard) return { ok: false, problem: { code: 'missing', message: 'Give the JSON reports of the parts to merge.' } };
  const same = (r: ExploreReport) =>
    r.seed === first.seed &&
    r.runs === first.runs &&
    r.maxSteps === first.maxSteps &&
    r.strategy === first.strategy &&
    r.shard?.count === first.shard?.count;
  const odd = parts.find((_, i) => !same(reports[i]!));
  if (odd)
    return {
      ok: false,
      problem: {
        code: 'mismatch',
        message: `${odd.name} comes from another exploration than ${parts[0]!.name} (seed, runs, max steps, strategy and shard count must be the same).`,
      },
    };
  const have = new Set(reports.map((r) => r.shard!.index));
  const missing = Array.from({ length: first.shard.count }, (_, i) => i + 1).filter((k) => !have.has(k));
  if (missing.length || have.size !== reports.length) {
    return {
      ok: false,
      problem: {
        code: 'missing',
        message: `The parts must be ${first.shard.count} different shards, each once; ${missing.length ? `missing: ${missing.map((k) => `${k}/${first.shard!.count}`).join(', ')}` : 'one was given twice'}.`,
      },
    };
  }
  const findings = new Map<string, ExploreReport['findings'][number]>();
  for (const f of reports.flatMap((r) => r.findings)) {
    const key = `${f.class} ${f.code}`;
    const known = findings.get(key);
    if (!known) findings.set(key, { ...f });
    else findings.set(key, { ...(f.firstRun < known.firstRun ? f : known), count: known.count + f.count });
  }
  const merged = [...findings.values()].sort(byClassThenCount);
  const sum = (key: ExploreClass) => reports.reduce((total, r) => total + r.classes[key], 0);
  const { seed, runs, maxSteps, strategy } = first;
  return {
    ok: true,
    value: {
      version: 2,
      seed,
      runs,
      maxSteps,
      strategy,
      replay: exploreCommandLine({ seed, runs, maxSteps, strategy: strategy as 'faithful' | 'safe' }),
      classes: Object.fromEntries(CLASSES.map((c) => [c, sum(c)])) as Record<ExploreClass, number>,
      findings: merged,
      codes: codeCounts(merged),
    },
  };
}
