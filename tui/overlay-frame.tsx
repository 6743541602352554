import { Box } from 'ink';
import type { ReactNode } from 'react';
import { Styled, useTheme } from './theme-context.js';

/** The frame every overlay draws in: it takes the body's place and never grows the frame. */
export function OverlayFrame({ title, children, hint = 'esc close' }: { title: string; children: ReactNode; hint?: string }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" flexGrow={1} borderStyle="round" borderColor={theme.borders.focused} paddingX={1} overflow="hidden">
      <Styled role="accent" wrap="truncate">{`${title}   `}</Styled>
      <Box flexDirection="column" flexGrow={1} overflow="hidden">
        {children}
      </Box>
      <Styled role="muted" wrap="truncate">
        {hint}
      </Styled>
    </Box>
  );
}
