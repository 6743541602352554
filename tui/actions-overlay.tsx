import { Text } from 'ink';
import { memo } from 'react';
import { bindingsOf, keyLabel } from './keymap.js';
import { OverlayFrame } from './overlay-frame.js';
import { GLYPHS } from './theme.js';
import { Styled } from './theme-context.js';

/** The hand actions a trainer needs, from the keymap; their keys also work without opening this. */
export const ACTION_BINDINGS = [...bindingsOf('global').filter((b) => b.command === 'sync'), ...bindingsOf('actions')];

/** The hand actions menu. */
export const ActionsOverlay = memo(function ActionsOverlay({ selected }: { selected: number }) {
  return (
    <OverlayFrame title="Hand actions" hint="j/k move  enter run  (or press the key)  esc close">
      {ACTION_BINDINGS.map((b, i) => (
        <Text key={b.command} wrap="truncate" inverse={i === selected}>
          <Styled role="accent">{i === selected ? GLYPHS.selected : ' '}</Styled>
          <Styled role="key">{` ${b.keys.map(keyLabel).join('/').padEnd(4)}`}</Styled>
          {b.description}
        </Text>
      ))}
    </OverlayFrame>
  );
});
