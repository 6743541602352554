// The dashboard's plain rendering, for a stdout that is not a terminal (a pipe, a file, CI): both systems in full and
// the invariants, as text. Not laid out by Ink: a case of 10,000 invoices is 20,000 lines, which Ink's layout took
// 14-27 s and 850-970 MB to write (issue 16).
import type { DashboardSnapshot } from './dashboard-controller.js';
import { invariantLines } from './invariants-panel.js';
import { unreadOf } from '../core/index.js';
import { fitColumns, fitText, rowTexts } from './row-text.js';
import { EXACT_COLUMNS, exactRows, FOCUS_COLUMNS, focusRows, PANE_TITLES, type Column, type Row } from './rows.js';
import { GLYPHS } from './theme.js';

/** The width the tables are fitted to, as a terminal of 80 columns shows them. */
const TABLE_WIDTH = 80;

/** A system's table: its title, its column titles, a line per row with the conflict and change markers, a blank line. */
function tableLines(title: string, columns: Column[], rows: Row[]): string[] {
  const fit = fitColumns(columns, TABLE_WIDTH);
  const line = (texts: string[], markers = '') => `  ${texts.join(' ')}${markers}`.trimEnd();
  return [
    title,
    line(columns.map((c, i) => fitText(c.title, fit.widths[i] ?? 0, c.align))),
    ...rows.map((row) =>
      line(rowTexts(row, columns, fit), ` ${row.conflict ? GLYPHS.conflict : ' '}${row.changed ? GLYPHS.changed : ' '}`),
    ),
    '',
  ];
}

/** Both systems in full, then each invariant with ✓ and its statement or ✗ and the checker's words, never cut. */
export function plainRendering(snapshot: DashboardSnapshot): string {
  const unread = unreadOf(snapshot.view.focus.bell).length;
  return [
    `booklab ▸ ${snapshot.title}  ${GLYPHS.bell} ${unread}  ${snapshot.now.slice(0, 10)}`,
    '',
    ...tableLines(PANE_TITLES.focus, FOCUS_COLUMNS, focusRows(snapshot.view, snapshot.diff)),
    ...tableLines(PANE_TITLES.exact, EXACT_COLUMNS, exactRows(snapshot.view, snapshot.diff)),
    'Invariants',
    ...invariantLines(snapshot.violations).map((l) => `${l.id} ${l.ok ? GLYPHS.ok : GLYPHS.failed} ${l.text}`),
  ].join('\n');
}
