import { Box } from 'ink';
import { Styled } from './theme-context.js';

/** Shown below 80×24; `q` still quits. */
export function TooSmall({ message, rows }: { message: string; rows: number }) {
  return (
    <Box flexDirection="column" height={Math.max(1, rows - 1)}>
      <Styled role="warn">{message}</Styled>
      <Styled role="muted">q quit</Styled>
    </Box>
  );
}
