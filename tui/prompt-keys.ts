// The keys of an open text prompt: typed text (fast typing arrives as one string), backspace, enter, esc; and what enter does.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Key } from 'ink';
import type { SettingsForm } from './app-state.js';
import type { Outcome } from './dashboard-controller.js';
import { submitExportPrompt } from './export-keys.js';
import { checkField } from './field-check.js';
import type { InputContext } from './input-context.js';
import { runAction } from './run-action.js';

/** Saves the world shown as a case file at `path` and says where (or why not) in the header. */
export function saveCase(ctx: InputContext, path: string): void {
  ctx.dispatch({ type: 'close' });
  void runAction(ctx.dispatch, 'save', () => ctx.controller.saveCase(resolve(path)));
}

/** Handles one key while a prompt is open; `handleRest` takes the keys typed after an enter in the same burst. */
export function handlePromptKey(
  ctx: InputContext,
  input: string,
  key: Partial<Key>,
  name: string | undefined,
  handleRest: (rest: string) => void,
): void {
  const { dispatch } = ctx;
  if (name === 'esc') {
    const dialog = ctx.state.prompt?.purpose === 'save-case';
    dispatch({ type: 'prompt-cancel' });
    if (dialog) dispatch({ type: 'close' });
    return;
  }
  if (name === 'enter') return submitPrompt(ctx);
  if (name === 'backspace') return dispatch({ type: 'prompt-backspace' });
  if (!input || key.ctrl || key.meta || key.upArrow || key.downArrow) return;
  // Fast typing or a paste arrives as one string: its backspaces and enters act in order, between the text typed.
  let text = '';
  const flush = () => {
    if (text) dispatch({ type: 'prompt-type', text });
    text = '';
  };
  for (let i = 0; i < input.length; i++) {
    const char = input[i]!;
    if (char === '\u007F' || char === '\b') {
      flush();
      dispatch({ type: 'prompt-backspace' });
    } else if (char === '\r' || char === '\n') {
      flush();
      submitPrompt(ctx);
      const rest = input.slice(i + 1).replace(/^\n/, '');
      if (rest) handleRest(rest);
      return;
    } else text += char;
  }
  flush();
}

/** Enter in a prompt: a field that is wrong or incomplete stays open and says why; otherwise its value is used. */
export function submitPrompt(ctx: InputContext): void {
  const { dispatch, controller } = ctx;
  const prompt = ctx.state.prompt;
  if (!prompt) return;
  const check = checkField(prompt.purpose, prompt.value.trim());
  if (check.state !== 'ok') return dispatch({ type: 'flash', text: `${prompt.label}: ${check.message}.`, tone: 'error' });
  dispatch({ type: 'prompt-submit' });
  const value = prompt.value.trim();
  const run = (label: string, task: () => Promise<Outcome>) => void runAction(dispatch, label, task);
  if (prompt.purpose === 'save-case') {
    if (existsSync(resolve(value))) return dispatch({ type: 'save-overwrite', path: value });
    return saveCase(ctx, value);
  }
  if (prompt.purpose === 'set-next-number') {
    const [journal, next] = value.split(/\s+/);
    const number = Number(next);
    if (!journal || !Number.isInteger(number))
      return dispatch({ type: 'flash', text: 'Type a journal and a number: 70 1043.', tone: 'error' });
    return run('journal', () => controller.setNextBookingNumber(journal, number));
  }
  if (prompt.purpose === 'hand-book') {
    const [yourRef, amount] = value.split(/\s+/);
    if (!yourRef) return dispatch({ type: 'flash', text: 'Type the invoice number to book: 2026/3.', tone: 'error' });
    const cents = amount === undefined ? undefined : Math.round(Number(amount.replace(',', '.')) * 100);
    if (cents !== undefined && !Number.isFinite(cents))
      return dispatch({ type: 'flash', text: `Not an amount: ${amount}.`, tone: 'error' });
    return run('book', () => controller.bookByHand({ yourRef, amountCents: cents }));
  }
  if (prompt.purpose.startsWith('export:')) return submitExportPrompt(ctx.exportSession, prompt.purpose, value);
  if (prompt.purpose.startsWith('field:')) {
    const field = prompt.purpose.slice('field:'.length) as keyof SettingsForm;
    return dispatch({ type: 'settings', change: { [field]: value } });
  }
}
