// The one input handler: it dispatches each key on the mode, through the keymap.
// Over 250 lines: one dispatcher per mode, kept beside each other so the modes cannot disagree on a key.

import { useInput, type Key } from 'ink';
import { useCallback, useRef, type Dispatch } from 'react';
import { appReducer, type AppAction, type PaneId, type SettingsForm } from './app-state.js';
import type { DashboardSnapshot, Outcome } from './dashboard-controller.js';
import { alertDetail, detailLines, detailWidth, invariantDetail } from './detail-overlay.js';
import { commandFor, keyName, type Command } from './keymap.js';
import type { Row } from './rows.js';
import { SETTINGS_ROWS } from './settings-fields.js';
import { ACTION_BINDINGS } from './actions-overlay.js';
import { DOCTOR_SCROLL } from './doctor-overlay.js';
import { handleExportKey } from './export-keys.js';
import { previewRoom } from './export-preview-lines.js';
import { normalContexts, type InputContext } from './input-context.js';
import { handlePromptKey, saveCase } from './prompt-keys.js';
import { runAction } from './run-action.js';

export { normalContexts, type InputContext } from './input-context.js';
export { runAction } from './run-action.js';

/** A file name to offer when `w` opens the save dialog. */
const CASE_FILE = 'booklab-case.json';

function length(list: Row[] | number): number {
  return typeof list === 'number' ? list : list.length;
}

function selectedRow(ctx: InputContext, pane: PaneId): Row | undefined {
  const list = ctx.lists[pane];
  return typeof list === 'number' ? undefined : list[ctx.state.lists[pane].selected];
}

function settingsFromView(snapshot: DashboardSnapshot): Partial<SettingsForm> {
  const s = snapshot.view.focus.integration?.settings;
  const today = snapshot.now.slice(0, 10);
  return s
    ? {
        startDate: s.startDate,
        invoiceJournal: s.invoiceJournal,
        creditNoteJournal: s.creditNoteJournal,
        nightlySync: s.nightlySync,
        delinkDate: today,
      }
    : { delinkDate: today };
}

