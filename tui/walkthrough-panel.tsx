import { Box } from 'ink';
import { memo } from 'react';
import { keysOf } from './keymap.js';
import type { NarrationLine } from './narration-lines.js';
import { GLYPHS } from './theme.js';
import { Styled } from './theme-context.js';

/** True for the second and later lines of a warning. */
function continuesWarning(line: NarrationLine | undefined): boolean {
  return line?.tone === 'warn' && !line.text.startsWith(GLYPHS.warning);
}

/**
 * The part of a narration the pane shows: from `scroll`, in `rows` rows, the last one saying what is left when it does
 * not all fit. A warning that would run past the bottom starts the next page instead, so it is never shown cut.
 */
export function narrationWindow(
  lines: readonly NarrationLine[],
  rows: number,
  scroll: number,
): { shown: NarrationLine[]; scroll: number; maxScroll: number; below: number } {
  if (lines.length <= rows) return { shown: [...lines], scroll: 0, maxScroll: 0, below: 0 };
  const room = Math.max(1, rows - 1);
  const maxScroll = lines.length - room;
  const from = Math.min(Math.max(0, scroll), maxScroll);
  let end = from + room;
  let start = end;
  while (start > from && continuesWarning(lines[start])) start -= 1;
  if (start > from && start < end) end = start;
  return { shown: lines.slice(from, end), scroll: from, maxScroll, below: lines.length - end };
}

/** What the `▼`/`▲` line says, with the keys from the keymap. */
function moreLine(below: number, scroll: number): string {
  if (below > 0) return `${GLYPHS.more} ${below} more line${below === 1 ? '' : 's'}: ${keysOf('narration-down')} to read on`;
  return `${GLYPHS.above} end of the narration${scroll > 0 ? `: ${keysOf('narration-up')} back up` : ''}`;
}

/**
 * The walkthrough: its heading (`step k/n phase · title`, wrapped), then the whole narration (warnings on lines of their
 * own, marked ⚠), why a step only told, and what it changed; when that is longer than the pane it scrolls, and a
 * `▼` line says so.
 */
export const WalkthroughPanel = memo(function WalkthroughPanel({
  heading,
  lines,
  rows,
  scroll,
  width,
}: {
  heading: readonly string[];
  lines: readonly NarrationLine[];
  rows: number;
  scroll: number;
  width: number;
}) {
  const view = narrationWindow(lines, rows, scroll);
  return (
    <Box flexDirection="column" width={width} flexShrink={0} overflow="hidden">
      {heading.map((line, i) => (
        <Styled key={`h${i}`} role="accent" wrap="truncate">
          {line}
        </Styled>
      ))}
      {view.shown.map((line, i) => (
        <Styled key={i} role={line.tone === 'plain' ? undefined : line.tone} wrap="truncate">
          {line.text || ' '}
        </Styled>
      ))}
      {view.maxScroll > 0 ? (
        <Styled role="key" wrap="truncate">
          {moreLine(view.below, view.scroll)}
        </Styled>
      ) : null}
    </Box>
  );
});
