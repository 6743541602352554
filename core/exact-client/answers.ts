import type { AnswerHeaders } from './answer-headers.js';
import type { ExactError, ExactResult } from './errors.js';
import type { TokenSet } from './tokens.js';
import { envelopeMessage, parseODataJson } from './odata-json.js';

// The one place where the client turns the server's HTTP answers into values: a success's JSON, an error's status and
// envelope, a spent daily limit, OAuth refusals and the consent screen's code, each an ExactError problem, never a throw.

/** A raw answer: status, headers and body text. */
export interface RawAnswer {
  status: number;
  headers: AnswerHeaders;
  text: string;
}

/** A call's answer as a value: the parsed JSON on success, else the {@link ExactError} its status means. */
export function interpret(answer: RawAnswer): ExactResult<unknown> {
  const { status, text } = answer;
  if (status === 204) return { ok: true, value: undefined };
  if (status >= 200 && status < 300) {
    try {
      return { ok: true, value: parseODataJson(text) };
    } catch {
      return { ok: false, problem: { code: 'rejected', status, message: 'The answer is not valid JSON.' } };
    }
  }
  const error: ExactError =
    status === 401
      ? {
          code: 'unauthorized',
          message: 'The bookkeeping tool refused the access token, also after a refresh. Connect the integration again.',
        }
      : status === 403
        ? {
            code: 'forbidden',
            reason: answer.headers.get('reason') ?? 'Forbidden',
            message: `No access: ${answer.headers.get('reason') ?? 'Forbidden'}.`,
          }
        : status === 404
          ? { code: 'not_found', message: envelopeMessage(text) }
          : status === 429
            ? {
                code: 'rate_limited',
                message: 'The bookkeeping tool keeps refusing calls: its API rate limit is used up. Try again later.',
              }
            : { code: 'rejected', status, message: envelopeMessage(text) };
  return { ok: false, problem: error };
}

/** A 429 with the day's calls spent (`X-RateLimit-Remaining: 0`): final until the daily reset, which it names. */
export function dailyLimitError(headers: AnswerHeaders): ExactError {
  const reset = Number(headers.get('x-ratelimit-reset'));
  const resetsAt = Number.isFinite(reset) && reset > 0 ? new Date(reset).toISOString() : null;
  const limit = headers.get('x-ratelimit-limit')?.trim();
  return {
    code: 'daily_limit',
    resetsAt,
    message:
      `The bookkeeping tool's daily API limit${limit ? ` of ${limit} calls` : ''} for this administration is used up` +
      `${resetsAt ? ` until ${resetsAt}` : ' until midnight (UTC)'}: nothing more can be sent today. Sync again after the reset.`,
  };
}

/** An OAuth refusal from its JSON body (`error`, `error_description`), or from the bare text when it has none. */
export function oauthError(answer: RawAnswer): ExactError {
  try {
    const body = JSON.parse(answer.text) as { error?: string; error_description?: string };
    return {
      code: 'oauth',
      status: answer.status,
      error: body.error ?? 'invalid_request',
      message: body.error_description ?? body.error ?? 'OAuth refused',
    };
  } catch {
    return { code: 'oauth', status: answer.status, error: 'invalid_request', message: answer.text.trim() || `HTTP ${answer.status}` };
  }
}

/** The authorization code in the consent screen's redirect (resolved against the request, as a relative `Location` may be). */
export function codeIn(location: string, requestUrl: string): string | null {
  try {
    return new URL(location, requestUrl).searchParams.get('code');
  } catch {
    return null;
  }
}

/** The token endpoint's success answer, or null when the body is not one (an HTML page, a proxy's answer). */
function tokenAnswer(text: string): { access_token: string; refresh_token: string; expires_in?: unknown } | null {
  try {
    const body = JSON.parse(text) as { access_token?: unknown; refresh_token?: unknown; expires_in?: unknown } | null;
    if (typeof body?.access_token !== 'string' || typeof body.refresh_token !== 'string') return null;
    return { access_token: body.access_token, refresh_token: body.refresh_token, expires_in: body.expires_in };
  } catch {
    return null;
  }
}

/** The tokens of the token endpoint's answer, expiring `expires_in` seconds (600 when it does not say) after `now`. */
export function tokensIn(answer: RawAnswer, now: number): ExactResult<TokenSet> {
  if (answer.status !== 200) return { ok: false, problem: oauthError(answer) };
  const body = tokenAnswer(answer.text);
  if (!body) {
    return {
      ok: false,
      problem: { code: 'oauth', status: answer.status, error: 'invalid_response', message: 'The token endpoint answered without tokens.' },
    };
  }
  const seconds = Number(body.expires_in);
  return {
    ok: true,
    value: {
      accessToken: body.access_token,
      refreshToken: body.refresh_token,
      expiresAt: now + (Number.isFinite(seconds) ? seconds : 600) * 1000,
    },
  };
}

/** A request that got no answer: the connection failed, so it may or may not have been carried out. */
export function networkError(url: string, error: unknown): ExactError {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return {
    code: 'network',
    message: `The connection to ${new URL(url).origin} failed (${cause?.code ?? cause?.message ?? (error as Error).message}); the request may or may not have been carried out.`,
  };
}
