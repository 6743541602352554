// How booklab writes counts and lists in English, so Focus's messages and the command lines say them alike.

/** "1 invoice", "2 invoices"; `words` for plurals that are not `word` + s ("2 companies"). */
export function plural(count: number, word: string, words = `${word}s`): string {
  return `${count} ${count === 1 ? word : words}`;
}

/** "a", "a and b", "a, b and c". */
export function joinWords(words: readonly string[]): string {
  return words.length <= 2 ? words.join(' and ') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
