import { nanoid } from 'nanoid';
import { z } from 'zod';
import { DAY_MS, type Clock, type Result } from '../../primitives/index.js';
import { entityAt, type AccessToken, type MockState, type Transaction, type User } from '../store/index.js';

/** Access tokens live 600 s, whether used or not. */
export const ACCESS_TOKEN_SECONDS = 600;
/** An authorization code is single use and lives about 3 minutes. */
export const AUTH_CODE_MS = 3 * 60_000;
/** An unused refresh token lasts 30 days. */
export const REFRESH_TOKEN_MS = 30 * DAY_MS;
/** Exact hands out at most one access token per 10 minutes: the earliest refresh is 570 s after the last. */
export const MIN_REFRESH_INTERVAL_MS = 570_000;

/** Why the OAuth endpoints refuse a request; answered in OAuth's own error format, not the OData envelope. */
export type OAuthProblem =
  | { code: 'unknown_client' }
  | { code: 'bad_client_secret' }
  | { code: 'bad_redirect_uri'; redirectUri: string }
  | { code: 'unsupported_response_type'; responseType: string }
  | { code: 'unsupported_grant_type'; grantType: string }
  | { code: 'missing_parameter'; name: string }
  | { code: 'repeated_parameter'; name: string }
  | { code: 'unknown_code' }
  | { code: 'code_used' }
  | { code: 'code_expired' }
  | { code: 'redirect_mismatch' }
  | { code: 'unknown_refresh_token' }
  | { code: 'old_refresh_token' }
  | { code: 'refresh_token_expired'; expiredAt: number; now: number }
  | { code: 'token_not_expired' }
  | { code: 'no_user' };

/** The token endpoint's success answer, exactly as Exact sends it (`expires_in` is a digit string). */
export const TokenAnswerSchema = z.object({
  access_token: z.string(),
  token_type: z.literal('bearer'),
  expires_in: z.string().regex(/^\d+$/).describe('Seconds, as a digit string: "600"'),
  refresh_token: z.string(),
});

/** The token endpoint's success answer. */
export type TokenAnswer = z.infer<typeof TokenAnswerSchema>;

type Outcome<T> = Result<T, OAuthProblem>;

/** Checks the app and its redirect URI (accepted on the app's registered hosts). */
export function checkClient(state: MockState, clientId: string | undefined, redirectUri: string | undefined): Outcome<string> {
  if (!clientId) return { ok: false, problem: { code: 'missing_parameter', name: 'client_id' } };
  const client = entityAt(state.clients, clientId);
  if (!client) return { ok: false, problem: { code: 'unknown_client' } };
  if (!redirectUri) return { ok: false, problem: { code: 'missing_parameter', name: 'redirect_uri' } };
  let host: string;
  try {
    const url = new URL(redirectUri);
    host = url.hostname;
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError('protocol');
  } catch {
    return { ok: false, problem: { code: 'bad_redirect_uri', redirectUri } };
  }
  if (!client.redirectHosts.includes(host)) return { ok: false, problem: { code: 'bad_redirect_uri', redirectUri } };
  return { ok: true, value: client.id };
}

/** The user the consent screen approves as: the configured one, else the first by user name. */
export function consentingUser(state: MockState, approveAs: string | undefined): User | undefined {
  if (approveAs) return entityAt(state.users, approveAs);
  return Object.values(state.users).sort((a, b) => a.userName.localeCompare(b.userName))[0];
}

/** Issues an authorization code (the auto-approved consent). */
export function issueCode(tx: Transaction, clock: Clock, clientId: string, user: User, redirectUri: string): string {
  const code = nanoid(40);
  tx.put('authCodes', code, { code, clientId, userId: user.id, redirectUri, expiresAt: clock.now() + AUTH_CODE_MS, used: false });
  return code;
}

/** Issues an access token and a refresh token for the user. */
export function issueTokens(tx: Transaction, clock: Clock, clientId: string, userId: string): TokenAnswer {
  const now = clock.now();
  dropExpired(tx, now);
  const access: AccessToken = { token: nanoid(48), clientId, userId, issuedAt: now, expiresAt: now + ACCESS_TOKEN_SECONDS * 1000 };
  const refreshToken = nanoid(48);
  tx.put('accessTokens', access.token, access);
  tx.put('refreshTokens', refreshToken, { token: refreshToken, clientId, userId, expiresAt: now + REFRESH_TOKEN_MS, usedAt: null });
  return { access_token: access.token, token_type: 'bearer', expires_in: String(ACCESS_TOKEN_SECONDS), refresh_token: refreshToken };
}