/** Runs one command of the keymap. */
export function runCommand(ctx: InputContext, command: Command): void {
  const { state, dispatch, controller } = ctx;
  const run = (label: string, task: () => Promise<Outcome>) =>
    void runAction(dispatch, label, task, () => controller.getSnapshot().now.slice(11, 16));
  const pane = state.pane;
  const listLength = length(ctx.lists[pane]);
  const height = ctx.heights[pane];
  const focusRow = selectedRow(ctx, 'focus');
  const exactRow = selectedRow(ctx, 'exact');
  switch (command) {
    case 'quit':
      return ctx.exit();
    case 'help':
      return dispatch({ type: 'open', overlay: 'help' });
    case 'pane-next':
      return dispatch({ type: 'cycle-pane', delta: 1 });
    case 'pane-prev':
      return dispatch({ type: 'cycle-pane', delta: -1 });
    case 'pane-1':
      return dispatch({ type: 'pane', pane: 'focus' });
    case 'pane-2':
      return dispatch({ type: 'pane', pane: 'exact' });
    case 'pane-3':
      return dispatch({ type: 'pane', pane: 'panel' });
    case 'sync':
      return run('sync', () => controller.sync());
    case 'picker':
      return dispatch({ type: 'open', overlay: 'picker' });
    case 'notifications':
      return dispatch({ type: 'open', overlay: 'notifications' });
    case 'settings':
      dispatch({ type: 'settings', change: settingsFromView(ctx.snapshot) });
      return dispatch({ type: 'open', overlay: 'settings' });
    case 'actions':
      return dispatch({ type: 'open', overlay: 'actions' });
    case 'export':
      ctx.exportSession.open(controller.world.focus);
      return dispatch({ type: 'open', overlay: 'export' });
    case 'doctor':
      return dispatch({ type: 'open', overlay: 'doctor' });
    case 'back':
      return dispatch({ type: 'back' });
    case 'down':
      return dispatch({ type: 'move', delta: 1, length: listLength, height });
    case 'up':
      return dispatch({ type: 'move', delta: -1, length: listLength, height });
    case 'page-down':
      return dispatch({ type: 'move', delta: Math.max(1, height - 1), length: listLength, height });
    case 'page-up':
      return dispatch({ type: 'move', delta: -Math.max(1, height - 1), length: listLength, height });
    case 'top':
      return dispatch({ type: 'move-to', edge: 'top', length: listLength, height });
    case 'bottom':
      return dispatch({ type: 'move-to', edge: 'bottom', length: listLength, height });
    case 'filter':
      return pane === 'panel' ? undefined : dispatch({ type: 'prompt-open', purpose: 'filter', label: 'Filter' });
    case 'detail': {
      if (pane !== 'panel') return jumpToLinked(ctx);
      const detail = invariantDetail(ctx.snapshot.violations, state.lists.panel.selected);
      return detail ? dispatch({ type: 'detail', ...detail }) : undefined;
    }
    case 'message':
      if (!state.lastMessage)
        return dispatch({ type: 'flash', text: 'There is no message yet: the header shows what each action did.', tone: 'info' });
      return dispatch({ type: 'detail', title: 'The header message', text: state.lastMessage.text });
    case 'save-case':
      dispatch({ type: 'open', overlay: 'save' });
      return dispatch({ type: 'prompt-open', purpose: 'save-case', label: 'Case file', value: CASE_FILE });
    case 'narration-down':
    case 'narration-up':
      if (!ctx.narration) return undefined;
      return dispatch({
        type: 'narration-scroll',
        of: ctx.narration.of,
        delta: command === 'narration-down' ? ctx.narration.page : -ctx.narration.page,
        max: ctx.narration.max,
      });
    // Every step's narration is shown from its top, coming to it forward or back.
    case 'step-next':
      dispatch({ type: 'narration-scroll', of: {}, delta: 0, max: 0 });
      return run('step', () => controller.forward());
    case 'step-prev':
      dispatch({ type: 'narration-scroll', of: {}, delta: 0, max: 0 });
      return run('back', () => controller.back());
    case 'restart':
      dispatch({ type: 'narration-scroll', of: {}, delta: 0, max: 0 });
      return run('restart', () => controller.restart());
    case 'autoplay':
      return dispatch({ type: 'autoplay' });
    case 'faster':
      return dispatch({ type: 'pace', factor: 0.7 });
    case 'slower':
      return dispatch({ type: 'pace', factor: 1.4 });
    case 'book-draft':
      return run('book', () => controller.bookDraft(focusRow?.ref.kind === 'document' && pane === 'focus' ? focusRow.ref.id : undefined));
    case 'delete-last':
      return run('delete', () =>
        controller.deleteDocument(focusRow?.ref.kind === 'document' && pane === 'focus' ? focusRow.ref.id : undefined),
      );
    case 'delete-booking':
      if (exactRow?.ref.kind !== 'booking')
        return dispatch({ type: 'flash', text: 'Select a booking in the Exact pane (2) first.', tone: 'error' });
      {
        const { journal, entryNumber } = exactRow.ref;
        return run('delete', () => controller.deleteBooking(journal, entryNumber));
      }
    case 'register-payment':
      if (exactRow?.ref.kind !== 'booking')
        return dispatch({ type: 'flash', text: 'Select a booking in the Exact pane (2) first.', tone: 'error' });
      {
        const { journal, entryNumber } = exactRow.ref;
        return run('payment', () => controller.registerPayment(journal, entryNumber));
      }
    case 'set-next-number': {
      const journal =
        exactRow?.ref.kind === 'journal' || exactRow?.ref.kind === 'booking'
          ? exactRow.ref.kind === 'journal'
            ? exactRow.ref.code
            : exactRow.ref.journal
          : '70';
      const current = ctx.snapshot.view.accounting.journals.find((j) => j.code === journal)?.nextBookingNumber ?? '';
      return dispatch({
        type: 'prompt-open',
        purpose: 'set-next-number',
        label: 'Journal and next booking number',
        value: `${journal} ${current}`,
      });
    }
    case 'hand-book': {
      const number = focusRow?.ref.kind === 'document' ? (ctx.snapshot.view.focus.documents[focusRow.ref.id]?.number ?? '') : '';
      return dispatch({ type: 'prompt-open', purpose: 'hand-book', label: 'Book by hand in Exact: YourRef [net €]', value: number });
    }
    case 'advance-day':
      return run('night', () => controller.advanceDay());
    case 'choose':
    case 'export-next':
    case 'export-back':
    case 'export-change':
    case 'top-up':
    case 'detail-close':
    case 'confirm-yes':
    case 'confirm-no':
      return undefined;
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
    if (entryId === null || index < 0)
      return dispatch({ type: 'flash', text: 'Not synced: this document has no booking in Exact.', tone: 'info' });
    return dispatch({ type: 'select', pane: 'exact', index, length: exact.length, height: ctx.heights.exact });
  }
  if (row?.ref.kind === 'booking') {
    const id = row.ref.id;
    const index = focus.findIndex((r) => r.ref.kind === 'document' && r.ref.entryId === id);
    if (index < 0) return dispatch({ type: 'flash', text: 'No Focus document is linked to this booking.', tone: 'info' });
    return dispatch({ type: 'select', pane: 'focus', index, length: focus.length, height: ctx.heights.focus });
  }
}

