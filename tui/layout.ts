// Breakpoints: standard (panes side by side), compact (one system pane), or too small; the walkthrough pane grows with its narration.

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
  | {
      kind: 'standard' | 'compact';
      columns: number;
      rows: number;
      paneHeight: number;
      listHeight: number;
      panelHeight: number;
      /** Rows under the walkthrough's step line: its narration, or as much as fits with a `▼` line when it is longer. */
      narrationLines: number;
      /** Columns the narration is wrapped to. */
      narrationWidth: number;
    }
  | { kind: 'too-small'; columns: number; rows: number; message: string };

/** Lines a pane spends on its border, its column header and its position line. */
const PANE_CHROME = 5;
/** Rows a system list keeps however long a narration is. */
const MIN_LIST_ROWS = 3;
/** Columns between the walkthrough and the invariants when they stand side by side. */
export const PANEL_GAP = 2;

function isStandard({ columns, rows }: TerminalSize): boolean {
  return columns >= STANDARD_SIZE.columns && rows >= STANDARD_SIZE.rows;
}

/** The columns the walkthrough's narration gets: 60% of the panel beside the invariants, or the whole panel when compact. */
export function narrationWidthFor(size: TerminalSize): number {
  const inner = size.columns - 2;
  return isStandard(size) ? Math.floor(((inner - PANEL_GAP) * 3) / 5) : inner;
}

/**
 * The layout for a terminal size; the frame is `rows - 1` high (Ink 6 repaints a full-height frame). With a walkthrough
 * the bottom panel grows to show `narration` lines (what the narration needs), as far as the lists keep
 * {@link MIN_LIST_ROWS} rows; a longer narration scrolls.
 */
export function layoutFor(
  size: TerminalSize,
  { walkthrough = false, narration = 0 }: { walkthrough?: boolean; narration?: number } = {},
): Layout {
  const { columns, rows } = size;
  if (columns < MIN_SIZE.columns || rows < MIN_SIZE.rows) {
    return {
      kind: 'too-small',
      columns,
      rows,
      message: `Terminal too small: ${columns}×${rows} — needs ${MIN_SIZE.columns}×${MIN_SIZE.rows}`,
    };
  }
  const standard = isStandard(size);
  // Bottom panel: a border, then the invariants (one line each standard, 2 compact) and the walkthrough (a step line
  // and its narration) beside them (standard) or above them (compact).
  const invariantLines = standard ? INVARIANTS.length : 2;
  const frame = rows - 1;
  const body = frame - 2;
  const maxPanel = body - (PANE_CHROME + MIN_LIST_ROWS);
  const maxNarration = maxPanel - 2 - 1 - (standard ? 0 : invariantLines);
  const minNarration = standard ? invariantLines - 1 : 2;
  const narrationLines = Math.max(minNarration, Math.min(narration, maxNarration));
  const panelHeight =
    2 + (walkthrough ? Math.max(standard ? invariantLines : 0, 1 + narrationLines + (standard ? 0 : invariantLines)) : invariantLines);
  const paneHeight = Math.max(PANE_CHROME + 1, body - panelHeight);
  return {
    kind: standard ? 'standard' : 'compact',
    columns,
    rows,
    paneHeight,
    listHeight: paneHeight - PANE_CHROME,
    panelHeight,
    narrationLines,
    narrationWidth: narrationWidthFor(size),
  };
}
