import { colourWanted } from '../colour-policy.js';

/** Colours for terminal output; the plain style returns text unchanged. */
export interface Style {
  pass(text: string): string;
  fail(text: string): string;
  warn(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const paint = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

/** ANSI colours. */
export const COLOUR: Style = { pass: paint(32, 39), fail: paint(31, 39), warn: paint(33, 39), dim: paint(2, 22), bold: paint(1, 22) };

const same = (text: string) => text;

/** No colours: for files, pipes and NO_COLOR. */
export const PLAIN: Style = { pass: same, fail: same, warn: same, dim: same, bold: same };

/** Colours for `stream` as booklab's colour policy decides (NO_COLOR, FORCE_COLOR, TERM=dumb, a terminal or not). */
export function styleFor(stream: { isTTY?: boolean }, env: Record<string, string | undefined> = process.env): Style {
  return colourWanted({ env, isTTY: stream.isTTY }) ? COLOUR : PLAIN;
}
