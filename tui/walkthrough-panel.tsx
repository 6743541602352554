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

/**
 * The walkthrough: `step k/n · phase · title`, the narration, and what the step changed. A step that only told
 * (a column added, a correction with nothing to correct) is marked `○ narration only`, with its reason.
 */
export const WalkthroughPanel = memo(function WalkthroughPanel({ state, narrationLines, autoplay }: { state: WalkthroughState; narrationLines: number; autoplay?: boolean }) {
  const { current, position, total } = state;
  const failed = current?.status === 'failed';
  const told = failed ? undefined : current?.narrationOnly;
  const changed = diffSummary(state.diff);
  return (
    <Box flexDirection="column" flexGrow={1} overflow="hidden">
      <Text wrap="truncate">
        <Styled role="accent">{`step ${position}/${total}`}</Styled>
        {autoplay ? <Styled role="warn">{' ▶ autoplay'}</Styled> : null}
        {current ? `  ${current.phase}` : '  Press → for the first step.'}
        {told ? <Styled role="muted">{` ${GLYPHS.narration} narration only`}</Styled> : null}
        {current ? ` · ${current.title}` : null}
        {position === total && total > 0 ? <Styled role="ok">{`  ${GLYPHS.ok} end`}</Styled> : null}
      </Text>
      <Box height={Math.max(1, narrationLines - (changed ? 1 : 0))} overflow="hidden">
        <Text wrap="wrap">
          <Styled role={failed ? 'error' : undefined}>{failed ? `${GLYPHS.failed} ${current?.error ?? ''}` : (current?.narration ?? state.scenario.title)}</Styled>
          {told ? <Styled role="muted">{` (${GLYPHS.narration} ${told})`}</Styled> : null}
        </Text>
      </Box>
      {changed ? <Styled role="changed" wrap="truncate">{`Changed: ${changed}`}</Styled> : null}
    </Box>
  );
});
