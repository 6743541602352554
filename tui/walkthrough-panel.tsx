import { Box, Text } from 'ink';
import { memo } from 'react';
import type { WorldDiff } from '../core/index.js';
import type { WalkthroughState } from '../scenarios/walkthrough.js';
import { GLYPHS } from './theme.js';
import { Styled } from './theme-context.js';

/** "journal 70 nextBookingNumber 1042 → 1043 ◆; 2026/4 added ◆": the diff in words, for the narration. */
export function diffSummary(diff: WorldDiff | undefined): string {
  if (!diff) return '';
  const entities = [...diff.documents, ...diff.bookings, ...diff.journals, ...diff.companies];
  const parts = entities.map((e) =>
    e.change === 'changed' ? `${e.label} ${e.fields.map((f) => `${f.field} ${show(f.before)} → ${show(f.after)}`).join(', ')}` : `${e.label} ${e.change}`,
  );
  parts.push(...diff.integration.map((f) => `integration ${f.field} ${show(f.before)} → ${show(f.after)}`));
  return parts.length ? `${parts.join('; ')} ${GLYPHS.changed}` : '';
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'object') return '…';
  return String(value);
}

/** The walkthrough: `step k/n · phase · title`, the narration, and what the step changed. */
export const WalkthroughPanel = memo(function WalkthroughPanel({ state, narrationLines, autoplay }: { state: WalkthroughState; narrationLines: number; autoplay?: boolean }) {
  const { current, position, total } = state;
  const heading = current ? `${current.phase} · ${current.title}` : 'Press → for the first step.';
  const failed = current?.status === 'failed';
  const changed = diffSummary(state.diff);
  return (
    <Box flexDirection="column" flexGrow={1} overflow="hidden">
      <Text wrap="truncate">
        <Styled role="accent">{`step ${position}/${total}`}</Styled>
        {autoplay ? <Styled role="warn">{' ▶ autoplay'}</Styled> : null}
        {`  ${heading}`}
        {position === total && total > 0 ? <Styled role="ok">{`  ${GLYPHS.ok} end`}</Styled> : null}
      </Text>
      <Box height={Math.max(1, narrationLines - (changed ? 1 : 0))} overflow="hidden">
        <Styled role={failed ? 'error' : undefined} wrap="wrap">{failed ? `${GLYPHS.failed} ${current?.error ?? ''}` : (current?.narration ?? state.scenario.title)}</Styled>
      </Box>
      {changed ? <Styled role="changed" wrap="truncate">{`Changed: ${changed}`}</Styled> : null}
    </Box>
  );
});
