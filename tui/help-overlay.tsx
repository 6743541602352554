import { Box, Text } from 'ink';
import { memo } from 'react';
import { HELP_GROUPS, KEYMAP, keyLabel } from './keymap.js';
import { OverlayFrame } from './overlay-frame.js';
import { Styled } from './theme-context.js';

/** The `?` help, generated from the keymap, grouped by context in columns. */
export const HelpOverlay = memo(function HelpOverlay() {
  return (
    <OverlayFrame title="Keys">
      <Box flexWrap="wrap" columnGap={2}>
        {HELP_GROUPS.map(({ context, title }) => (
          <Box key={context} flexDirection="column" width={46}>
            <Styled role="accent">{title}</Styled>
            {KEYMAP.filter((b) => b.context === context).map((b) => (
              <Text key={b.command} wrap="truncate">
                <Styled role="key">{b.keys.map(keyLabel).join('/').padEnd(11)}</Styled>
                {b.description}
              </Text>
            ))}
          </Box>
        ))}
      </Box>
    </OverlayFrame>
  );
});
