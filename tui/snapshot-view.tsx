import { Box, Text } from 'ink';
import type { DashboardSnapshot } from './dashboard-controller.js';
import { InvariantsPanel } from './invariants-panel.js';
import { EXACT_COLUMNS, exactRows, fitColumns, fitText, FOCUS_COLUMNS, focusRows, rowTexts, type Column, type Row } from './rows.js';
import { GLYPHS } from './theme.js';

function Table({ title, columns, rows }: { title: string; columns: Column[]; rows: Row[] }) {
  const fit = fitColumns(columns, 80);
  return (
    <Box flexDirection="column" marginBottom={1}>
      <Text bold>{title}</Text>
      <Text dimColor>{`  ${columns.map((c, i) => fitText(c.title, fit.widths[i] ?? 0, c.align)).join(' ')}`}</Text>
      {rows.map((row) => (
        <Text key={row.key}>
          {`  ${rowTexts(row, columns, fit).join(' ')} ${row.conflict ? GLYPHS.conflict : ' '}${row.changed ? GLYPHS.changed : ' '}`.trimEnd()}
        </Text>
      ))}
    </Box>
  );
}

/** The plain rendering for a non-terminal stdout: both systems in full and the invariants; no input. */
export function SnapshotView({ snapshot }: { snapshot: DashboardSnapshot }) {
  return (
    <Box flexDirection="column">
      <Text
        bold
      >{`booklab ▸ ${snapshot.title}  ${GLYPHS.bell} ${snapshot.view.focus.bell.notifications.filter((n) => !n.read).length}  ${snapshot.now.slice(0, 10)}`}</Text>
      <Text> </Text>
      <Table title="Focus · Invoices and credit notes" columns={FOCUS_COLUMNS} rows={focusRows(snapshot.view, snapshot.diff)} />
      <Table title="Exact · Journals and bookings" columns={EXACT_COLUMNS} rows={exactRows(snapshot.view, snapshot.diff)} />
      <Text bold>Invariants</Text>
      <InvariantsPanel violations={snapshot.violations} compact={false} />
    </Box>
  );
}
