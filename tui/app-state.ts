// Over 250 lines: the UI state, every action on it and the one pure reducer, so an action and its case cannot drift apart.
// The dashboard's UI state as a pure reducer: mode, focused pane, selection and scroll, filters, flash, prompts.

import { clamp, clampSelection, follow } from './window.js';

/** The panes focus moves between: the two systems and the bottom panel (invariants / walkthrough). */
export type PaneId = 'focus' | 'exact' | 'panel';
/** Pane order for `tab` and `1`/`2`/`3`. */
export const PANES: readonly PaneId[] = ['focus', 'exact', 'panel'];

/** Overlays replace the body; `esc` closes them. */
export type Overlay = 'help' | 'notifications' | 'picker' | 'settings' | 'actions' | 'export' | 'doctor' | 'detail' | 'save';
/** What the keyboard talks to. */
export type Mode = 'normal' | Overlay | 'prompt';

/** What a text prompt is for (`export:<field>` edits a field of the export screen). */
export type PromptPurpose =
  'filter' | 'set-next-number' | 'hand-book' | 'save-case' | `field:${keyof SettingsForm & string}` | `export:${string}`;

/** A one-line text prompt. */
export interface Prompt {
  purpose: PromptPurpose;
  label: string;
  value: string;
  /** The mode to return to when it closes. */
  returnTo: Exclude<Mode, 'prompt'>;
}

/** A short message in the header, gone after about 3 s. */
export interface Flash {
  id: number;
  text: string;
  tone: 'ok' | 'error' | 'info';
}

/** The integration settings form (R12, R13). */
export interface SettingsForm {
  delinkDate: string;
  delinkContacts: boolean;
  startDate: string;
  invoiceJournal: string;
  creditNoteJournal: string;
  importContacts: boolean;
  nightlySync: boolean;
}

/** A text shown whole in the detail view (an invariant's explanation, the header's message, an alert). */
export interface Detail {
  title: string;
  text: string;
  /** The mode and overlay selection `esc` goes back to. */
  returnTo: Exclude<Mode, 'prompt' | 'detail'>;
  overlay: ListPosition;
}

/** Selection and scroll of one list. */
export interface ListPosition {
  selected: number;
  scroll: number;
}

/** The whole UI state. */
export interface AppState {
  mode: Mode;
  pane: PaneId;
  /** The system pane shown in the compact layout (the last of the two that had focus). */
  systemPane: 'focus' | 'exact';
  lists: Record<PaneId, ListPosition>;
  filters: Record<PaneId, string>;
  /** Selected row of the open overlay (picker, settings, actions, notifications). */
  overlay: ListPosition;
  prompt?: Prompt;
  flash?: Flash;
  /** What is running now (`sync`, `step 3`…); undefined when idle. */
  busy?: string;
  /** When the last manual sync finished (clock time, `HH:MM`). */
  lastSync?: string;
  autoplay: { on: boolean; paceMs: number };
  settings: SettingsForm;
  /** How far the narration of the walkthrough state `of` is scrolled (another step starts at the top). */
  narration: { of?: object; scroll: number };
  /** The last header message, kept after it faded so `m` can show it whole. */
  lastMessage?: Flash;
  detail?: Detail;
  /** The save dialog: the file that exists and waits for "overwrite?" (y/n). */
  save?: { overwrite?: string };
}

/** Everything that changes the UI state. */
export type AppAction =
  | { type: 'pane'; pane: PaneId }
  | { type: 'cycle-pane'; delta: 1 | -1 }
  | { type: 'move'; delta: number; length: number; height: number }
  | { type: 'move-to'; edge: 'top' | 'bottom'; length: number; height: number }
  | { type: 'select'; pane: PaneId; index: number; length: number; height: number }
  | { type: 'open'; overlay: Overlay; index?: number }
  | { type: 'close' }
  | { type: 'overlay-move'; delta: number; length: number; height: number }
  | { type: 'prompt-open'; purpose: PromptPurpose; label: string; value?: string }
  | { type: 'prompt-type'; text: string }
  | { type: 'prompt-backspace' }
  | { type: 'prompt-cancel' }
  | { type: 'prompt-submit' }
  | { type: 'back' }
  | { type: 'flash'; text: string; tone?: Flash['tone'] }
  | { type: 'flash-expire'; id: number }
  | { type: 'busy'; label?: string }
  | { type: 'synced'; at: string }
  | { type: 'autoplay'; on?: boolean }
  | { type: 'pace'; factor: number }
  | { type: 'settings'; change: Partial<SettingsForm> }
  | { type: 'reset-lists' }
  | { type: 'narration-scroll'; of: object; delta: number; max: number }
  | { type: 'detail'; title: string; text: string }
  | { type: 'save-overwrite'; path?: string };

/** How long a flash message stays. */
export const FLASH_MS = 3000;
/** Autoplay pace bounds. */
export const PACE_MS = { min: 500, max: 10_000, initial: 2500 } as const;

const START: ListPosition = { selected: 0, scroll: 0 };

/** The state the dashboard opens in. */
export function initialAppState({ settings }: { settings?: Partial<SettingsForm> } = {}): AppState {
  return {
    mode: 'normal',
    pane: 'focus',
    systemPane: 'focus',
    lists: { focus: START, exact: START, panel: START },
    filters: { focus: '', exact: '', panel: '' },
    overlay: START,
    autoplay: { on: false, paceMs: PACE_MS.initial },
    narration: { scroll: 0 },
    settings: {
      delinkDate: '2026-01-01',
      delinkContacts: false,
      startDate: '2026-01-01',
      invoiceJournal: '70',
      creditNoteJournal: '71',
      importContacts: false,
      nightlySync: false,
      ...settings,
    },
  };
}

