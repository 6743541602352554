// Small facts the screen states about itself: a change on the pane the compact layout hides, a field edited in place.

import type { Prompt } from './app-state.js';
import type { Row } from './rows.js';

/** In the compact layout: the system pane not shown when the last step or action changed a row there (`◆`), else undefined. */
export function hiddenChange(shown: 'focus' | 'exact', focus: readonly Row[], exact: readonly Row[]): 'Focus' | 'Exact' | undefined {
  if (shown === 'focus') return exact.some((r) => r.changed) ? 'Exact' : undefined;
  return focus.some((r) => r.changed) ? 'Focus' : undefined;
}

/** True for a prompt whose field is drawn where it is shown (settings and export fields, the save dialog), not in the footer. */
export function isInlinePrompt(prompt: Prompt): boolean {
  return prompt.purpose === 'save-case' || prompt.purpose.startsWith('field:') || prompt.purpose.startsWith('export:');
}
