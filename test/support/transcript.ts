import { INVARIANTS } from '../../core/index.js';
import type { ScenarioResult } from '../../scenarios/run-scenario.js';

/**
 * A scenario's walkthrough as a trainer reads it: each step's phase, title and narration (with the values written
 * down), the narration-only reasons, and the checker's words before and after the repair, with the statement of each
 * invariant it names (what the dashboard's checks pane says of it). Kept per scenario in
 * test/transcripts/ so that a change to what the walkthrough tells shows up as a diff to review (`vitest -u` accepts it).
 */
export function transcript(result: ScenarioResult): string {
  const violations = (title: string, list: ScenarioResult['violationsAfterRepair']) => [
    title,
    ...(list.length ? list.map((v) => `    ${v.invariant} ${v.message}`) : ['    nothing wrong']),
    ...[...new Set(list.map((v) => v.invariant))].map((id) => `    ${id} says: ${statementOf(id)}.`),
  ];
  return [
    `${result.id}: ${result.title}`,
    ...(result.finding ? [`finding (leaves ${result.residualInvariants.join(', ')}): ${result.finding}`] : []),
    '',
    ...result.steps.flatMap((s) => [
      `[${s.phase}] ${s.title}${s.narrationOnly ? ` (narration only: ${s.narrationOnly})` : ''}`,
      `    ${s.narration}`,
    ]),
    '',
    ...violations('The checker before the repair:', result.violationsBeforeRepair),
    ...violations('The checker after the repair:', result.violationsAfterRepair),
    '',
  ].join('\n');
}

/** The one-line statement of invariant `id`, as the checks pane shows it. */
function statementOf(id: string): string {
  return INVARIANTS.find((invariant) => invariant.id === id)?.statement ?? '(no statement)';
}
