import type { Request, RequestHandler, Response } from 'express';
import type { Result } from '../../primitives/index.js';
import type { RequestProblem } from '../domain/problems.js';

type Read = Result<unknown, RequestProblem>;

/** Express's JSON parser's limit: 10 MB. */
const LIMIT_BYTES = 10 * 1024 * 1024;

const TOO_LARGE = 'Error processing request stream. The request body is larger than the maximum of 10 MB.';
const NOT_JSON = 'Error processing request stream. The body is not valid JSON.';

/**
 * Reads the JSON body; malformed JSON and bodies over 10 MB become problems, never crashes. A plain body (no
 * Content-Encoding, no charset named, a readable stream within the limit) is read here, as Express's JSON parser
 * (`parse`) reads it but without its per-request machinery, the largest part of a post's cost after the booking itself;
 * any other goes to that parser, so every answer stays the parser's.
 */
export function readJson(req: Request, res: Response, parse: RequestHandler): Promise<Read> {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.get('content-type') ?? '')?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    // JSON travels as UTF-8 (RFC 8259); another charset would be half-decoded (one UTF-16 byte becomes an empty body).
    return Promise.resolve(refusal('bad_request', `Error processing request stream. The body must be JSON in UTF-8, not ${charset}.`));
  }
  return isPlain(req) ? readPlain(req) : readWithParser(req, res, parse);
}

/** What the parser does with a body it reads itself: no encoding to undo, no charset to check, nothing read or set yet. */
function isPlain(req: Request): boolean {
  const { headers } = req;
  const encoding = headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
  if (headers['content-type']?.toLowerCase().includes('charset')) return false;
  if ('body' in (req as object) || req.readableEncoding !== null || !req.readable || isFinished(req)) return false;
  const length = contentLength(req);
  return length === null || length <= LIMIT_BYTES;
}

/** The parser's test (on-finished) of a request already read or cut off. */
function isFinished(req: Request & { upgrade?: boolean }): boolean {
  const { socket } = req;
  return Boolean(req.upgrade || !socket || !socket.readable || (req.complete && !req.readable));
}

/** The declared length as the parser reads it; null when there is none. */
function contentLength(req: Request): number | null {
  const header = req.headers['content-length'];
  return header != null && !isNaN(header as unknown as number) ? parseInt(header, 10) : null;
}

/** The parser's reading of a plain body: whole, within the limit, decoded as UTF-8 without a BOM, then parsed strictly. */
function readPlain(req: Request): Promise<Read> {
  // The parser skips a request that says it has no body: the body is then undefined.
  if (req.headers['transfer-encoding'] === undefined && isNaN(req.headers['content-length'] as unknown as number))
    return Promise.resolve({ ok: true, value: undefined });
  const length = contentLength(req);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const stop = () => {
      req.off('aborted', onAborted);
      req.off('close', stop);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onEnd);
    };
    // As the parser answers a failed read: once the rest of the request has been read off.
    const fail = (code: 'bad_request' | 'body_too_large', message: string) => {
      stop();
      req.unpipe();
      req.pause();
      const answer = () => resolve(refusal(code, message));
      if (isFinished(req)) return answer();
      req.once('end', answer);
      req.once('close', answer);
      req.resume();
    };
    function onAborted() {
      fail('bad_request', 'Error processing request stream. request aborted');
    }
    function onData(chunk: Buffer) {
      received += chunk.length;
      if (received > LIMIT_BYTES) fail('body_too_large', TOO_LARGE);
      else chunks.push(chunk);
    }
    function onEnd(error?: Error) {
      if (error) return fail('bad_request', `Error processing request stream. ${error.message}`);
      if (length !== null && received !== length)
        return fail('bad_request', 'Error processing request stream. request size did not match content length');
      stop();
      resolve(parseStrict(textOf(chunks)));
    }
    req.on('aborted', onAborted);
    req.on('close', stop);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onEnd);
  });
}

/** UTF-8 text of the body without a leading byte-order mark, as the parser's decoder gives it. */
function textOf(chunks: readonly Buffer[]): string {
  const text = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The parser's strict JSON: an empty body is `{}`, anything else must be an object or an array. */
function parseStrict(text: string): Read {
  if (text.length === 0) return { ok: true, value: {} };
  const first = /^[ \t\n\r]*([^ \t\n\r]|$)/.exec(text)?.[1];
  if (first !== '{' && first !== '[') return refusal('bad_request', NOT_JSON);
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return refusal('bad_request', NOT_JSON);
  }
}

/** Reads the body with Express's JSON parser. */
function readWithParser(req: Request, res: Response, parse: RequestHandler): Promise<Read> {
  return new Promise((resolve) => {
    parse(req, res, (error?: unknown) => {
      if (!error) return resolve({ ok: true, value: req.body });
      const type = (error as { type?: string }).type;
      if (type === 'entity.too.large') return resolve(refusal('body_too_large', TOO_LARGE));
      resolve(
        refusal('bad_request', type === 'entity.parse.failed' ? NOT_JSON : `Error processing request stream. ${(error as Error).message}`),
      );
    });
  });
}

function refusal(code: 'bad_request' | 'body_too_large', message: string): Read {
  return { ok: false, problem: { code, message } };
}
