// The one input handler: it dispatches each key on the mode, through the keymap.

import { useInput, type Key } from 'ink';
import { useCallback, useRef, type Dispatch } from 'react';
import type { AppAction, AppState, PaneId, SettingsForm } from './app-state.js';
import type { DashboardController, DashboardSnapshot, Outcome } from './dashboard-controller.js';
import { commandFor, keyName, type Command, type KeyContext } from './keymap.js';
import type { Layout } from './layout.js';
import type { Row } from './rows.js';
import type { PickerItem } from './scenario-picker.js';
import { SETTINGS_ROWS } from './settings-fields.js';
import { ACTION_BINDINGS } from './actions-overlay.js';
import { DOCTOR_SCROLL } from './doctor-overlay.js';
import { handleExportKey, submitExportPrompt } from './export-keys.js';
import { previewRoom } from './export-preview-lines.js';
import type { ExportSession } from './export-session.js';

/** What the handler needs to know and touch. */
export interface InputContext {
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
  exit: () => void;
}

/** The keymap contexts active in normal mode. */
export function normalContexts(walkthrough: boolean): KeyContext[] {
  return walkthrough ? ['global', 'lists', 'actions', 'walkthrough'] : ['global', 'lists', 'actions'];
}

function length(list: Row[] | number): number {
  return typeof list === 'number' ? list : list.length;
}

/** Runs a controller action with the busy state around it and its outcome as the flash message. */
export async function runAction(dispatch: Dispatch<AppAction>, label: string, task: () => Promise<Outcome>, now?: () => string): Promise<Outcome> {
  dispatch({ type: 'busy', label });
  const outcome = await task();
  dispatch({ type: 'busy' });
  dispatch({ type: 'flash', text: outcome.message, tone: outcome.ok ? 'ok' : 'error' });
  if (label === 'sync' && now) dispatch({ type: 'synced', at: now() });
  return outcome;
}

function selectedRow(ctx: InputContext, pane: PaneId): Row | undefined {
  const list = ctx.lists[pane];
  return typeof list === 'number' ? undefined : list[ctx.state.lists[pane].selected];
}

function settingsFromView(snapshot: DashboardSnapshot): Partial<SettingsForm> {
  const s = snapshot.view.focus.integration?.settings;
  const today = snapshot.now.slice(0, 10);
  return s ? { startDate: s.startDate, invoiceJournal: s.invoiceJournal, creditNoteJournal: s.creditNoteJournal, nightlySync: s.nightlySync, delinkDate: today } : { delinkDate: today };
}

