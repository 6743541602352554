import type { RequestListener } from 'node:http';

const checks = new WeakMap<RequestListener, () => boolean>();

/** Registers how an app tells whether it answers every request on its own merits (see {@link answersOnMerits}). */
export function registerMeritsCheck(app: RequestListener, check: () => boolean): void {
  checks.set(app, check);
}

/**
 * Whether the app answers every API request on its own merits just now: no fault armed, rate limits and the error
 * budget not enforced. Only then may a client overlap its posts and get the answers one-by-one posting gets, as a
 * refusal that depends on what came before (a 429, a block) or a cut connection is then impossible.
 */
export function answersOnMerits(app: RequestListener): boolean {
  return checks.get(app)?.() ?? false;
}
