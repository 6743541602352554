import type { FileAction, ScenarioFileInput } from '../file/index.js';
import { actionInWords } from './narrate.js';
import type { HistoryOutcome } from './play-history.js';

// A minimal history saved as a scenario file: one step per action with a generated narration, the first connection
// and what came before it as set-up, then the symptom the explorer found, checked literally. Replaying the file
// plays the same actions and must end with the same invariants violated.

/** The file name and id of a finding, from its class and the doctor's finding codes: `found-plan-fails-booking-deleted-in-exact`, `found-product-failure`. */
export function foundId(findingClass: string, code: string): string {
  const name = code === findingClass ? code : `${findingClass}-${code}`;
  return `found-${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

/** What the doctor said of the world the history ends in, for the file's description. */
function doctorWords({ class: judged, doctor }: HistoryOutcome): string {
  if (!doctor) return '';
  const found = doctor.findings.length ? `finds ${doctor.findings.join(', ')}` : 'finds nothing the invariants name';
  const plan =
    doctor.plan === null
      ? 'has no plan to play'
      : `plays the ${doctor.plan === 'article' ? "articles'" : "booklab's completed"} plan on a copy`;
  const leaves = doctor.leaves.length ? `, which leaves ${doctor.leaves.join(', ')}` : '';
  const refused = doctor.failure ? ` (${doctor.failure})` : '';
  return ` booklab doctor ${found} and ${plan}${leaves}${refused}: ${judged}.`;
}

/** The scenario file of a minimal history; `replay` is the command that finds it again, `schema` where the file finds the JSON Schema. */
export function historyFile(outcome: HistoryOutcome, { replay, schema }: { replay: string; schema: string }): ScenarioFileInput {
  const firstConnect = outcome.played.findIndex((a) => a.do === 'connect');
  const steps: ScenarioFileInput['steps'] = outcome.played.map((action: FileAction, i) => {
    const words = actionInWords(action);
    return { phase: i <= firstConnect ? 'setup' : 'reproduce', title: `${i + 1}. ${words}`, narration: `${words}.`, actions: [action] };
  });
  const broken = outcome.class !== 'product-failure';
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
    id: foundId(outcome.class, outcome.code),
    title: broken
      ? `Found by the explorer: ${outcome.invariants.join(', ')} after ${outcome.played.length} actions${outcome.doctor ? ` (${outcome.class})` : ''}`
      : `Found by the explorer: the product fails (${outcome.failure})`,
    description: `A minimal history found and shrunk by \`${replay}\`.${broken ? doctorWords(outcome) : ` The product fails: ${outcome.failure}`}`,
    sources: [],
    rules: broken ? [...outcome.invariants] : [],
    expected: broken ? [...outcome.invariants] : [],
    steps,
  };
}
