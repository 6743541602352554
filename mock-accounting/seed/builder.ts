import { guidFor, type Clock } from '../../primitives/index.js';
import { emptyState, type MockState } from '../store/index.js';

/** Hosts a registered redirect URI may point at (apps running on the developer's machine). */
export const LOCAL_REDIRECT_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Row versions start well above 1: clients make their first sync call with `Timestamp gt 1`, as Exact's
 * documentation says, and must not miss the seeded rows.
 */
export const FIRST_ROW_VERSION = 1000;

/** Helps a seed build a state with ids from the state's own counter, so the store continues the sequence. */
export function seedBuilder(clock: Clock) {
  const state: MockState = emptyState();
  let ids = 0;
  return {
    state,
    clock,
    guid: () => guidFor(++ids),
    /** Ends the build: records the counters so later ids and row versions follow on. */
    done(): MockState {
      state.meta.ids = ids;
      state.meta.rowVersion = state.meta.rowVersion ?? FIRST_ROW_VERSION;
      state.meta.hid = state.meta.hid ?? 0;
      return state;
    },
  };
}

/** A seed under construction. */
export type SeedBuilder = ReturnType<typeof seedBuilder>;
