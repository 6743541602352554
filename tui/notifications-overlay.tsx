import { Text } from 'ink';
import { memo } from 'react';
import type { Notification } from '../core/index.js';
import { OverlayFrame } from './overlay-frame.js';
import { GLYPHS } from './theme.js';
import { Styled } from './theme-context.js';

/** The bell: unread notifications, newest first, and how many could not be shown (R16). Closing marks them read. */
export const NotificationsOverlay = memo(function NotificationsOverlay({ notifications, hidden, height }: { notifications: Notification[]; hidden: number; height: number }) {
  const newest = [...notifications].reverse().slice(0, Math.max(1, height - 1));
  return (
    <OverlayFrame title={`${GLYPHS.bell} Notifications (${notifications.length})`} hint="esc close and mark read">
      {newest.length === 0 ? <Styled role="muted">No notifications.</Styled> : null}
      {newest.map((n) => (
        <Text key={n.id} wrap="truncate">
          <Styled role={n.kind === 'sync_error' ? 'error' : 'ok'}>{n.kind === 'sync_error' ? `${GLYPHS.failed} ` : `${GLYPHS.ok} `}</Styled>
          <Styled role="muted">{`${n.at.slice(0, 16).replace('T', ' ')}  `}</Styled>
          {n.message}
        </Text>
      ))}
      {hidden > 0 ? <Styled role="warn">{`${GLYPHS.conflict} ${hidden} notification(s) arrived while the bell was full and cannot be shown.`}</Styled> : null}
    </OverlayFrame>
  );
});
