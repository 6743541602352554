import { Text } from 'ink';
import { memo } from 'react';
import type { Scenario } from '../scenarios/index.js';
import type { ListPosition } from './app-state.js';
import { OverlayFrame } from './overlay-frame.js';
import { GLYPHS } from './theme.js';
import { Styled } from './theme-context.js';
import { positionLabel, windowOf } from './window.js';

/** An entry of the picker: a scenario, or the home world. */
export interface PickerItem {
  id: string;
  title: string;
  /** The scenario to walk through; absent for the home world. */
  scenario?: Scenario;
}

/** The scenario picker: a windowed list; enter opens the walkthrough. */
export const ScenarioPicker = memo(function ScenarioPicker({
  items,
  position,
  height,
}: {
  items: PickerItem[];
  position: ListPosition;
  height: number;
}) {
  const window = windowOf({ length: items.length, height, scroll: position.scroll, selected: position.selected });
  return (
    <OverlayFrame title="Scenarios" hint={`j/k move  enter open  esc close   ${positionLabel(window, items.length)}`}>
      {items.slice(window.start, window.end).map((item, i) => {
        const selected = window.start + i === position.selected;
        return (
          <Text key={item.id} wrap="truncate" inverse={selected}>
            <Styled role="accent">{selected ? GLYPHS.selected : ' '}</Styled>
            {` ${item.id.padEnd(38)} `}
            <Styled role="muted">{item.title}</Styled>
          </Text>
        );
      })}
    </OverlayFrame>
  );
});