function handleOverlay(ctx: InputContext, name: string | undefined): void {
  const { state, dispatch, controller } = ctx;
  const mode = state.mode;
  const close = () => {
    dispatch({ type: 'close' });
    if (mode === 'notifications') void controller.readNotifications();
  };
  if (mode === 'detail') return handleDetailKey(ctx, name);
  if (mode === 'save') {
    const overwrite = state.save?.overwrite;
    const answer = commandFor(name, ['confirm']);
    if (overwrite && answer === 'confirm-yes') return saveCase(ctx, overwrite);
    if (overwrite && answer === 'confirm-no') {
      dispatch({ type: 'save-overwrite' });
      return dispatch({ type: 'prompt-open', purpose: 'save-case', label: 'Case file', value: overwrite });
    }
    return name === 'esc' ? dispatch({ type: 'close' }) : undefined;
  }
  if (name === 'q') return ctx.exit();
  if (mode === 'export')
    return handleExportKey({ session: ctx.exportSession, dispatch, room: previewRoom(ctx.layout.columns, ctx.overlayHeight) }, name);
  if (name === 'esc' || (mode === 'help' && name === '?') || (mode === 'notifications' && name === 'n')) return close();
  const notifications = ctx.snapshot.view.focus.bell.notifications;
  const length =
    mode === 'doctor'
      ? DOCTOR_SCROLL
      : mode === 'picker'
        ? ctx.pickerItems.length
        : mode === 'settings'
          ? SETTINGS_ROWS.length
          : mode === 'actions'
            ? ACTION_BINDINGS.length
            : mode === 'notifications'
              ? notifications.length
              : 0;
  const move = { j: 1, down: 1, k: -1, up: -1, pagedown: ctx.overlayHeight, pageup: -ctx.overlayHeight } as Record<string, number>;
  if (name && move[name] !== undefined) return dispatch({ type: 'overlay-move', delta: move[name]!, length, height: ctx.overlayHeight });
  const index = state.overlay.selected;
  if (mode === 'actions') {
    // The menu's own bindings (sync and the hand actions) answer to their keys here too.
    const command =
      name === 'enter'
        ? ACTION_BINDINGS[index]?.command
        : ACTION_BINDINGS.find((b) => name !== undefined && b.keys.includes(name))?.command;
    if (!command) return;
    dispatch({ type: 'close' });
    return runCommand({ ...ctx, state: { ...state, mode: 'normal' } }, command);
  }
  if (name !== 'enter') return;
  if (mode === 'notifications') {
    // The overlay lists the newest first.
    const alert = [...notifications].reverse()[index];
    return alert ? dispatch({ type: 'detail', ...alertDetail(alert) }) : undefined;
  }
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
    if (row.kind === 'text')
      return dispatch({ type: 'prompt-open', purpose: `field:${row.field}`, label: row.label, value: state.settings[row.field] });
    if (row.kind === 'toggle') return dispatch({ type: 'settings', change: { [row.field]: !state.settings[row.field] } });
    const form = state.settings;
    void runAction(dispatch, row.action, () => (row.action === 'connect' ? controller.connect(form) : controller.deactivate(form)));
  }
}

