// Suggestions for a mistyped word (a command, a scenario id): the known words nearest to it by edit distance.

/** The number of single-character insertions, deletions, substitutions and swaps of neighbours from `a` to `b`. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The known words near `word`, nearest first (ties in the order given), at most `limit`: those within a few slips
 * (a quarter of its length, at least 2), where a known word that starts like the word is as near as its start is
 * plus one ("invoice-shown-twise" finds invoice-shown-twice and its variants). When none is that near, the single
 * nearest word, so there is always a suggestion.
 */
export function closestWords(word: string, known: readonly string[], limit = 3): string[] {
  const needle = word.toLowerCase();
  const scored = known.map((candidate, index) => {
    const lower = candidate.toLowerCase();
    const start = lower.length > needle.length ? editDistance(needle, lower.slice(0, needle.length)) + 1 : Infinity;
    return { candidate, index, distance: Math.min(editDistance(needle, lower), start) };
  });
  scored.sort((x, y) => x.distance - y.distance || x.index - y.index);
  const near = scored.filter((s) => s.distance <= Math.max(2, Math.floor(needle.length / 4)));
  return (near.length ? near.slice(0, limit) : scored.slice(0, 1)).map((s) => s.candidate);
}

/** "'a'", "'a' or 'b'", "'a', 'b' or 'c'": suggestions as they are written after "did you mean". */
export function orList(words: readonly string[]): string {
  const quoted = words.map((w) => `'${w}'`);
  return quoted.length <= 2 ? quoted.join(' or ') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}