/** Runs one command of the keymap. */
export function runCommand(ctx: InputContext, command: Command): void {
  const { state, dispatch, controller } = ctx;
  const run = (label: string, task: () => Promise<Outcome>) => void runAction(dispatch, label, task, () => controller.getSnapshot().now.slice(11, 16));
  const pane = state.pane;
  const listLength = length(ctx.lists[pane]);
  const height = ctx.heights[pane];
  const focusRow = selectedRow(ctx, 'focus');
  const exactRow = selectedRow(ctx, 'exact');
  switch (command) {
    case 'quit': return ctx.exit();
    case 'help': return dispatch({ type: 'open', overlay: 'help' });
    case 'pane-next': return dispatch({ type: 'cycle-pane', delta: 1 });
    case 'pane-prev': return dispatch({ type: 'cycle-pane', delta: -1 });
    case 'pane-1': return dispatch({ type: 'pane', pane: 'focus' });
    case 'pane-2': return dispatch({ type: 'pane', pane: 'exact' });
    case 'pane-3': return dispatch({ type: 'pane', pane: 'panel' });
    case 'sync': return run('sync', () => controller.sync());
    case 'picker': return dispatch({ type: 'open', overlay: 'picker' });
    case 'notifications': return dispatch({ type: 'open', overlay: 'notifications' });
    case 'settings':
      dispatch({ type: 'settings', change: settingsFromView(ctx.snapshot) });
      return dispatch({ type: 'open', overlay: 'settings' });
    case 'actions': return dispatch({ type: 'open', overlay: 'actions' });
    case 'export':
      ctx.exportSession.open(controller.world.focus);
      return dispatch({ type: 'open', overlay: 'export' });
    case 'doctor': return dispatch({ type: 'open', overlay: 'doctor' });
    case 'back': return dispatch({ type: 'back' });
    case 'down': return dispatch({ type: 'move', delta: 1, length: listLength, height });
    case 'up': return dispatch({ type: 'move', delta: -1, length: listLength, height });
    case 'page-down': return dispatch({ type: 'move', delta: Math.max(1, height - 1), length: listLength, height });
    case 'page-up': return dispatch({ type: 'move', delta: -Math.max(1, height - 1), length: listLength, height });
    case 'top': return dispatch({ type: 'move-to', edge: 'top', length: listLength, height });
    case 'bottom': return dispatch({ type: 'move-to', edge: 'bottom', length: listLength, height });
    case 'filter': return pane === 'panel' ? undefined : dispatch({ type: 'prompt-open', purpose: 'filter', label: 'Filter' });
    case 'detail': return jumpToLinked(ctx);
    case 'step-next': return run('step', () => controller.forward());
    case 'step-prev': return run('back', () => controller.back());
    case 'restart': return run('restart', () => controller.restart());
    case 'autoplay': return dispatch({ type: 'autoplay' });
    case 'faster': return dispatch({ type: 'pace', factor: 0.7 });
    case 'slower': return dispatch({ type: 'pace', factor: 1.4 });
    case 'book-draft': return run('book', () => controller.bookDraft(focusRow?.ref.kind === 'document' && pane === 'focus' ? focusRow.ref.id : undefined));
    case 'delete-last': return run('delete', () => controller.deleteDocument(focusRow?.ref.kind === 'document' && pane === 'focus' ? focusRow.ref.id : undefined));
    case 'delete-booking':
      if (exactRow?.ref.kind !== 'booking') return dispatch({ type: 'flash', text: 'Select a booking in the Exact pane (2) first.', tone: 'error' });
      { const { journal, entryNumber } = exactRow.ref; return run('delete', () => controller.deleteBooking(journal, entryNumber)); }
    case 'register-payment':
      if (exactRow?.ref.kind !== 'booking') return dispatch({ type: 'flash', text: 'Select a booking in the Exact pane (2) first.', tone: 'error' });
      { const { journal, entryNumber } = exactRow.ref; return run('payment', () => controller.registerPayment(journal, entryNumber)); }
    case 'set-next-number': {
      const journal = exactRow?.ref.kind === 'journal' || exactRow?.ref.kind === 'booking' ? (exactRow.ref.kind === 'journal' ? exactRow.ref.code : exactRow.ref.journal) : '70';
      const current = ctx.snapshot.view.accounting.journals.find((j) => j.code === journal)?.nextBookingNumber ?? '';
      return dispatch({ type: 'prompt-open', purpose: 'set-next-number', label: 'Journal and next booking number', value: `${journal} ${current}` });
    }
    case 'hand-book': {
      const number = focusRow?.ref.kind === 'document' ? (ctx.snapshot.view.focus.documents[focusRow.ref.id]?.number ?? '') : '';
      return dispatch({ type: 'prompt-open', purpose: 'hand-book', label: 'Book by hand in Exact: YourRef [net €]', value: number });
    }
    case 'advance-day': return run('night', () => controller.advanceDay());
    case 'choose': case 'export-next': case 'export-back': case 'export-change': case 'top-up': return undefined;
  }
}

function jumpToLinked(ctx: InputContext): void {
  const { dispatch } = ctx;
  const focus = ctx.lists.focus;
  const exact = ctx.lists.exact;
  if (typeof focus === 'number' || typeof exact === 'number') return;
  const row = selectedRow(ctx, ctx.state.pane);
  if (row?.ref.kind === 'document') {
    const entryId = row.ref.entryId;
    const index = exact.findIndex((r) => r.ref.kind === 'booking' && r.ref.id === entryId);
    if (entryId === null || index < 0) return dispatch({ type: 'flash', text: 'Not synced: this document has no booking in Exact.', tone: 'info' });
    return dispatch({ type: 'select', pane: 'exact', index, length: exact.length, height: ctx.heights.exact });
  }
  if (row?.ref.kind === 'booking') {
    const id = row.ref.id;
    const index = focus.findIndex((r) => r.ref.kind === 'document' && r.ref.entryId === id);
    if (index < 0) return dispatch({ type: 'flash', text: 'No Focus document is linked to this booking.', tone: 'info' });
    return dispatch({ type: 'select', pane: 'focus', index, length: focus.length, height: ctx.heights.focus });
  }
}

function submitPrompt(ctx: InputContext): void {
  const { state, dispatch, controller } = ctx;
  const prompt = state.prompt;
  dispatch({ type: 'prompt-submit' });
  if (!prompt) return;
  const value = prompt.value.trim();
  const run = (label: string, task: () => Promise<Outcome>) => void runAction(dispatch, label, task);
  if (prompt.purpose === 'set-next-number') {
    const [journal, next] = value.split(/\s+/);
    const number = Number(next);
    if (!journal || !Number.isInteger(number)) return dispatch({ type: 'flash', text: 'Type a journal and a number: 70 1043.', tone: 'error' });
    return run('journal', () => controller.setNextBookingNumber(journal, number));
  }
  if (prompt.purpose === 'hand-book') {
    const [yourRef, amount] = value.split(/\s+/);
    if (!yourRef) return dispatch({ type: 'flash', text: 'Type the invoice number to book: 2026/3.', tone: 'error' });
    const cents = amount === undefined ? undefined : Math.round(Number(amount.replace(',', '.')) * 100);
    if (cents !== undefined && !Number.isFinite(cents)) return dispatch({ type: 'flash', text: `Not an amount: ${amount}.`, tone: 'error' });
    return run('book', () => controller.bookByHand({ yourRef, amountCents: cents }));
  }
  if (prompt.purpose.startsWith('export:')) return submitExportPrompt(ctx.exportSession, prompt.purpose, value);
  if (prompt.purpose.startsWith('field:')) {
    const field = prompt.purpose.slice('field:'.length) as keyof SettingsForm;
    return dispatch({ type: 'settings', change: { [field]: value } });
  }
}

