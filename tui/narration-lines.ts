// The walkthrough's narration laid out in lines of a given width: warnings on lines of their own, marked with a glyph.

import { GLYPHS } from './theme.js';

/** How a narration line is drawn. */
export type NarrationTone = 'plain' | 'warn' | 'muted' | 'changed' | 'error';

/** One line of the narration pane. */
export interface NarrationLine {
  text: string;
  tone: NarrationTone;
}

/** A sentence the articles shout: "DO NOT import …", "do NOT delink …", "Do not import contacts …". */
const WARNING = /\bdo not\b/i;

/** Splits after a sentence's end (a full stop, `!` or `?`, possibly inside quotes) followed by a space. */
const SENTENCE_END = /(?<=[.!?]["”']?)\s+(?=["“'(]?[A-Z0-9])/;

/** Words wrapped to `width` columns; a word longer than a line is cut across lines. */
export function wrapWords(text: string, width: number, { first = '', rest = '' }: { first?: string; rest?: string } = {}): string[] {
  const room = Math.max(1, width);
  const lines: string[] = [];
  let line = first;
  let lineHasWord = false;
  const push = () => {
    lines.push(line.trimEnd());
    line = rest;
    lineHasWord = false;
  };
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let piece = word;
    if (lineHasWord && line.length + 1 + piece.length > room) push();
    if (lineHasWord) line += ' ';
    while (line.length + piece.length > room) {
      const cut = Math.max(1, room - line.length);
      line += piece.slice(0, cut);
      piece = piece.slice(cut);
      push();
    }
    line += piece;
    lineHasWord = true;
  }
  if (lineHasWord || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/**
 * A narration in lines of `width`: the plain sentences flow together; each warning sentence starts a line of its
 * own with `⚠` and is drawn as a warning, so neither colour alone nor a cut line hides it.
 */
export function narrationLines(text: string, width: number, tone: NarrationTone = 'plain'): NarrationLine[] {
  const paragraphs: Array<{ text: string; warn: boolean }> = [];
  for (const sentence of text.split(SENTENCE_END)) {
    const warn = tone === 'plain' && WARNING.test(sentence);
    const last = paragraphs.at(-1);
    if (last && !warn && !last.warn) last.text += ` ${sentence}`;
    else paragraphs.push({ text: sentence, warn });
  }
  return paragraphs.flatMap((p) =>
    p.warn
      ? wrapWords(p.text, width, { first: `${GLYPHS.warning} `, rest: '  ' }).map((line) => ({ text: line, tone: 'warn' as const }))
      : wrapWords(p.text, width).map((line) => ({ text: line, tone })),
  );
}
