import { Box, Text } from 'ink';
import { memo } from 'react';
import type { Flash } from './app-state.js';
import { keysOf } from './keymap.js';
import { GLYPHS } from './theme.js';
import { Styled } from './theme-context.js';

/** Props of the header line. */
export interface HeaderProps {
  title: string;
  unread: number;
  /** What runs now, if anything. */
  busy?: string;
  lastSync?: string;
  /** The world's clock, ISO. */
  now: string;
  flash?: Flash;
  /** In the compact layout: which system pane is shown. */
  compactPane?: 'focus' | 'exact';
  /** The hidden pane (compact layout) when the last step changed something there. */
  hiddenChange?: 'Focus' | 'Exact';
  /** The terminal's width. */
  columns: number;
}

/** The title keeps at least this many columns when a message needs the room. */
const MIN_TITLE = 20;
/** The share of the room the title keeps however long the message (the message shows whole with `m`). */
const TITLE_SHARE = 0.6;
const PREFIX = ' booklab ▸ ';

/**
 * One line: scenario, `[Focus|Exact]` and a change on the hidden pane when compact, the message, bell, sync state and
 * date. Widths are counted here, not left to flex shrinking, so the same texts always cut the same way.
 */
export const Header = memo(function Header({ title, unread, busy, lastSync, now, flash, compactPane, hiddenChange, columns }: HeaderProps) {
  const sync = busy ? `${GLYPHS.syncing} ${busy}…` : lastSync ? `${GLYPHS.synced} synced ${lastSync}` : `${GLYPHS.synced} idle`;
  // 🔔 is two columns wide and two UTF-16 units long, so `.length` counts it right.
  const right = `  ${GLYPHS.bell} ${unread}  ${sync}  ${now.slice(0, 10)} `;
  const hint = hiddenChange ? `  ${GLYPHS.changed} ${hiddenChange} changed: ${keysOf('pane-next')}` : '';
  const compact = compactPane ? `  [Focus|Exact]${hint}` : '';
  const message = flash ? `  ${flash.tone === 'error' ? GLYPHS.failed : GLYPHS.ok} ${flash.text}` : '';
  const room = Math.max(0, columns - right.length - compact.length);
  const titleWidth = Math.min(
    room,
    PREFIX.length + title.length,
    Math.max(MIN_TITLE, room - message.length, Math.floor(room * TITLE_SHARE)),
  );
  const messageWidth = Math.max(0, room - titleWidth);
  return (
    <Box height={1} flexShrink={0}>
      <Box width={titleWidth} flexShrink={0} overflow="hidden">
        <Text wrap="truncate">
          <Styled role="accent">{PREFIX}</Styled>
          {title}
        </Text>
      </Box>
      {compactPane ? (
        <Box flexShrink={0}>
          <Text>
            {'  ['}
            <Styled role={compactPane === 'focus' ? 'accent' : 'muted'}>Focus</Styled>|
            <Styled role={compactPane === 'exact' ? 'accent' : 'muted'}>Exact</Styled>]
            {hint ? <Styled role="changed">{hint}</Styled> : null}
          </Text>
        </Box>
      ) : null}
      <Box width={messageWidth} flexShrink={0} overflow="hidden">
        {flash && messageWidth > 0 ? (
          <Text wrap="truncate">
            <Styled role={flash.tone === 'error' ? 'error' : flash.tone === 'ok' ? 'ok' : 'warn'}>{message}</Styled>
          </Text>
        ) : null}
      </Box>
      <Box flexShrink={0}>
        <Text>
          {`  ${GLYPHS.bell} ${unread}  `}
          <Styled role={busy ? 'warn' : 'ok'}>{sync}</Styled>
          <Styled role="muted">{`  ${now.slice(0, 10)} `}</Styled>
        </Text>
      </Box>
    </Box>
  );
});
