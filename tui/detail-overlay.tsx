import { Text } from 'ink';
import { memo } from 'react';
import { INVARIANTS, type Notification, type Violation } from '../core/index.js';
import type { Detail } from './app-state.js';
import { keysOf } from './keymap.js';
import { narrationLines } from './narration-lines.js';
import { OverlayFrame } from './overlay-frame.js';
import { GLYPHS } from './theme.js';

/** Frame border and padding on both sides of an overlay. */
const FRAME = 4;

/** The detail of invariant `index`: its statement and, when it is broken, every violation in the checker's words. */
export function invariantDetail(violations: readonly Violation[], index: number): { title: string; text: string } | undefined {
  const invariant = INVARIANTS[index];
  if (!invariant) return undefined;
  const found = violations.filter((v) => v.invariant === invariant.id);
  const title = `${invariant.id} ${found.length ? `${GLYPHS.failed} broken` : `${GLYPHS.ok} holds`}`;
  if (found.length === 0) return { title, text: `${invariant.statement}.\nThe checker finds nothing against it.` };
  return {
    title,
    text: [`${invariant.statement}.`, ...found.map((v, i) => `${found.length > 1 ? `${i + 1}. ` : ''}${v.message}`)].join('\n'),
  };
}

/** The detail of an alert of the bell: its time and its whole message. */
export function alertDetail(notification: Notification): { title: string; text: string } {
  const mark = notification.kind === 'sync_error' ? GLYPHS.failed : GLYPHS.ok;
  return { title: `${GLYPHS.bell} ${mark} ${notification.at.slice(0, 16).replace('T', ' ')}`, text: notification.message };
}

/** A detail's text in lines of `width`, paragraph by paragraph. */
export function detailLines(detail: Pick<Detail, 'text'>, width: number): string[] {
  return detail.text.split('\n').flatMap((paragraph) => narrationLines(paragraph, width, 'muted').map((l) => l.text));
}

/** The columns a detail's text is wrapped to in a terminal `columns` wide. */
export function detailWidth(columns: number): number {
  return Math.max(10, columns - FRAME);
}

/** The whole text of an invariant, the header's message or an alert, wrapped, scrolled from `scroll`; `esc` closes it. */
export const DetailOverlay = memo(function DetailOverlay({
  detail,
  columns,
  height,
  scroll,
}: {
  detail: Detail;
  columns: number;
  height: number;
  scroll: number;
}) {
  const lines = detailLines(detail, detailWidth(columns));
  const room = Math.max(1, height - 1);
  const shown = lines.slice(scroll, scroll + room);
  const below = lines.length - scroll - shown.length;
  const hint =
    below > 0
      ? `${GLYPHS.more} ${below} more line${below === 1 ? '' : 's'}: ${keysOf('down')}  ·  ${keysOf('detail-close')} close`
      : `${keysOf('detail-close')} close`;
  return (
    <OverlayFrame title={detail.title} hint={hint}>
      {shown.map((line, i) => (
        <Text key={i} wrap="truncate">
          {line || ' '}
        </Text>
      ))}
    </OverlayFrame>
  );
});
