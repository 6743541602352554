import { Box, Text } from 'ink';
import { memo } from 'react';
import { HELP_GROUPS, KEYMAP, keyLabel, type Binding } from './keymap.js';
import { OverlayFrame } from './overlay-frame.js';
import { Styled } from './theme-context.js';

/** Widest a help column gets. */
const COLUMN_WIDTH = 46;
/** Narrowest a help column may get before the descriptions are cut. */
const MIN_COLUMN_WIDTH = 30;
const GAP = 2;
/** Frame border and padding on both sides. */
const FRAME = 4;

interface HelpGroup {
  title: string;
  bindings: Binding[];
}

/** The help groups in order, each with its bindings (a group can take in the bindings of small contexts); none without (no heading stands alone). */
const GROUPS: HelpGroup[] = HELP_GROUPS.map(({ context, title, also = [] }) => ({
  title,
  bindings: KEYMAP.filter((b) => b.context === context || also.includes(b.context)),
})).filter((g) => g.bindings.length > 0);

/** Rows a group takes: its title and one row per binding. */
const rowsOf = (group: HelpGroup) => group.bindings.length + 1;

/** Puts the groups, in help order, into columns of at most `height` rows, one blank row between groups. */
export function packColumns<T>(groups: readonly T[], rows: (group: T) => number, height: number): T[][] {
  const columns: T[][] = [];
  let used = Infinity;
  for (const group of groups) {
    const needed = used === 0 ? rows(group) : used + 1 + rows(group);
    if (columns.length === 0 || needed > height) {
      columns.push([group]);
      used = rows(group);
    } else {
      columns.at(-1)!.push(group);
      used = needed;
    }
  }
  return columns;
}

/** The `?` help, generated from the keymap: its groups in as many columns as the height needs. */
export const HelpOverlay = memo(function HelpOverlay({ columns, height }: { columns: number; height: number }) {
  const packed = packColumns(GROUPS, rowsOf, height);
  const fit = Math.max(1, Math.floor((columns - FRAME + GAP) / (MIN_COLUMN_WIDTH + GAP)));
  // Whole groups only: the columns that fit the width, each at most `height` rows, so no heading stands without its keys.
  const shown = packed.slice(0, fit);
  const width = Math.min(COLUMN_WIDTH, Math.floor((columns - FRAME - GAP * (shown.length - 1)) / shown.length));
  const cut = packed.length > fit;
  return (
    <OverlayFrame title="Keys" hint={cut ? 'esc close · more keys in a larger terminal (100×30) or in the README' : undefined}>
      <Box columnGap={GAP} overflow="hidden">
        {shown.map((column) => (
          <Box key={column[0]!.title} flexDirection="column" width={width} overflow="hidden">
            {column.map((group) => (
              <HelpGroupRows key={group.title} group={group} />
            ))}
          </Box>
        ))}
      </Box>
    </OverlayFrame>
  );
});

function HelpGroupRows({ group }: { group: HelpGroup }) {
  // Each group's keys get a column as wide as its longest, so descriptions keep the room.
  const keyWidth = Math.max(...group.bindings.map((b) => b.keys.map(keyLabel).join('/').length)) + 1;
  return (
    <Box flexDirection="column" marginBottom={1} flexShrink={0}>
      <Styled role="accent">{group.title}</Styled>
      {group.bindings.map((b) => (
        <Text key={b.command} wrap="truncate">
          <Styled role="key">{b.keys.map(keyLabel).join('/').padEnd(keyWidth)}</Styled>
          {b.description}
        </Text>
      ))}
    </Box>
  );
}
