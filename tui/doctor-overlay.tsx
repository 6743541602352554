import { Text } from 'ink';
import { memo, useEffect, useState } from 'react';
import { doctorText } from '../scenarios/index.js';
import type { DashboardController } from './dashboard-controller.js';
import { OverlayFrame } from './overlay-frame.js';
import { Styled } from './theme-context.js';

/** How far the doctor's lines scroll (j/k move the first line shown; the overlay clamps to its text). */
export const DOCTOR_SCROLL = 1_000;

/** `d`: booklab doctor on the world shown, its findings, plan and proof; enter plays the plan as a walkthrough. */
export const DoctorOverlay = memo(function DoctorOverlay({
  controller,
  height,
  scroll,
}: {
  controller: DashboardController;
  height: number;
  scroll: number;
}) {
  const [lines, setLines] = useState<string[] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void controller.examine().then((examined) => {
      if (live) setLines(examined.ok ? doctorText(examined.value, 'checklist') : [examined.problem.message]);
    });
    return () => {
      live = false;
    };
  }, [controller]);
  const room = Math.max(1, height - 1);
  const first = Math.max(0, Math.min(scroll, (lines?.length ?? 0) - room));
  return (
    <OverlayFrame title="booklab doctor" hint="j/k scroll · enter play the plan as a walkthrough · esc close">
      {lines === undefined ? <Styled role="muted">Examining a copy of this world…</Styled> : null}
      {(lines ?? []).slice(first, first + room).map((line, i) => (
        <Text key={first + i} wrap="truncate">
          {line}
        </Text>
      ))}
    </OverlayFrame>
  );
});
