import { Text } from 'ink';
import { memo } from 'react';
import type { Prompt } from './app-state.js';
import { keysOf } from './keymap.js';
import { OverlayFrame } from './overlay-frame.js';
import { TextField } from './text-field.js';
import { GLYPHS } from './theme.js';
import { Styled } from './theme-context.js';

/** `w`: the file to save the world in, typed in the dialog; a file that exists is overwritten only after `y`. */
export const SaveCaseDialog = memo(function SaveCaseDialog({
  prompt,
  overwrite,
  title,
}: {
  prompt?: Prompt;
  overwrite?: string;
  title: string;
}) {
  return (
    <OverlayFrame
      title="Save the world as a case file"
      hint={overwrite ? `${keysOf('confirm-yes')} overwrite  ${keysOf('confirm-no')} keep the file` : 'enter save  esc cancel'}
    >
      <Styled
        role="muted"
        wrap="truncate"
      >{`Both sides and the clock of "${title}", to attach to a ticket; open it with booklab tui --case FILE.`}</Styled>
      <Text wrap="truncate">
        {'File: '}
        {overwrite ? <Text>{overwrite}</Text> : <TextField purpose="save-case" value={prompt?.value ?? ''} editing={Boolean(prompt)} />}
      </Text>
      {overwrite ? (
        <Styled
          role="warn"
          wrap="wrap"
        >{`${GLYPHS.warning} ${overwrite} already exists. Overwrite it? ${keysOf('confirm-yes')} yes, ${keysOf('confirm-no')} no`}</Styled>
      ) : null}
    </OverlayFrame>
  );
});
