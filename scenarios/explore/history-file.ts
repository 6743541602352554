import type { FileAction, ScenarioFileInput } from '../file/index.js';
import { actionInWords } from './narrate.js';
import type { HistoryOutcome } from './play-history.js';

// A minimal history saved as a scenario file: one step per action with a generated narration, the first connection
// and what came before it as set-up, then the symptom the explorer found, checked literally. Replaying the file
// plays the same actions and must end with the same invariants violated.

/** The file name and id of a finding: `found-i1-i8`, `found-product-failure`. */
export function foundId(code: string): string {
  return `found-${code.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

/** The scenario file of a minimal history; `replay` is the command that finds it again, `schema` where the file finds the JSON Schema. */
export function historyFile(outcome: HistoryOutcome, { replay, schema }: { replay: string; schema: string }): ScenarioFileInput {
  const firstConnect = outcome.played.findIndex((a) => a.do === 'connect');
  const steps: ScenarioFileInput['steps'] = outcome.played.map((action: FileAction, i) => {
    const words = actionInWords(action);
    return { phase: i <= firstConnect ? 'setup' : 'reproduce', title: `${i + 1}. ${words}`, narration: `${words}.`, actions: [action] };
  });
  const broken = outcome.class === 'broken';
  if (broken) {
    steps.push({
      phase: 'symptom',
      title: `The checker names ${outcome.invariants.join(', ')}`,
      narration: `The invariant checker finds: ${outcome.violations.map((v) => `${v.invariant} ${v.message}`).join(' ')}`,
      checks: [{ expect: 'violations', invariants: outcome.invariants }],
    });
  }
  return {
    $schema: schema,
    format: 'booklab-scenario',
    version: 1,
    id: foundId(outcome.code),
    title: broken ? `Found by the explorer: ${outcome.invariants.join(', ')} after ${outcome.played.length} actions` : `Found by the explorer: the product fails (${outcome.failure})`,
    description: `A minimal history found and shrunk by \`${replay}\`.${broken ? '' : ` The last action throws: ${outcome.failure}`}`,
    sources: [],
    rules: broken ? [...outcome.invariants] : [],
    expected: broken ? [...outcome.invariants] : [],
    steps,
  };
}
