import type { SyncStrategy } from '../../core/index.js';
import { summarize, type CatalogueRun } from '../run-catalogue.js';
import type { ScenarioResult } from '../run-scenario.js';
import { PLAIN, type Style } from './style.js';

// The human report: a line per scenario as it finishes, then what went wrong, then the counts.
// Every status carries a glyph, so nothing depends on colour.

/** Glyphs paired with each status. */
export const GLYPHS = { passed: '✓', failed: '✗' } as const;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Under the safe strategy, the verdict on a case: it can no longer happen, or it still happens. */
export function safeVerdict(result: ScenarioResult): string | undefined {
  if (result.stillHappens === undefined) return undefined;
  return result.stillHappens ? 'still happens' : 'can no longer happen';
}

/** The line printed before the first result. */
export function prettyHeader(count: number, strategy: SyncStrategy, concurrency: number, style: Style = PLAIN): string {
  const what = `${count} scenario${count === 1 ? '' : 's'}`;
  return style.bold(`Running ${what} under the ${strategy} strategy, ${Math.min(concurrency, Math.max(count, 1))} at a time`);
}

/** "leaves I1": what a scenario with a finding declares its end leaves violated. */
export function leaves(result: ScenarioResult): string | undefined {
  return result.finding === undefined ? undefined : `leaves ${result.residualInvariants.join(', ')}`;
}

/** One scenario on one line: glyph, id, title, duration, what a finding leaves, and the safe strategy's verdict when there is one. */
export function prettyLine(result: ScenarioResult, style: Style = PLAIN): string {
  const passed = result.status === 'passed';
  const glyph = passed ? style.pass(GLYPHS.passed) : style.fail(GLYPHS.failed);
  const verdict = safeVerdict(result);
  const verdictText = verdict === undefined ? '' : `  ${result.stillHappens ? style.warn(verdict) : style.pass(verdict)}`;
  const failedText = passed ? '' : `  ${style.fail('failed')}`;
  const leavesText = leaves(result) === undefined ? '' : `  ${style.warn(leaves(result)!)}`;
  return `  ${glyph} ${style.bold(result.id)}  ${result.title}  ${style.dim(`${result.durationMs} ms`)}${failedText}${leavesText}${verdictText}`;
}

/** The steps that ran but only told, each with why ("narration only: [repair] Add the column — reason"). */
export function narrationOnlyLines(result: ScenarioResult): string[] {
  return result.steps
    .filter((s) => s.status === 'passed' && s.narrationOnly !== undefined)
    .map((s) => `narration only: [${s.phase}] ${s.title} — ${s.narrationOnly}`);
}

function violationLines(title: string, violations: ScenarioResult['violationsAfterRepair']): string[] {
  if (!violations.length) return [`  ${title}: none`];
  return [`  ${title}:`, ...violations.map((v) => `    ${v.invariant}  ${v.message}`)];
}

/** What a failed scenario shows: why, the step where it failed (or the last one that ran) with its narration, and the violations. */
export function prettyFailure(result: ScenarioResult, style: Style = PLAIN): string {
  const lines = [style.fail(`${GLYPHS.failed} ${result.id}: ${result.title}`)];
  if (result.reason) lines.push(`  ${result.reason}`);
  const failedStep = result.steps.find((s) => s.status === 'failed');
  const shown = failedStep ?? result.steps.filter((s) => s.status === 'passed').at(-1);
  if (shown) {
    lines.push(`  ${failedStep ? 'failing step' : 'last step'}: [${shown.phase}] ${shown.title}`);
    if (shown.narration) lines.push(`    ${style.dim(shown.narration)}`);
    if (shown.error) lines.push(`    error: ${shown.error}`);
  }
  const skipped = result.steps.filter((s) => s.status === 'skipped').length;
  if (skipped) lines.push(`  ${skipped} step${skipped === 1 ? '' : 's'} did not run`);
  lines.push(...narrationOnlyLines(result).map((line) => `  ${style.dim(line)}`));
  if (result.finding) lines.push(`  finding (${leaves(result)}): ${result.finding}`);
  lines.push(...violationLines('violations before the repair', result.violationsBeforeRepair));
  lines.push(...violationLines('violations after the repair', result.violationsAfterRepair));
  return lines.join('\n');
}

/** The end of the report: every failure in detail, the safe strategy's verdicts, and the closing count. */
export function prettyEnd(run: CatalogueRun, style: Style = PLAIN): string {
  const summary = summarize(run.results);
  const parts: string[] = [];
  const failures = run.results.filter((r) => r.status === 'failed');
  if (failures.length) parts.push([style.bold('Failures'), '', failures.map((r) => prettyFailure(r, style)).join('\n\n')].join('\n'));
  const findings = run.results.filter((r) => r.status === 'passed' && r.finding);
  if (findings.length) parts.push([style.bold('Findings'), ...findings.map((r) => `  ${r.id} (${leaves(r)}): ${r.finding}`)].join('\n'));
  const lines = [
    `Ran ${summary.total} scenario${summary.total === 1 ? '' : 's'} in ${seconds(run.durationMs)} under the ${run.strategy} strategy.`,
  ];
  if (run.strategy === 'safe') {
    const still = run.results.filter((r) => r.stillHappens === true);
    const gone = run.results.filter((r) => r.stillHappens === false);
    lines.push(
      `Under the safe strategy ${gone.length} case${gone.length === 1 ? '' : 's'} can no longer happen, ${still.length} still happen${still.length === 1 ? 's' : ''}` +
        (still.length ? `: ${still.map((r) => r.id).join(', ')}.` : '.'),
    );
  }
  const counts = `${summary.passed} passed, ${summary.failed} failed`;
  lines.push(summary.failed ? style.fail(counts) : style.pass(counts));
  parts.push(lines.join('\n'));
  return parts.join('\n\n');
}

/** The whole pretty report at once (for `--output FILE`): the lines in catalogue order, then {@link prettyEnd}. */
export function renderPretty(run: CatalogueRun, style: Style = PLAIN): string {
  const lines = run.results.map((r) => prettyLine(r, style));
  return `${[...lines, '', prettyEnd(run, style)].join('\n')}\n`;
}
