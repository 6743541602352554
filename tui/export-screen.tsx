import { Box, Text } from 'ink';
import { memo, useSyncExternalStore } from 'react';
import { euros, WIZARD_STEPS, type WizardStep } from '../core/index.js';
import { previewRoom, STEP_LIST_WIDTH } from './export-preview-lines.js';
import type { ExportMessage } from './export-screen-state.js';
import { TOP_UP_CENTS, type ExportSession } from './export-session.js';
import { StepContent } from './export-steps.js';
import { keysOf } from './keymap.js';
import { OverlayFrame } from './overlay-frame.js';
import { GLYPHS } from './theme.js';
import { Styled } from './theme-context.js';

/** How each wizard step is named on screen, in the article's words. */
export const STEP_TITLES: Record<WizardStep, string> = {
  period: 'Period',
  package: 'Package',
  'external-ids': 'External IDs',
  cost: 'Cost',
  parameters: 'Parameters',
  preview: 'Preview',
  file: 'File',
};

/** What each step's keys do beyond enter and esc, from the keymap. */
function stepHint(step: WizardStep): string {
  if (step === 'file') return `${keysOf('export-next')} close  ${keysOf('export-back')} back to the parameters`;
  const move = `${keysOf('down')} ${keysOf('up')}`;
  const hints: Record<Exclude<WizardStep, 'file'>, string> = {
    period: `${move} field  ${keysOf('export-change')} edit the day`,
    package: `${move} choose the program`,
    'external-ids': `${move} field  ${keysOf('export-change')} change`,
    cost: `${keysOf('top-up')} top up ${euros(TOP_UP_CENTS)} (demo wallet)`,
    parameters: `${move} field  ${keysOf('export-change')} change`,
    preview: `${move} scroll  ${keysOf('page-down')} ${keysOf('page-up')} page`,
  };
  return `${keysOf('export-next')} next  ${keysOf('export-back')} back  ${hints[step]}`;
}

/** The seven steps, those done ticked and the current one highlighted. */
const StepList = memo(function StepList({ step }: { step: WizardStep }) {
  const current = WIZARD_STEPS.indexOf(step);
  return (
    <Box flexDirection="column" width={STEP_LIST_WIDTH} flexShrink={0}>
      {WIZARD_STEPS.map((s, i) => (
        <Text key={s} wrap="truncate" inverse={i === current}>
          <Styled role={i < current ? 'ok' : i === current ? 'accent' : 'muted'}>
            {i < current ? GLYPHS.ok : i === current ? GLYPHS.selected : ' '}
          </Styled>
          {` ${i + 1} ${STEP_TITLES[s]}`}
        </Text>
      ))}
    </Box>
  );
});

function Message({ message }: { message?: ExportMessage }) {
  if (!message) return null;
  if (message.tone === 'info') return <Text wrap="wrap">{message.text}</Text>;
  const glyph = message.tone === 'ok' ? GLYPHS.ok : GLYPHS.failed;
  return <Styled role={message.tone} wrap="wrap">{`${glyph} ${message.text}`}</Styled>;
}

/** The bookkeeping export (article 004, R22–R24): the wizard's steps on the left, the current step on the right. */
export function ExportScreen({ session, columns, height }: { session: ExportSession; columns: number; height: number }) {
  const state = useSyncExternalStore(session.subscribe, session.getSnapshot);
  if (!state) return null;
  const room = previewRoom(columns, height);
  const number = WIZARD_STEPS.indexOf(state.step) + 1;
  return (
    <OverlayFrame
      title={`Bookkeeping export · step ${number}/${WIZARD_STEPS.length} · ${STEP_TITLES[state.step]}`}
      hint={stepHint(state.step)}
    >
      <Box flexDirection="row" columnGap={1}>
        <StepList step={state.step} />
        <Box flexDirection="column" width={room.width} overflow="hidden">
          <StepContent state={state} room={room} />
          <Message message={state.message} />
        </Box>
      </Box>
    </OverlayFrame>
  );
}
