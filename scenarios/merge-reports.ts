import type { Result } from '../primitives/index.js';
import { z } from 'zod';
import { PHASES } from './scenario.js';
import type { CatalogueRun } from './run-catalogue.js';
import type { ScenarioResult } from './run-scenario.js';
import { JSON_REPORT_VERSION, type JsonReport } from './reporters/json.js';

/** A JSON report read from a file, with the name to say in messages. */
export interface ReportFile {
  file: string;
  report: JsonReport;
}

/** Why reports cannot be read or merged: each a usage error (exit 2) whose message says what to do. */
export type MergeProblem = { code: 'not-a-report' | 'old-version' | 'strategies-differ' | 'shards-do-not-fit'; message: string };

/** The outcome of reading or merging reports. */
export type MergeOutcome<T> = Result<T, MergeProblem>;

// What the merge relies on; a scenario's other fields pass through as they are.
const StepSchema = z.looseObject({
  phase: z.enum(PHASES),
  title: z.string(),
  status: z.enum(['passed', 'failed', 'skipped']),
  durationMs: z.number(),
});
const ScenarioSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  status: z.enum(['passed', 'failed']),
  durationMs: z.number(),
  steps: z.array(StepSchema),
});
const ReportSchema = z.looseObject({
  version: z.literal(JSON_REPORT_VERSION),
  strategy: z.enum(['faithful', 'safe']),
  durationMs: z.number(),
  shard: z.strictObject({ index: z.number().int().min(1), count: z.number().int().min(1) }).optional(),
  scenarios: z.array(ScenarioSchema),
});

const fail = (code: MergeProblem['code'], message: string) => ({ ok: false as const, problem: { code, message } });

/** Reads the text of a `--reporter json` file of this version of the contract. */
export function readReport(file: string, text: string): MergeOutcome<ReportFile> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail(
      'not-a-report',
      `${file} is not JSON (${error instanceof Error ? error.message : String(error)}). Give the files \`booklab scenarios run --reporter json --output FILE\` wrote.`,
    );
  }
  const version = (value as { version?: unknown } | null)?.version;
  if (typeof value === 'object' && value !== null && version !== JSON_REPORT_VERSION && 'scenarios' in value) {
    return fail(
      'old-version',
      `${file} is a report of version ${String(version ?? 1)} of the JSON contract; merge reads version ${JSON_REPORT_VERSION}. Run the shards again with this booklab.`,
    );
  }
  const parsed = ReportSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(
      'not-a-report',
      `${file} is not a scenarios report: ${issue?.path.join('.') || 'the top level'}: ${issue?.message}. Give the files \`booklab scenarios run --reporter json\` wrote.`,
    );
  }
  return { ok: true, value: { file, report: parsed.data as unknown as JsonReport } };
}

/**
 * One run from the reports of its shards (`--shard 1/N` … `N/N` of one selection, in any order), with the results in
 * the order the whole run has them: shard K's j-th result is the selection's (K-1 + j·N)-th. A single report without a
 * shard merges to itself. The wall time is the longest shard's, as shards run side by side.
 */
export function mergeReports(files: readonly ReportFile[]): MergeOutcome<CatalogueRun> {
  const [first] = files;
  if (!first)
    return fail(
      'shards-do-not-fit',
      'There is no report to merge. Name the JSON reports of the shards: `booklab scenarios merge reports/*.json`.',
    );
  const strategies = [...new Set(files.map((f) => f.report.strategy))];
  if (strategies.length > 1)
    return fail(
      'strategies-differ',
      `The reports ran under different strategies (${strategies.join(' and ')}); merge the shards of one run.`,
    );
  const count = first.report.shard?.count ?? 1;
  const whole = files.filter((f) => f.report.shard === undefined);
  if (whole.length && files.length > 1) {
    return fail(
      'shards-do-not-fit',
      `${whole.map((f) => f.file).join(', ')} ${whole.length === 1 ? 'is a whole run' : 'are whole runs'}, not a shard; merge only the reports of \`--shard K/N\` runs, or use a whole run's report as it is.`,
    );
  }
  const byIndex = new Map<number, ReportFile>();
  for (const f of files) {
    const shard = f.report.shard ?? { index: 1, count: 1 };
    if (shard.count !== count)
      return fail(
        'shards-do-not-fit',
        `${f.file} is shard ${shard.index}/${shard.count} but ${first.file} is a shard of ${count}; merge the shards of one run.`,
      );
    const twice = byIndex.get(shard.index);
    if (twice)
      return fail('shards-do-not-fit', `${twice.file} and ${f.file} are both shard ${shard.index}/${count}; give each shard once.`);
    byIndex.set(shard.index, f);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((k) => !byIndex.has(k));
  if (missing.length)
    return fail(
      'shards-do-not-fit',
      `Shard${missing.length === 1 ? '' : 's'} ${missing.map((k) => `${k}/${count}`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing; give the reports of all ${count} shards.`,
    );
  const total = files.reduce((sum, f) => sum + f.report.scenarios.length, 0);
  const results: ScenarioResult[] = new Array(total);
  for (const [index, f] of byIndex) {
    for (const [j, result] of f.report.scenarios.entries()) {
      const position = index - 1 + j * count;
      if (position >= total)
        return fail(
          'shards-do-not-fit',
          `${f.file} holds more scenarios than its shard of ${total} can; were all shards run with the same ids and --grep?`,
        );
      results[position] = result;
    }
  }
  const ids = results.map((r) => r.id);
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (repeated.length)
    return fail(
      'shards-do-not-fit',
      `Scenario ${repeated[0]} is in more than one shard; were all shards run with the same ids and --grep?`,
    );
  return { ok: true, value: { strategy: first.report.strategy, results, durationMs: Math.max(...files.map((f) => f.report.durationMs)) } };
}
