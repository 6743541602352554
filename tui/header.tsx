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
}

/** One line: scenario, `[Focus|Exact]` and a change on the hidden pane when compact, bell, sync state, flash. */
export const Header = memo(function Header({ title, unread, busy, lastSync, now, flash, compactPane, hiddenChange }: HeaderProps) {
  const sync = busy ? `${GLYPHS.syncing} ${busy}…` : lastSync ? `${GLYPHS.synced} synced ${lastSync}` : `${GLYPHS.synced} idle`;
  return (
    <Box height={1} flexShrink={0}>
      <Box flexGrow={1} flexShrink={1} overflow="hidden">
        <Text wrap="truncate">
          <Styled role="accent">{' booklab ▸ '}</Styled>
          {title}
          {compactPane ? (
            <Text>
              {'  ['}
              <Styled role={compactPane === 'focus' ? 'accent' : 'muted'}>Focus</Styled>|<Styled role={compactPane === 'exact' ? 'accent' : 'muted'}>Exact</Styled>]
            </Text>
          ) : null}
          {hiddenChange ? <Styled role="changed">{`  ${GLYPHS.changed} ${hiddenChange} changed: ${keysOf('pane-next')}`}</Styled> : null}
          {flash ? <Styled role={flash.tone === 'error' ? 'error' : flash.tone === 'ok' ? 'ok' : 'warn'}>{`  ${flash.tone === 'error' ? GLYPHS.failed : GLYPHS.ok} ${flash.text}`}</Styled> : null}
        </Text>
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
