// Breakpoints: standard (panes side by side), compact (one system pane), or too small.

import { INVARIANTS } from '../core/index.js';

/** The smallest terminal the dashboard draws in. */
export const MIN_SIZE = { columns: 80, rows: 24 } as const;
/** From this size on both system panes are shown side by side. */
export const STANDARD_SIZE = { columns: 100, rows: 30 } as const;

/** A terminal size. */
export interface TerminalSize {
  columns: number;
  rows: number;
}

/** How the screen is laid out, with the heights the lists are windowed to. */
export type Layout =
  | { kind: 'standard' | 'compact'; columns: number; rows: number; paneHeight: number; listHeight: number; panelHeight: number; narrationLines: number }
  | { kind: 'too-small'; columns: number; rows: number; message: string };

/** Lines a pane spends on its border, its column header and its position line. */
const PANE_CHROME = 5;

/** The layout for a terminal size; the frame is `rows - 1` high (Ink 6 repaints a full-height frame). */
export function layoutFor({ columns, rows }: TerminalSize, { walkthrough = false }: { walkthrough?: boolean } = {}): Layout {
  if (columns < MIN_SIZE.columns || rows < MIN_SIZE.rows) {
    return { kind: 'too-small', columns, rows, message: `Terminal too small: ${columns}×${rows} — needs ${MIN_SIZE.columns}×${MIN_SIZE.rows}` };
  }
  const standard = columns >= STANDARD_SIZE.columns && rows >= STANDARD_SIZE.rows;
  const narrationLines = standard ? 3 : 2;
  // Bottom panel: a border, a title, the narration (walkthrough) and the invariants (one line each standard, 2 compact).
  const invariantLines = standard ? INVARIANTS.length : 2;
  const panelHeight = 2 + (walkthrough ? Math.max(invariantLines, 1 + narrationLines + (standard ? 0 : invariantLines)) : invariantLines);
  const frame = rows - 1;
  const paneHeight = Math.max(PANE_CHROME + 1, frame - 2 - panelHeight);
  return { kind: standard ? 'standard' : 'compact', columns, rows, paneHeight, listHeight: paneHeight - PANE_CHROME, panelHeight, narrationLines };
}
