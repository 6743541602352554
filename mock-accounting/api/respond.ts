import type { Response } from 'express';
import { z } from 'zod';
import type { OAuthProblem } from '../domain/oauth.js';
import { problemMessage, type AccountingProblem, type Language, type RequestProblem } from '../domain/problems.js';
import { oauthError, problemStatus } from './problem-http.js';

/** What a handler answers; {@link sendReply} is the one place that turns it into HTTP. */
export type Reply =
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> }
  /** JSON already written, as UTF-8 bytes (an entity written as text, a list page joined from its rows' kept JSON). */
  | { kind: 'json-bytes'; status: number; body: Buffer; headers?: Record<string, string> }
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

/** The status a reply is answered with. */
export function replyStatus(reply: Reply, businessErrorStatus: number): number {
  if (reply.kind === 'problem') return problemStatus(reply.problem.code, businessErrorStatus);
  if (reply.kind === 'oauth_problem') return oauthError(reply.problem).status;
  return reply.status;
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
      sendJson(res, reply.status, Buffer.from(JSON.stringify(reply.body)), reply.headers);
      return;
    case 'json-bytes':
      sendJson(res, reply.status, reply.body, reply.headers);
      return;
    case 'text':
      res.status(reply.status).type('text/plain; charset=utf-8').send(reply.body);
      return;
    case 'empty':
      res.status(reply.status).end();
      return;
    case 'oauth_problem': {
      const { status, body } = oauthError(reply.problem);
      sendJson(res, status, Buffer.from(JSON.stringify(body)));
      return;
    }
    case 'problem': {
      const { problem } = reply;
      const message = problem.code === 'bad_query' ? problem.message : problemMessage(problem, lang);
      sendJson(res, problemStatus(problem.code, businessErrorStatus), Buffer.from(JSON.stringify(errorEnvelope(message))));
    }
  }
}

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Sends JSON bytes through Express's `send` (Content-Length, a conditional GET's 304, HEAD): as bytes with the type
 * already set, it need not parse the type again for its charset nor encode the text itself.
 */
function sendJson(res: Response, status: number, body: Buffer, headers?: Record<string, string>): void {
  if (headers) for (const name in headers) res.setHeader(name, headers[name]!);
  res.status(status);
  res.setHeader('Content-Type', JSON_TYPE);
  res.send(body);
}
