import type { ExactError, ExactResult } from './errors.js';
import { envelopeMessage, parseODataJson } from './odata-json.js';

// The one place where the client turns HTTP answers into values: a 2xx into its body, any other status into an ExactError.

/** A raw answer: status, headers and body text. */
export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/** An answer as the client returns it: the parsed body of a 2xx, or the problem its status says. */
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
export function dailyLimitError(headers: Headers): ExactError {
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

/** The OAuth endpoints' refusal (`{"error","error_description"}`), or the status and text when the body is not one. */
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
