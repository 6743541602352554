// The dashboard's commands in normal mode: what each command of the keymap does to the state and the world.

import type { PaneId, SettingsForm } from './app-state.js';
import type { DashboardSnapshot, Outcome } from './dashboard-controller.js';
import { invariantDetail } from './detail-overlay.js';
import type { InputContext } from './input-context.js';
import type { Command } from './keymap.js';
import type { Row } from './rows.js';
import { runAction } from './run-action.js';

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
