import { Box, Text } from 'ink';
import { Fragment, memo } from 'react';
import { INVARIANTS, type Violation } from '../core/index.js';
import { GLYPHS } from './theme.js';
import { Styled } from './theme-context.js';

/** Per invariant: ✓ with its statement, or ✗ with the checker's words for the first violation. */
export function invariantLines(violations: Violation[]): Array<{ id: string; ok: boolean; text: string }> {
  return INVARIANTS.map(({ id, statement }) => {
    const found = violations.filter((v) => v.invariant === id);
    const first = found[0];
    return { id, ok: !first, text: first ? `${first.message}${found.length > 1 ? ` (+${found.length - 1} more)` : ''}` : statement };
  });
}

/**
 * I1–I8 with ✓/✗: one line each, or (compact) a summary line and the first violation (the selected check when the pane has focus);
 * while `checking`, the checks wait for the checker.
 */
export const InvariantsPanel = memo(function InvariantsPanel({
  violations,
  compact,
  selected,
  checking = false,
}: {
  violations: Violation[];
  compact: boolean;
  selected?: number;
  checking?: boolean;
}) {
  if (checking) return <Styled role="muted" wrap="truncate">{`${INVARIANTS.map((i) => i.id).join(' ')}: checking…`}</Styled>;
  const lines = invariantLines(violations);
  if (compact) {
    // With the pane focused the second line follows the selected check (enter opens it whole).
    const shown = selected !== undefined ? lines[selected] : lines.find((l) => !l.ok);
    return (
      <Box flexDirection="column">
        <Text wrap="truncate">
          {lines.map((l, i) => (
            <Fragment key={l.id}>
              <Text inverse={i === selected}>
                <Styled role={l.ok ? 'ok' : 'error'}>{`${l.id} ${l.ok ? GLYPHS.ok : GLYPHS.failed}`}</Styled>
              </Text>
              {'  '}
            </Fragment>
          ))}
        </Text>
        <Styled role={shown && !shown.ok ? 'error' : 'muted'} wrap="truncate">
          {shown ? `${shown.id}: ${shown.text}` : 'The checker finds nothing wrong.'}
        </Styled>
      </Box>
    );
  }
  return (
    <Box flexDirection="column">
      {lines.map((l, i) => (
        <Text key={l.id} wrap="truncate" inverse={selected === i}>
          <Styled role={l.ok ? 'ok' : 'error'}>{`${l.id} ${l.ok ? GLYPHS.ok : GLYPHS.failed} `}</Styled>
          <Styled role={l.ok ? 'muted' : undefined}>{l.text}</Styled>
        </Text>
      ))}
    </Box>
  );
});
