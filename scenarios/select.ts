import { closestWords, orList } from './closest-words.js';
import type { Scenario } from './scenario.js';

/** One part of a split run: the `K` of `--shard K/N` (1-based) and the `N`. */
export interface Shard {
  index: number;
  count: number;
}

/** What `booklab scenarios run` was asked to run. */
export interface Selection {
  /** Scenario ids; none means every scenario. */
  ids?: string[];
  /** Text to find (case-insensitive) in a scenario's id, title, rules or sources. */
  grep?: string;
  shard?: Shard;
}

/** A selection that cannot be made (an unknown id, a malformed shard): a usage error, exit code 2. */
export class SelectionError extends Error {
  override name = 'SelectionError';
}

/** Reads `K/N` (1 ≤ K ≤ N); throws a {@link SelectionError} that shows the expected form. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index < 1 || count < 1 || index > count) {
    throw new SelectionError(`--shard takes K/N with 1 ≤ K ≤ N (for example 1/2), not "${text}".`);
  }
  return { index, count };
}

/** True when the text occurs (case-insensitively) in the scenario's id, title, rules or sources. */
export function matchesGrep(scenario: Scenario, text: string): boolean {
  const needle = text.toLowerCase();
  return [scenario.id, scenario.title, ...scenario.rules, ...scenario.sources].some((field) => field.toLowerCase().includes(needle));
}

/**
 * The scenarios to run, in catalogue order: those named (all when none), narrowed by `grep`, then every
 * N-th of that list from position K-1 for `--shard K/N`, so the shards of one selection run each scenario
 * exactly once whatever the machine. An empty shard is fine (more machines than scenarios); an unknown id (named
 * with the closest known ids) or a grep that matches nothing is a {@link SelectionError}.
 */
export function selectScenarios(catalogue: readonly Scenario[], { ids = [], grep, shard }: Selection = {}): Scenario[] {
  const known = new Set(catalogue.map((s) => s.id));
  const unknown = [...new Set(ids.filter((id) => !known.has(id)))];
  if (unknown.length) {
    const guesses = unknown.map((id) => `"${id}" (did you mean ${orList(closestWords(id, [...known]))}?)`).join(', ');
    throw new SelectionError(
      `Unknown scenario id${unknown.length > 1 ? 's' : ''} ${guesses}. Run \`booklab scenarios list\` to see every id with its title.`,
    );
  }
  let selected = ids.length ? catalogue.filter((s) => ids.includes(s.id)) : [...catalogue];
  if (grep !== undefined) {
    selected = selected.filter((s) => matchesGrep(s, grep));
    if (!selected.length)
      throw new SelectionError(
        `No scenario matches --grep "${grep}" (searched ids, titles, rules and sources). Run \`booklab scenarios list\` to see them.`,
      );
  }
  if (shard) {
    if (shard.index < 1 || shard.index > shard.count)
      throw new SelectionError(`--shard ${shard.index}/${shard.count} is out of range: K must be from 1 to N.`);
    selected = selected.filter((_, i) => i % shard.count === shard.index - 1);
  }
  return selected;
}
