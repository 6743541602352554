import { Box, Text } from 'ink';
import { memo } from 'react';
import type { Prompt } from './app-state.js';
import { footerText, type KeyContext } from './keymap.js';
import { Styled } from './theme-context.js';

/** The key line, generated from the keymap for the active contexts; a prompt (or, for a field edited in place, its keys) takes its place while open. */
export const Footer = memo(function Footer({
  contexts,
  width,
  prompt,
  inline = false,
}: {
  contexts: readonly KeyContext[];
  width: number;
  prompt?: Prompt;
  inline?: boolean;
}) {
  // A field edited where it is shown: the footer only says which keys end the editing.
  if (prompt && inline) {
    return (
      <Box height={1} flexShrink={0}>
        <Styled role="muted" wrap="truncate">{` editing ${prompt.label}:  enter ok  esc cancel`}</Styled>
      </Box>
    );
  }
  if (prompt) {
    return (
      <Box height={1} flexShrink={0}>
        <Text wrap="truncate">
          <Styled role="accent">{` ${prompt.label}: `}</Styled>
          {prompt.value}
          <Styled role="selected"> </Styled>
          <Styled role="muted">{'  enter ok  esc cancel'}</Styled>
        </Text>
      </Box>
    );
  }
  return (
    <Box height={1} flexShrink={0}>
      <Styled role="key" wrap="truncate">{` ${footerText(contexts, width - 2)}`}</Styled>
    </Box>
  );
});
