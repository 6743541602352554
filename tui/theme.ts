// Colour roles: the single source of truth for how things look. Colour always comes with a glyph.

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

/** True when colour is off: `NO_COLOR` set (any value), `--no-color`, or `TERM=dumb`. */
export function colourDisabled({
  env = process.env,
  noColorFlag = false,
}: { env?: NodeJS.ProcessEnv; noColorFlag?: boolean } = {}): boolean {
  return noColorFlag || 'NO_COLOR' in env || env.TERM === 'dumb';
}

/** The theme for an environment and the `--no-color` flag. */
export function pickTheme(options: { env?: NodeJS.ProcessEnv; noColorFlag?: boolean } = {}): Theme {
  return colourDisabled(options) ? MONOCHROME_THEME : COLOUR_THEME;
}