let flashIds = 0;

function focusPane(state: AppState, pane: PaneId): AppState {
  return { ...state, pane, systemPane: pane === 'panel' ? state.systemPane : pane };
}

function moveTo(position: ListPosition, index: number, length: number, height: number): ListPosition {
  const selected = clampSelection(index, length);
  return { selected, scroll: follow(position.scroll, selected, height, length) };
}

/** The UI reducer: pure, so it is tested without Ink. */
export function appReducer(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'pane':
      return focusPane(state, action.pane);
    case 'cycle-pane': {
      const index = (PANES.indexOf(state.pane) + action.delta + PANES.length) % PANES.length;
      return focusPane(state, PANES[index]!);
    }
    case 'move': {
      const current = state.lists[state.pane];
      return {
        ...state,
        lists: { ...state.lists, [state.pane]: moveTo(current, current.selected + action.delta, action.length, action.height) },
      };
    }
    case 'move-to': {
      const index = action.edge === 'top' ? 0 : action.length - 1;
      return { ...state, lists: { ...state.lists, [state.pane]: moveTo(state.lists[state.pane], index, action.length, action.height) } };
    }
    case 'select':
      return {
        ...focusPane(state, action.pane),
        lists: { ...state.lists, [action.pane]: moveTo(state.lists[action.pane], action.index, action.length, action.height) },
      };
    case 'open':
      return { ...state, mode: action.overlay, overlay: { selected: action.index ?? 0, scroll: 0 }, prompt: undefined };
    case 'close':
      if (state.mode === 'detail' && state.detail)
        return { ...state, mode: state.detail.returnTo, overlay: state.detail.overlay, detail: undefined };
      return { ...state, mode: 'normal', prompt: undefined, save: undefined };
    case 'overlay-move':
      return { ...state, overlay: moveTo(state.overlay, state.overlay.selected + action.delta, action.length, action.height) };
    case 'prompt-open': {
      const returnTo = state.mode === 'prompt' ? (state.prompt?.returnTo ?? 'normal') : state.mode;
      const value = action.value ?? (action.purpose === 'filter' ? state.filters[state.pane] : '');
      return { ...state, mode: 'prompt', prompt: { purpose: action.purpose, label: action.label, value, returnTo } };
    }
    case 'prompt-type':
    case 'prompt-backspace': {
      if (!state.prompt) return state;
      const value =
        action.type === 'prompt-type' ? state.prompt.value + action.text.replace(/[\r\n]/g, '') : state.prompt.value.slice(0, -1);
      const next = { ...state, prompt: { ...state.prompt, value } };
      // The filter applies as it is typed, and the selection goes back to the top of the shorter list.
      if (state.prompt.purpose !== 'filter') return next;
      return { ...next, filters: { ...state.filters, [state.pane]: value }, lists: { ...state.lists, [state.pane]: START } };
    }
    case 'prompt-cancel': {
      if (!state.prompt) return { ...state, mode: 'normal' };
      const filters = state.prompt.purpose === 'filter' ? { ...state.filters, [state.pane]: '' } : state.filters;
      return { ...state, mode: state.prompt.returnTo, prompt: undefined, filters };
    }
    case 'prompt-submit':
      return { ...state, mode: state.prompt?.returnTo ?? 'normal', prompt: undefined };
    case 'back':
      if (state.mode !== 'normal') return appReducer(state, state.mode === 'prompt' ? { type: 'prompt-cancel' } : { type: 'close' });
      if (state.filters[state.pane])
        return { ...state, filters: { ...state.filters, [state.pane]: '' }, lists: { ...state.lists, [state.pane]: START } };
      return state;
    case 'flash':
      flashIds += 1;
      return {
        ...state,
        flash: { id: flashIds, text: action.text, tone: action.tone ?? 'info' },
        lastMessage: { id: flashIds, text: action.text, tone: action.tone ?? 'info' },
      };
    case 'flash-expire':
      return state.flash?.id === action.id ? { ...state, flash: undefined } : state;
    case 'busy':
      return { ...state, busy: action.label };
    case 'synced':
      return { ...state, lastSync: action.at };
    case 'autoplay':
      return { ...state, autoplay: { ...state.autoplay, on: action.on ?? !state.autoplay.on } };
    case 'pace':
      return {
        ...state,
        autoplay: { ...state.autoplay, paceMs: clamp(Math.round(state.autoplay.paceMs * action.factor), PACE_MS.min, PACE_MS.max) },
      };
    case 'settings':
      return { ...state, settings: { ...state.settings, ...action.change } };
    case 'narration-scroll': {
      const from = state.narration.of === action.of ? state.narration.scroll : 0;
      return { ...state, narration: { of: action.of, scroll: clamp(from + action.delta, 0, Math.max(0, action.max)) } };
    }
    case 'detail': {
      const returnTo = state.mode === 'prompt' || state.mode === 'detail' ? 'normal' : state.mode;
      return {
        ...state,
        mode: 'detail',
        detail: { title: action.title, text: action.text, returnTo, overlay: state.overlay },
        overlay: START,
      };
    }
    case 'save-overwrite':
      return { ...state, save: { overwrite: action.path } };
    case 'reset-lists':
      return {
        ...state,
        lists: { focus: START, exact: START, panel: START },
        filters: { focus: '', exact: '', panel: '' },
        autoplay: { ...state.autoplay, on: false },
      };
  }
}