/** The authorization-code grant: a code is single use and must come back with its redirect URI. */
export function exchangeCode(
  tx: Transaction,
  clock: Clock,
  params: { code?: string; redirectUri?: string; clientId: string },
): Outcome<TokenAnswer> {
  if (!params.code) return { ok: false, problem: { code: 'missing_parameter', name: 'code' } };
  const code = entityAt(tx.state.authCodes, params.code);
  if (!code || code.clientId !== params.clientId) return { ok: false, problem: { code: 'unknown_code' } };
  if (code.used) return { ok: false, problem: { code: 'code_used' } };
  if (code.expiresAt <= clock.now()) return { ok: false, problem: { code: 'code_expired' } };
  if (params.redirectUri !== code.redirectUri) return { ok: false, problem: { code: 'redirect_mismatch' } };
  tx.put('authCodes', code.code, { ...code, used: true });
  return { ok: true, value: issueTokens(tx, clock, code.clientId, code.userId) };
}

/** The refresh grant: refresh tokens rotate; using an old one again is refused ("Old refresh token used."). */
export function refreshTokens(
  tx: Transaction,
  clock: Clock,
  params: { refreshToken?: string; clientId: string; enforceInterval: boolean },
): Outcome<TokenAnswer> {
  if (!params.refreshToken) return { ok: false, problem: { code: 'missing_parameter', name: 'refresh_token' } };
  const now = clock.now();
  const token = entityAt(tx.state.refreshTokens, params.refreshToken);
  if (!token || token.clientId !== params.clientId) return { ok: false, problem: { code: 'unknown_refresh_token' } };
  if (token.usedAt !== null) return { ok: false, problem: { code: 'old_refresh_token' } };
  if (token.expiresAt <= now) return { ok: false, problem: { code: 'refresh_token_expired', expiredAt: token.expiresAt, now } };
  if (params.enforceInterval) {
    const latest = Math.max(
      0,
      ...Object.values(tx.state.accessTokens)
        .filter((a) => a.userId === token.userId && a.clientId === token.clientId)
        .map((a) => a.issuedAt),
    );
    if (now - latest < MIN_REFRESH_INTERVAL_MS) return { ok: false, problem: { code: 'token_not_expired' } };
  }
  tx.put('refreshTokens', token.token, { ...token, usedAt: now });
  return { ok: true, value: issueTokens(tx, clock, token.clientId, token.userId) };
}

/** The access token a bearer header names, expired or not: who is calling, even when the call is refused. */
export function bearerToken(state: MockState, bearer: string | undefined): AccessToken | undefined {
  const token = /^Bearer\s+(\S+)$/i.exec(bearer ?? '')?.[1];
  return token ? entityAt(state.accessTokens, token) : undefined;
}

/** The access token behind a bearer header, if it exists and has not expired. */
export function authenticate(state: MockState, bearer: string | undefined, now: number): AccessToken | undefined {
  const access = bearerToken(state, bearer);
  return access && access.expiresAt > now ? access : undefined;
}

/** Makes every access token (of one user, when given) expire now. */
export function expireAccessTokens(tx: Transaction, clock: Clock, userId?: string): number {
  let count = 0;
  for (const access of Object.values(tx.state.accessTokens)) {
    if ((userId && access.userId !== userId) || access.expiresAt <= clock.now()) continue;
    tx.put('accessTokens', access.token, { ...access, expiresAt: clock.now() });
    count += 1;
  }
  return count;
}

/**
 * Removes long-dead tokens and codes so the state does not grow with every refresh. An expired refresh token
 * is kept another 30 days, so that using it still answers "The refresh token expired at .." (not a bare error).
 */
function dropExpired(tx: Transaction, now: number): void {
  const graceMs = DAY_MS;
  for (const access of Object.values(tx.state.accessTokens)) if (access.expiresAt + graceMs < now) tx.remove('accessTokens', access.token);
  for (const code of Object.values(tx.state.authCodes)) if (code.expiresAt + graceMs < now) tx.remove('authCodes', code.code);
  for (const refresh of Object.values(tx.state.refreshTokens))
    if (refresh.expiresAt + REFRESH_TOKEN_MS < now) tx.remove('refreshTokens', refresh.token);
}
