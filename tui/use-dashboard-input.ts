// The one input handler: it dispatches each key on the mode, through the keymap (normal mode's commands in
// run-command.ts, the overlays' keys in overlay-keys.ts, the prompt's in prompt-keys.ts).

import { useInput, type Key } from 'ink';
import { useCallback, useRef, type Dispatch } from 'react';
import { appReducer, type AppAction } from './app-state.js';
import { normalContexts, type InputContext } from './input-context.js';
import { commandFor, keyName } from './keymap.js';
import { handleOverlay } from './overlay-keys.js';
import { handlePromptKey } from './prompt-keys.js';
import { runCommand } from './run-command.js';

export { normalContexts, type InputContext } from './input-context.js';
export { runAction } from './run-action.js';

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
