import { describe, expect, it } from 'vitest';
import { appReducer, initialAppState, PACE_MS, type AppAction, type AppState } from './app-state.js';

const apply = (state: AppState, ...actions: AppAction[]) => actions.reduce(appReducer, state);

describe('appReducer', () => {
  it('cycles panes with tab and remembers the last system pane for the compact layout', () => {
    const state = apply(initialAppState(), { type: 'cycle-pane', delta: 1 }, { type: 'cycle-pane', delta: 1 });
    expect(state.pane).toBe('panel');
    expect(state.systemPane).toBe('exact');
    expect(apply(state, { type: 'cycle-pane', delta: 1 }).pane).toBe('focus');
    expect(apply(state, { type: 'cycle-pane', delta: -1 }).pane).toBe('exact');
  });

  it('moves the selection within the list and scrolls to keep it in the window', () => {
    let state = apply(initialAppState(), { type: 'move', delta: 7, length: 20, height: 5 });
    expect(state.lists.focus).toEqual({ selected: 7, scroll: 3 });
    state = apply(state, { type: 'move-to', edge: 'bottom', length: 20, height: 5 });
    expect(state.lists.focus).toEqual({ selected: 19, scroll: 15 });
    state = apply(state, { type: 'move', delta: 100, length: 20, height: 5 });
    expect(state.lists.focus.selected).toBe(19);
    state = apply(state, { type: 'move-to', edge: 'top', length: 20, height: 5 });
    expect(state.lists.focus).toEqual({ selected: 0, scroll: 0 });
  });

  it('applies a filter as it is typed, and esc clears it', () => {
    let state = apply(
      initialAppState(),
      { type: 'move', delta: 3, length: 9, height: 5 },
      { type: 'prompt-open', purpose: 'filter', label: 'Filter' },
    );
    expect(state.mode).toBe('prompt');
    state = apply(state, { type: 'prompt-type', text: '2026/' }, { type: 'prompt-backspace' });
    expect(state.filters.focus).toBe('2026');
    expect(state.lists.focus.selected).toBe(0);
    state = apply(state, { type: 'prompt-submit' });
    expect(state.mode).toBe('normal');
    expect(state.filters.focus).toBe('2026');
    state = apply(state, { type: 'back' });
    expect(state.filters.focus).toBe('');
  });

  it('returns from a settings field prompt to the settings overlay', () => {
    const state = apply(
      initialAppState(),
      { type: 'open', overlay: 'settings' },
      { type: 'prompt-open', purpose: 'field:startDate', label: 'Start date', value: '2026-01-01' },
    );
    expect(apply(state, { type: 'prompt-cancel' }).mode).toBe('settings');
    expect(apply(state, { type: 'back' }).mode).toBe('settings');
  });

  it('opens overlays, closes them with esc, and keeps one flash that expires by id', () => {
    let state = apply(initialAppState(), { type: 'open', overlay: 'help' });
    expect(state.mode).toBe('help');
    state = apply(state, { type: 'back' }, { type: 'flash', text: 'first' }, { type: 'flash', text: 'second', tone: 'error' });
    expect(state.mode).toBe('normal');
    const old = state.flash!.id - 1;
    expect(apply(state, { type: 'flash-expire', id: old }).flash?.text).toBe('second');
    expect(apply(state, { type: 'flash-expire', id: state.flash!.id }).flash).toBeUndefined();
  });

  it('toggles autoplay and keeps its pace within bounds', () => {
    let state = apply(initialAppState(), { type: 'autoplay' });
    expect(state.autoplay.on).toBe(true);
    for (let i = 0; i < 20; i++) state = apply(state, { type: 'pace', factor: 0.5 });
    expect(state.autoplay.paceMs).toBe(PACE_MS.min);
    expect(apply(state, { type: 'reset-lists' }).autoplay.on).toBe(false);
  });
});