function handleOverlay(ctx: InputContext, name: string | undefined): void {
  const { state, dispatch, controller } = ctx;
  const mode = state.mode;
  const close = () => {
    dispatch({ type: 'close' });
    if (mode === 'notifications') void controller.readNotifications();
  };
  if (name === 'q') return ctx.exit();
  if (mode === 'export') return handleExportKey({ session: ctx.exportSession, dispatch, room: previewRoom(ctx.layout.columns, ctx.overlayHeight) }, name);
  if (name === 'esc' || (mode === 'help' && name === '?') || (mode === 'notifications' && name === 'n')) return close();
  const length = mode === 'doctor' ? DOCTOR_SCROLL : mode === 'picker' ? ctx.pickerItems.length : mode === 'settings' ? SETTINGS_ROWS.length : mode === 'actions' ? ACTION_BINDINGS.length : 0;
  const move = { j: 1, down: 1, k: -1, up: -1, pagedown: ctx.overlayHeight, pageup: -ctx.overlayHeight } as Record<string, number>;
  if (name && move[name] !== undefined) return dispatch({ type: 'overlay-move', delta: move[name]!, length, height: ctx.overlayHeight });
  const index = state.overlay.selected;
  if (mode === 'actions') {
    // The menu's own bindings (sync and the hand actions) answer to their keys here too.
    const command = name === 'enter' ? ACTION_BINDINGS[index]?.command : ACTION_BINDINGS.find((b) => name !== undefined && b.keys.includes(name))?.command;
    if (!command) return;
    dispatch({ type: 'close' });
    return runCommand({ ...ctx, state: { ...state, mode: 'normal' } }, command);
  }
  if (name !== 'enter') return;
  if (mode === 'picker') {
    const item = ctx.pickerItems[index];
    if (!item) return;
    dispatch({ type: 'close' });
    dispatch({ type: 'reset-lists' });
    const scenario = item.scenario;
    void runAction(dispatch, 'loading', () => (scenario ? controller.startScenario(scenario) : controller.leaveWalkthrough()));
    return;
  }
  if (mode === 'doctor') {
    dispatch({ type: 'close' });
    dispatch({ type: 'reset-lists' });
    void runAction(dispatch, 'loading', () => controller.playDoctorPlan());
    return;
  }
  if (mode === 'settings') {
    const row = SETTINGS_ROWS[index];
    if (!row) return;
    if (row.kind === 'text') return dispatch({ type: 'prompt-open', purpose: `field:${row.field}`, label: row.label, value: state.settings[row.field] });
    if (row.kind === 'toggle') return dispatch({ type: 'settings', change: { [row.field]: !state.settings[row.field] } });
    const form = state.settings;
    void runAction(dispatch, row.action, () => (row.action === 'connect' ? controller.connect(form) : controller.deactivate(form)));
  }
}

/** Handles one keypress (exported so it can be driven without a terminal). */
export function handleKey(ctx: InputContext, input: string, key: Partial<Key>): void {
  const name = keyName(input, key);
  if (name === 'ctrl+c') return ctx.exit();
  const { state, dispatch } = ctx;
  if (state.mode === 'prompt') {
    if (name === 'esc') return dispatch({ type: 'prompt-cancel' });
    if (name === 'enter') return submitPrompt(ctx);
    if (name === 'backspace') return dispatch({ type: 'prompt-backspace' });
    if (input && !key.ctrl && !key.meta && !key.upArrow && !key.downArrow) dispatch({ type: 'prompt-type', text: input });
    return;
  }
  if (ctx.layout.kind === 'too-small') return name === 'q' ? ctx.exit() : undefined;
  if (state.mode !== 'normal') return handleOverlay(ctx, name);
  // Fast keys arrive as one string (a paste): each character is a key of its own.
  if (name === undefined && input.length > 1 && !key.ctrl && !key.meta) {
    for (const char of input) handleKey(ctx, char, {});
    return;
  }
  const command = commandFor(name, normalContexts(Boolean(ctx.snapshot.walkthrough)).slice().reverse());
  if (command) runCommand(ctx, command);
}

/** Subscribes the one top-level input handler. */
export function useDashboardInput(ctx: InputContext, { isActive = true }: { isActive?: boolean } = {}): void {
  // The handler stays subscribed once and reads the context of the latest render: a key that arrives after a
  // frame is drawn but before effects run must not be handled with the previous frame's state.
  const latest = useRef(ctx);
  latest.current = ctx;
  const handler = useCallback((input: string, key: Key) => handleKey(latest.current, input, key), []);
  useInput(handler, { isActive });
}
