import { Box, Text } from 'ink';
import { memo, useMemo, type ReactNode } from 'react';
import type { ListPosition } from './app-state.js';
import { fitColumns, fitText, rowTexts, type ColumnFit } from './row-text.js';
import type { Column, Row } from './rows.js';
import { GLYPHS } from './theme.js';
import { Styled, useTheme } from './theme-context.js';
import { positionLabel, windowOf } from './window.js';

/** Props of a system pane. */
export interface ListPaneProps {
  /** `1 Focus · Invoices`. */
  title: string;
  columns: Column[];
  rows: Row[];
  /** Outer width of the pane, in columns. */
  width: number;
  focused: boolean;
  position: ListPosition;
  /** Rows of the list that fit (the pane is this plus its chrome). */
  height: number;
  filter: string;
}

/** Characters a row spends outside its cells: the borders, the selection marker, a space and the two marker glyphs. */
const ROW_CHROME = 6;

/**
 * One row, as one <Text>: a cell the last step changed is a styled span, and the cells between such spans are one plain
 * string (Ink lays out and squashes each node on every frame, so a row of few nodes keeps a key's frame cheap).
 * Memoised: a key that moves the selection redraws the two rows whose selection changed, not the window's every row
 * (the rows themselves stay the same objects until the view changes).
 */
const RowLine = memo(function RowLine({
  row,
  columns,
  fit,
  selected,
  focused,
}: {
  row: Row;
  columns: Column[];
  fit: ColumnFit;
  selected: boolean;
  focused: boolean;
}) {
  const theme = useTheme();
  const base = selected && focused ? theme.roles.selected : {};
  const texts = rowTexts(row, columns, fit);
  const spans: ReactNode[] = [];
  let plain = '';
  texts.forEach((text, i) => {
    if (row.cells[i]?.changed) {
      spans.push(
        plain,
        <Text key={i} {...theme.roles.changed}>
          {text}
        </Text>,
      );
      plain = ' ';
    } else plain += `${text} `;
  });
  return (
    <Text {...base} wrap="truncate">
      <Text {...(selected ? theme.roles.accent : {})}>{selected ? GLYPHS.selected : ' '}</Text>
      {spans}
      {plain}
      <Text {...theme.roles.error}>{row.conflict ? GLYPHS.conflict : ' '}</Text>
      <Text {...theme.roles.changed}>{row.changed ? GLYPHS.changed : ' '}</Text>
    </Text>
  );
});

/** A bordered, windowed list: one of the two system panes. */
export const ListPane = memo(function ListPane({ title, columns, rows, width, focused, position, height, filter }: ListPaneProps) {
  const theme = useTheme();
  // The same widths object while the pane keeps its width, so that the rows' memo holds.
  const fit = useMemo(() => fitColumns(columns, width - ROW_CHROME), [columns, width]);
  const window = windowOf({ length: rows.length, height, scroll: position.scroll, selected: position.selected });
  const visible = rows.slice(window.start, window.end);
  return (
    <Box
      flexDirection="column"
      width={width}
      flexShrink={0}
      borderStyle="round"
      borderColor={focused ? theme.borders.focused : theme.borders.normal}
      paddingX={0}
      overflowY="hidden"
    >
      <Text wrap="truncate">
        <Styled role={focused ? 'accent' : undefined}>{title}</Styled>
        {filter ? <Styled role="warn">{`  /${filter}`}</Styled> : null}
      </Text>
      <Text wrap="truncate">
        <Styled role="muted">{` ${columns.map((c, i) => fitText(c.title, fit.widths[i] ?? 0, c.align)).join(' ')}`}</Styled>
      </Text>
      <Box flexDirection="column" height={height}>
        {visible.map((row, i) => (
          <RowLine
            key={row.key}
            row={row}
            columns={columns}
            fit={fit}
            selected={window.start + i === position.selected}
            focused={focused}
          />
        ))}
      </Box>
      <Styled role="muted" wrap="truncate">{` ${positionLabel(window, rows.length)}`}</Styled>
    </Box>
  );
});
