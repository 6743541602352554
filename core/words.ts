// How booklab writes counts, lists and amounts in English, so Focus's messages and the command lines say them alike.

/** "1 invoice", "2 invoices"; `words` for plurals that are not `word` + s ("2 companies"). */
export function plural(count: number, word: string, words = `${word}s`): string {
  return `${count} ${count === 1 ? word : words}`;
}

/** "a", "a and b", "a, b and c". */
export function joinWords(words: readonly string[]): string {
  return words.length <= 2 ? words.join(' and ') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** Thousands separators; made once, as `toLocaleString` makes a formatter on every call. */
const THOUSANDS = new Intl.NumberFormat('en-GB');

/** A whole number with thousands separators: `5,099`. */
export function thousands(n: number): string {
  return THOUSANDS.format(n);
}

/** Formats cents as euros for messages: `€1,210.00`, `-€50.00`. */
export function euros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}€${thousands(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;
}
