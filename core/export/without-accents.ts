/** The text with its accents taken off ("Société" → "Societe"), so that names and headers compare as people read them. */
export function withoutAccents(text: string): string {
  // NFD splits "é" into "e" and a combining mark; the marks are then dropped.
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}
