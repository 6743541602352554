import type { ExactClient, TokenStore } from '../exact-client/index.js';
import type { Focus } from '../focus/focus.js';

/** What the integration works on: the Focus app and a client of the accounting package. */
export interface IntegrationContext {
  focus: Focus;
  exact: ExactClient;
}

/** Keeps the accounting package's tokens in Focus's integration state, so snapshots and case files carry them. */
export function focusTokenStore(focus: Focus): TokenStore {
  return {
    get: () => focus.state.integration?.tokens ?? null,
    set: (tokens) => focus.integration.storeTokens(tokens),
  };
}
