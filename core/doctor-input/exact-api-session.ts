import { createClock } from '../../primitives/index.js';
import { ExactClient, httpFetch, memoryTokenStore, type ExactError, type FetchLike } from '../exact-client/index.js';
import { FOCUS_APP } from '../integration/index.js';
import { problemOf, type InputResult } from './problems.js';

/** How to reach a running Exact-compatible API and as which app. */
export interface ExactApiAccess {
  /** The API's origin, e.g. `https://start.exactonline.nl` or `http://127.0.0.1:5080` (booklab serve). */
  url: string;
  /** The administration; the signed-in user's current division (`current/Me`) when absent. */
  division?: number;
  /** The app's OAuth client id and secret; booklab's demo app (which `booklab serve` knows) when absent. */
  clientId?: string;
  clientSecret?: string;
  /** The app's registered redirect URI (used by the code flow and the refresh grant). */
  redirectUri?: string;
  /** An access token (valid 600 s at Exact), a refresh token (traded for tokens first), or neither (code flow). */
  accessToken?: string;
  refreshToken?: string;
  /** How requests are sent (a test may hand them to a server in the same process). */
  fetch?: FetchLike;
}

/** A signed-in client and the division it reads. */
export interface ExactApiSession {
  exact: ExactClient;
  division: number;
}

/**
 * Signs in to the API: with a given access token, with a refresh token (one refresh), or with the
 * authorization-code flow, which only an API that approves the consent screen by itself answers (booklab serve);
 * a real Exact needs a token from the app. Then finds the division when none was given.
 */
export async function openExactApi(access: ExactApiAccess): Promise<InputResult<ExactApiSession>> {
  const clock = createClock();
  const tokens = access.accessToken
    ? { accessToken: access.accessToken, refreshToken: access.refreshToken ?? '', expiresAt: clock.now() + 600_000 }
    : access.refreshToken
      ? { accessToken: '', refreshToken: access.refreshToken, expiresAt: 0 }
      : null;
  const exact = new ExactClient({
    baseUrl: access.url,
    clientId: access.clientId ?? FOCUS_APP.clientId,
    clientSecret: access.clientSecret ?? FOCUS_APP.clientSecret,
    redirectUri: access.redirectUri ?? FOCUS_APP.redirectUri,
    clock,
    tokens: memoryTokenStore(tokens),
    fetch: access.fetch ?? httpFetch,
  });
  if (!tokens) {
    const connected = await exact.connect();
    if (!connected.ok) {
      return apiProblem(
        access.url,
        'sign in with the authorization-code flow',
        connected.problem,
        "Give the app's tokens with --token or --refresh-token (or EXACT_TOKEN / EXACT_REFRESH_TOKEN), and its --client-id and --client-secret.",
      );
    }
  }
  if (access.division !== undefined) return { ok: true, value: { exact, division: access.division } };
  const division = await exact.currentDivision();
  if (!division.ok)
    return apiProblem(access.url, 'read the current division (current/Me)', division.problem, 'Give the administration with --division.');
  return { ok: true, value: { exact, division: division.value } };
}

/** A refusal of the API, with what was being done and what to do next. */
export function apiProblem(url: string, doing: string, error: ExactError, next: string) {
  return problemOf('exact-api', `Could not ${doing} at ${url}: ${error.message} (${error.code}). ${next}`);
}
