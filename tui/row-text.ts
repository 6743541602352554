// A row's cells as text: the column widths that fit a pane, and each cell padded or cut to its width.

import type { Column, Row } from './rows.js';

/** The widths a pane gives its columns, and whether they are the narrow ones (cells then show `short`). */
export interface ColumnFit {
  widths: number[];
  narrow: boolean;
}

/** Column widths that fit `available` characters: full widths, else narrow ones; the flex column takes what is left. */
export function fitColumns(columns: Column[], available: number): ColumnFit {
  const gaps = columns.length - 1;
  const sum = (narrow: boolean) => columns.reduce((n, c) => n + (c.flex ? 0 : narrow ? (c.narrow ?? c.width) : c.width), gaps);
  const flexMin = 8;
  const narrow = sum(false) + flexMin > available;
  const rest = Math.max(4, available - sum(narrow));
  return {
    widths: columns.map((c) => (c.flex ? Math.min(rest, Math.max(c.width, rest)) : narrow ? (c.narrow ?? c.width) : c.width)),
    narrow,
  };
}

/** A text padded (or cut with `…`) to a width. */
export function fitText(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const cut = text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text;
  return align === 'right' ? cut.padStart(width) : cut.padEnd(width);
}

/** A row's cells as padded texts for the given widths; a single-cell row (a journal heading) spans the line. */
export function rowTexts(row: Row, columns: Column[], { widths, narrow }: ColumnFit): string[] {
  if (row.cells.length === 1)
    return [
      fitText(
        row.cells[0]!.text,
        widths.reduce((a, b) => a + b, widths.length - 1),
      ),
    ];
  return row.cells.map((cell, i) =>
    fitText(narrow && cell.short !== undefined ? cell.short : cell.text, widths[i] ?? 0, columns[i]?.align),
  );
}
