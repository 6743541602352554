// The keys of the overlays (help, alerts, picker, settings, actions, doctor, detail, save, export): each mode's own.

import { ACTION_BINDINGS } from './actions-overlay.js';
import { alertDetail, detailLines, detailWidth } from './detail-overlay.js';
import { DOCTOR_SCROLL } from './doctor-overlay.js';
import { handleExportKey } from './export-keys.js';
import { previewRoom } from './export-preview-lines.js';
import type { InputContext } from './input-context.js';
import { commandFor } from './keymap.js';
import { saveCase } from './prompt-keys.js';
import { runAction } from './run-action.js';
import { runCommand } from './run-command.js';
import { SETTINGS_ROWS } from './settings-fields.js';

/** Handles one key while an overlay is open. */
export function handleOverlay(ctx: InputContext, name: string | undefined): void {
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
