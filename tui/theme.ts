// Colour roles: the single source of truth for how things look. Colour always comes with a glyph.

import { colourWanted } from '../scenarios/index.js';

/** How a piece of text is drawn (a subset of Ink's `<Text>` props). */
export interface TextStyle {
  color?: string;
  bold?: boolean;
  dimColor?: boolean;
  inverse?: boolean;
  underline?: boolean;
}

/** The roles a component may ask for. */
export type Role = 'accent' | 'muted' | 'ok' | 'warn' | 'error' | 'changed' | 'key' | 'selected';

/** A theme: a style per role, and whether it uses colour at all. */
export interface Theme {
  name: 'colour' | 'monochrome';
  roles: Record<Role, TextStyle>;
  /** Border colour of a focused and an unfocused pane (undefined = terminal default). */
  borders: { focused?: string; normal?: string };
}

/** The glyphs that carry meaning without colour. */
export const GLYPHS = {
  conflict: '!',
  changed: '◆',
  ok: '✓',
  failed: '✗',
  selected: '▸',
  bell: '🔔',
  syncing: '↻',
  synced: '●',
  narration: '○',
  warning: '⚠',
  more: '▼',
  above: '▲',
} as const;

/** The colour theme. */
export const COLOUR_THEME: Theme = {
  name: 'colour',
  roles: {
    accent: { color: 'cyan', bold: true },
    muted: { dimColor: true },
    ok: { color: 'green' },
    warn: { color: 'yellow' },
    error: { color: 'red', bold: true },
    changed: { color: 'magenta', bold: true },
    key: { color: 'cyan' },
    selected: { inverse: true },
  },
  borders: { focused: 'cyan', normal: 'gray' },
};

/** The monochrome theme: bold, dim, inverse and underline only. */
export const MONOCHROME_THEME: Theme = {
  name: 'monochrome',
  roles: {
    accent: { bold: true },
    muted: { dimColor: true },
    ok: {},
    warn: { bold: true },
    error: { bold: true },
    changed: { bold: true, underline: true },
    key: { bold: true },
    selected: { inverse: true },
  },
  borders: {},
};

/**
 * The theme for the `--no-color` flag and booklab's colour policy (NO_COLOR, FORCE_COLOR, TERM=dumb), on the terminal
 * the dashboard draws on unless told it is not one.
 */
export function pickTheme({
  env = process.env,
  isTTY = true,
  noColorFlag = false,
}: { env?: NodeJS.ProcessEnv; isTTY?: boolean; noColorFlag?: boolean } = {}): Theme {
  return !noColorFlag && colourWanted({ env, isTTY }) ? COLOUR_THEME : MONOCHROME_THEME;
}
