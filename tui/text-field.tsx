import { Text } from 'ink';
import { checkField } from './field-check.js';
import type { PromptPurpose } from './app-state.js';
import { GLYPHS } from './theme.js';
import { Styled } from './theme-context.js';

/** A text field edited where it is shown: its value, the cursor, and at once what is wrong with it (`✗`) or missing. */
export function TextField({ purpose, value, editing }: { purpose: PromptPurpose; value: string; editing: boolean }) {
  if (!editing) return <Text>{value}</Text>;
  const check = checkField(purpose, value);
  return (
    <Text>
      <Styled role="accent">{value}</Styled>
      <Styled role="selected"> </Styled>
      {check.state === 'bad' ? <Styled role="error">{`  ${GLYPHS.failed} ${check.message}`}</Styled> : null}
      {check.state === 'incomplete' ? <Styled role="muted">{`  ${check.message}`}</Styled> : null}
      {check.state === 'ok' ? <Styled role="ok">{`  ${GLYPHS.ok}`}</Styled> : null}
    </Text>
  );
}
