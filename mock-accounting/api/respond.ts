import type { Response } from 'express';
import { z } from 'zod';
import type { OAuthErrorSchema } from './oauth-schemas.js';
import type { OAuthProblem } from '../domain/oauth.js';
import { problemMessage, type AccountingProblem, type Language, type RequestProblem } from '../domain/problems.js';

/** What a handler answers; {@link sendReply} is the one place that turns it into HTTP. */
export type Reply =
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> }
  /** JSON already written, as UTF-8 bytes (a list page joined from its rows' kept JSON). */
  | { kind: 'json-bytes'; status: number; body: Buffer }
  | { kind: 'text'; status: number; body: string }
  | { kind: 'empty'; status: number }
  | { kind: 'problem'; problem: AccountingProblem | RequestProblem | { code: 'bad_query'; message: string } }
  | { kind: 'oauth_problem'; problem: OAuthProblem };

/** How problems map to HTTP. */
export interface ReplySettings {
  lang: Language;
  /** Status of business errors (400, or 500 as older Exact did). */
  businessErrorStatus: number;
}

/** The HTTP status of a problem: client mistakes are 4xx by kind, business rules take the configured status. */
export function problemStatus(code: string, businessErrorStatus: number): number {
  switch (code) {
    case 'not_found':
      return 404;
    case 'method_not_allowed':
      return 405;
    case 'bad_request':
    case 'bad_query':
    case 'binding_new_entities':
      return 400;
    case 'body_too_large':
      // Exact limits POST bodies to 10 MB without saying how it answers more; 413 is HTTP's status for it.
      return 413;
    case 'daily_quota_exhausted':
      // Yuki's API is a SOAP service, and SOAP 1.1 sends every fault, its quota fault included, as HTTP 500.
      return 500;
    default:
      return businessErrorStatus;
  }
}

/** The status a reply is answered with. */
export function replyStatus(reply: Reply, businessErrorStatus: number): number {
  if (reply.kind === 'problem') return problemStatus(reply.problem.code, businessErrorStatus);
  if (reply.kind === 'oauth_problem') return oauthError(reply.problem).status;
  return reply.status;
}

/** The OAuth error answer (`{"error","error_description"}`) and its status, as Exact's token endpoint gives them. */
export function oauthError(problem: OAuthProblem): { status: number; body: z.infer<typeof OAuthErrorSchema> } {
  switch (problem.code) {
    case 'old_refresh_token':
      return { status: 401, body: { error: 'unauthorized_client', error_description: 'Old refresh token used.' } };
    case 'token_not_expired':
      return { status: 401, body: { error: 'invalid_request', error_description: 'Access Token not expired' } };
    case 'refresh_token_expired':
      return {
        status: 400,
        body: {
          error: 'invalid_request',
          error_description: `The refresh token expired at ${new Date(problem.expiredAt).toISOString()} and it is now ${new Date(problem.now).toISOString()}`,
        },
      };
    case 'unsupported_grant_type':
      return {
        status: 400,
        body: {
          error: 'unsupported_grant_type',
          error_description: `Grant type '${problem.grantType}' is not supported: use authorization_code or refresh_token.`,
        },
      };
    case 'unsupported_response_type':
      return {
        status: 400,
        body: {
          error: 'unsupported_response_type',
          error_description: `Response type '${problem.responseType}' is not supported: use code or token.`,
        },
      };
    case 'missing_parameter':
      return { status: 400, body: { error: 'invalid_request', error_description: `Missing parameter: ${problem.name}.` } };
    case 'repeated_parameter':
      return {
        status: 400,
        body: { error: 'invalid_request', error_description: `Parameter ${problem.name} must be given once, as text.` },
      };
    case 'bad_redirect_uri':
      return {
        status: 400,
        body: {
          error: 'invalid_request',
          error_description: `The redirect_uri ${problem.redirectUri} is not registered for this app: use a URI on localhost or 127.0.0.1.`,
        },
      };
    case 'unknown_client':
    case 'bad_client_secret':
      return {
        status: 400,
        body: {
          error: 'invalid_request',
          error_description: 'Unknown client_id or wrong client_secret. The demo app is booklab-demo / booklab-demo-secret.',
        },
      };
    case 'no_user':
      return {
        status: 400,
        body: {
          error: 'invalid_request',
          error_description: 'No user can approve: the accounting state has no users. Reset it with a seed (POST /__mock/reset).',
        },
      };
    default:
      return { status: 400, body: { error: 'invalid_request' } };
  }
}

/** Exact's OData error envelope: `{"error":{"code":"","message":{"lang":"","value":…}}}`, several messages joined with CRLF. */
export const ODataErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.object({ lang: z.string(), value: z.string() }) }),
});

/** Exact's OData error envelope. */
export function errorEnvelope(message: string): z.infer<typeof ODataErrorSchema> {
  return { error: { code: '', message: { lang: '', value: message } } };
}

/**
 * Sends a reply. When a fault asked to drop the answer after the commit, the connection is cut
 * instead: the change is stored but the client never hears of it.
 */
export function sendReply(res: Response, reply: Reply, { lang, businessErrorStatus }: ReplySettings): void {
  if (res.locals.dropAfterCommit) {
    res.socket?.destroy();
    return;
  }
  switch (reply.kind) {
    case 'json':
      for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
      res.status(reply.status).type('application/json; charset=utf-8').send(JSON.stringify(reply.body));
      return;
    case 'json-bytes':
      res.status(reply.status).type('application/json; charset=utf-8').send(reply.body);
      return;
    case 'text':
      res.status(reply.status).type('text/plain; charset=utf-8').send(reply.body);
      return;
    case 'empty':
      res.status(reply.status).end();
      return;
    case 'oauth_problem': {
      const { status, body } = oauthError(reply.problem);
      res.status(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
      return;
    }
    case 'problem': {
      const { problem } = reply;
      const message = problem.code === 'bad_query' ? problem.message : problemMessage(problem, lang);
      res
        .status(problemStatus(problem.code, businessErrorStatus))
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(errorEnvelope(message)));
    }
  }
}
