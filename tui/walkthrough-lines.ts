// What the walkthrough pane says below its step line, in lines: the narration, why a step only told, what it changed.

import type { WorldDiff } from '../core/index.js';
import type { WalkthroughState } from '../scenarios/index.js';
import { narrationLines, wrapWords, type NarrationLine } from './narration-lines.js';
import { GLYPHS } from './theme.js';

/** "journal 70 nextBookingNumber 1042 → 1043 ◆; 2026/4 added ◆": the diff in words, for the narration. */
export function diffSummary(diff: WorldDiff | undefined): string {
  if (!diff) return '';
  const entities = [...diff.documents, ...diff.bookings, ...diff.journals, ...diff.companies];
  const parts = entities.map((e) =>
    e.change === 'changed'
      ? `${e.label} ${e.fields.map((f) => `${f.field} ${show(f.before)} → ${show(f.after)}`).join(', ')}`
      : `${e.label} ${e.change}`,
  );
  parts.push(...diff.integration.map((f) => `integration ${f.field} ${show(f.before)} → ${show(f.after)}`));
  return parts.length ? `${parts.join('; ')} ${GLYPHS.changed}` : '';
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'object') return '…';
  return String(value);
}

/** The walkthrough's heading, `step k/n  phase ○ narration only · title  ✓ end`, in lines of `width` (a long title wraps). */
export function headingLines(state: WalkthroughState, width: number, { autoplay = false }: { autoplay?: boolean } = {}): string[] {
  const { current, position, total } = state;
  const told = current?.status === 'failed' ? undefined : current?.narrationOnly;
  const text =
    `step ${position}/${total}` +
    (autoplay ? ' ▶ autoplay' : '') +
    (current ? `  ${current.phase}` : '  Press → for the first step.') +
    (told ? ` ${GLYPHS.narration} narration only` : '') +
    (current ? ` · ${current.title}` : '') +
    (position === total && total > 0 ? `  ${GLYPHS.ok} end` : '');
  return wrapWords(text, width);
}

/** The narration pane's lines at `width`: the narration (or the failure), the narration-only reason, the `Changed:` line. */
export function walkthroughLines(state: WalkthroughState, width: number): NarrationLine[] {
  const { current } = state;
  const failed = current?.status === 'failed';
  const told = failed ? undefined : current?.narrationOnly;
  const changed = diffSummary(state.diff);
  return [
    ...(failed
      ? narrationLines(`${GLYPHS.failed} ${current?.error ?? ''}`, width, 'error')
      : narrationLines(current?.narration ?? state.scenario.title, width)),
    ...(told ? narrationLines(`(${GLYPHS.narration} narration only: ${told})`, width, 'muted') : []),
    ...(changed ? narrationLines(`Changed: ${changed}`, width, 'changed') : []),
  ];
}
