import type { Aim, Figures, Table } from './section.js';

/** Renders a section's figures as plain text: tables, then aims, then notes. */
export function renderFigures(figures: Figures): string {
  const parts = figures.tables.map(renderTable);
  if (figures.aims?.length) parts.push(renderAims(figures.aims));
  if (figures.notes?.length) parts.push(figures.notes.map((note) => `note: ${note}`).join('\n'));
  return parts.join('\n\n');
}

/** A table with aligned columns: the label column left-aligned, figures right-aligned. */
export function renderTable({ title, columns, rows }: Table): string {
  const widths = columns.map((column, i) => Math.max(column.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [title, line(columns), rule, ...rows.map(line)].join('\n');
}

function renderAims(aims: Aim[]): string {
  const width = Math.max(...aims.map((aim) => aim.text.length));
  return [
    'Aims (informational, never a failure)',
    ...aims.map((aim) => `  [${aim.met ? 'met   ' : 'missed'}] ${aim.text.padEnd(width)}  ${aim.figure}`),
  ].join('\n');
}
