import { joinWords, thousands } from '../words.js';

// A plan is read aloud on a support call: a list of thousands of bookings or documents cannot be. Up to a dozen items
// are named one by one; a longer list is told by its first items, its last one and its count (booking numbers by their
// runs: "10999 down to 5901"). The plan's values (--format json) always keep every item.

/** How many items a step names one by one. */
export const NAMED_IN_FULL = 12;

/** `items` joined by `join`; a list longer than {@link NAMED_IN_FULL} as its first three, "…", its last one and its count. */
export function longListInWords(items: readonly string[], join: (items: readonly string[]) => string = joinWords): string {
  if (items.length <= NAMED_IN_FULL) return join(items);
  return `${byEnds(items, join)} (${thousands(items.length)} in all)`;
}

/** Booking numbers: each one when they are few; else runs of consecutive numbers ("10999 down to 5901") and the count. */
export function numbersInWords(numbers: readonly number[]): string {
  if (numbers.length <= NAMED_IN_FULL) return joinWords(numbers.map(String));
  const runs: string[] = [];
  for (let start = 0; start < numbers.length;) {
    const step = numbers[start + 1]! - numbers[start]!;
    let end = start;
    if (step === 1 || step === -1) while (end + 1 < numbers.length && numbers[end + 1]! - numbers[end]! === step) end += 1;
    if (end - start >= 2) {
      runs.push(`${numbers[start]} ${step < 0 ? 'down to' : 'to'} ${numbers[end]}`);
      start = end + 1;
    } else {
      runs.push(String(numbers[start]));
      start += 1;
    }
  }
  return `${byEnds(runs, joinWords)} (${thousands(numbers.length)} in all)`;
}

/** Every item when they are few; else the first three, "…" and the last one. */
function byEnds(items: readonly string[], join: (items: readonly string[]) => string): string {
  return join(items.length <= NAMED_IN_FULL ? items : [...items.slice(0, 3), '…', items.at(-1)!]);
}
