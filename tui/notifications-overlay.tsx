import { Text } from 'ink';
import { memo } from 'react';
import type { Notification } from '../core/index.js';
import { OverlayFrame } from './overlay-frame.js';
import { GLYPHS } from './theme.js';
import { Styled } from './theme-context.js';

/** The bell: notifications, newest first (`enter` opens one whole), and how many could not be shown (R16). Closing marks them read. */
export const NotificationsOverlay = memo(function NotificationsOverlay({
  notifications,
  hidden,
  height,
  selected = 0,
}: {
  notifications: Notification[];
  hidden: number;
  height: number;
  selected?: number;
}) {
  const room = Math.max(1, height - 1);
  const from = Math.max(0, selected - room + 1);
  const newest = [...notifications].reverse().slice(from, from + room);
  return (
    <OverlayFrame
      title={`${GLYPHS.bell} Notifications (${notifications.length})`}
      hint="j/k move  enter whole message  esc close and mark read"
    >
      {newest.length === 0 ? <Styled role="muted">No notifications.</Styled> : null}
      {newest.map((n, i) => (
        <Text key={n.id} wrap="truncate" inverse={from + i === selected}>
          <Styled role={n.kind === 'sync_error' ? 'error' : 'ok'}>{n.kind === 'sync_error' ? `${GLYPHS.failed} ` : `${GLYPHS.ok} `}</Styled>
          <Styled role="muted">{`${n.at.slice(0, 16).replace('T', ' ')}  `}</Styled>
          {n.message}
        </Text>
      ))}
      {hidden > 0 ? (
        <Styled role="warn">{`${GLYPHS.conflict} ${hidden} notification(s) arrived while the bell was full and cannot be shown.`}</Styled>
      ) : null}
    </OverlayFrame>
  );
});
