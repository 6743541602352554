import type { Dispatch } from 'react';
import type { AppAction } from './app-state.js';
import type { Outcome } from './dashboard-controller.js';

/** Runs a controller action with the busy state around it and its outcome as the flash message. */
export async function runAction(
  dispatch: Dispatch<AppAction>,
  label: string,
  task: () => Promise<Outcome>,
  now?: () => string,
): Promise<Outcome> {
  dispatch({ type: 'busy', label });
  const outcome = await task();
  dispatch({ type: 'busy' });
  dispatch({ type: 'flash', text: outcome.ok ? outcome.value : outcome.problem.message, tone: outcome.ok ? 'ok' : 'error' });
  if (label === 'sync' && now) dispatch({ type: 'synced', at: now() });
  return outcome;
}
