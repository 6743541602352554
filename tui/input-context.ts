// What the one input handler needs to know and touch, and the keymap contexts that apply in normal mode.

import type { Dispatch } from 'react';
import type { AppAction, AppState, PaneId } from './app-state.js';
import type { DashboardController, DashboardSnapshot } from './dashboard-controller.js';
import type { ExportSession } from './export-session.js';
import type { KeyContext } from './keymap.js';
import type { Layout } from './layout.js';
import type { Row } from './rows.js';
import type { PickerItem } from './scenario-picker.js';

/** What the handler needs to know and touch. */
export interface InputContext {
  /** The UI state including every key handled so far, even before React draws it (so fast keys are never lost). */
  state: AppState;
  dispatch: Dispatch<AppAction>;
  controller: DashboardController;
  snapshot: DashboardSnapshot;
  layout: Layout;
  lists: Record<PaneId, Row[] | number>;
  /** Rows a list shows, per pane. */
  heights: Record<PaneId, number>;
  pickerItems: PickerItem[];
  overlayHeight: number;
  exportSession: ExportSession;
  /** The walkthrough's narration when it is longer than its pane: whose it is, a page of it, how far it scrolls. */
  narration?: { of: object; page: number; max: number };
  exit: () => void;
}

/** The keymap contexts active in normal mode (`narration` while the narration is longer than its pane). */
export function normalContexts(walkthrough: boolean, narrationOverflows = false): KeyContext[] {
  const contexts: KeyContext[] = walkthrough ? ['global', 'lists', 'actions', 'walkthrough'] : ['global', 'lists', 'actions'];
  return narrationOverflows ? [...contexts, 'narration'] : contexts;
}
