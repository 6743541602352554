import { afterEach, beforeAll } from 'vitest';
import { hasTmux, TMUX_MISSING, TmuxSession, type TmuxOptions } from './tmux.js';

/**
 * The hooks every tmux test file needs: tmux must be installed (a clear failure, never a silent skip), and each
 * test's session is stopped after it. Call once at the top of a file; start sessions with the returned `start`.
 */
export function tmuxSessions(): { start(options: TmuxOptions): Promise<TmuxSession> } {
  let current: TmuxSession | undefined;
  beforeAll(async () => {
    if (!(await hasTmux())) throw new Error(TMUX_MISSING);
  });
  afterEach(async () => {
    await current?.stop();
    current = undefined;
  });
  return {
    async start(options) {
      current = await TmuxSession.start(options);
      return current;
    },
  };
}