/** The detail view's keys: scroll its text, `esc` back to where it was opened. */
function handleDetailKey(ctx: InputContext, name: string | undefined): void {
  const { state, dispatch } = ctx;
  const command = commandFor(name, ['detail', 'lists']);
  if (command === 'detail-close') return dispatch({ type: 'close' });
  if (command !== 'down' && command !== 'up') return name === 'q' ? ctx.exit() : undefined;
  const lines = state.detail ? detailLines(state.detail, detailWidth(ctx.layout.columns)).length : 0;
  const room = Math.max(1, ctx.overlayHeight - 1);
  dispatch({ type: 'overlay-move', delta: command === 'down' ? 1 : -1, length: Math.max(1, lines - room + 1), height: ctx.overlayHeight });
}

/** Handles one keypress (exported so it can be driven without a terminal). */
export function handleKey(ctx: InputContext, input: string, key: Partial<Key>): void {
  const name = keyName(input, key);
  if (name === 'ctrl+c') return ctx.exit();
  const { state } = ctx;
  if (state.mode === 'prompt') return handlePromptKey(ctx, input, key, name, (rest) => handleKey(ctx, rest, {}));
  if (ctx.layout.kind === 'too-small') return name === 'q' ? ctx.exit() : undefined;
  // Fast keys arrive as one string (a paste): each character is a key of its own.
  if (name === undefined && input.length > 1 && !key.ctrl && !key.meta) {
    for (const char of input)
      handleKey(
        ctx,
        char === '\r' || char === '\u007F' ? '' : char,
        char === '\r' ? { return: true } : char === '\u007F' ? { backspace: true } : {},
      );
    return;
  }
  if (state.mode !== 'normal') return handleOverlay(ctx, name);
  const command = commandFor(name, normalContexts(Boolean(ctx.snapshot.walkthrough), Boolean(ctx.narration)).slice().reverse());
  if (command) runCommand(ctx, command);
}

/**
 * Subscribes the one top-level input handler. It stays subscribed once and reads the context of the latest render;
 * the UI state it sees also includes every action dispatched since that render (a ref the handler's own dispatch
 * advances), so keys typed faster than frames are drawn each see the state the keys before them left.
 */
export function useDashboardInput(ctx: InputContext, { isActive = true }: { isActive?: boolean } = {}): void {
  const latest = useRef(ctx);
  latest.current = ctx;
  const live = useRef({ rendered: ctx.state, state: ctx.state });
  if (live.current.rendered !== ctx.state) live.current = { rendered: ctx.state, state: ctx.state };
  const reactDispatch = ctx.dispatch;
  const dispatch = useCallback<Dispatch<AppAction>>(
    (action) => {
      live.current.state = appReducer(live.current.state, action);
      reactDispatch(action);
    },
    [reactDispatch],
  );
  const handler = useCallback(
    (input: string, key: Key) => {
      const context: InputContext = { ...latest.current, dispatch };
      Object.defineProperty(context, 'state', { get: () => live.current.state, enumerable: true });
      handleKey(context, input, key);
    },
    [dispatch],
  );
  useInput(handler, { isActive });
}
