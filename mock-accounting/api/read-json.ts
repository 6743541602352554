import type { Request, RequestHandler, Response } from 'express';
import type { Result } from '../../primitives/index.js';
import type { RequestProblem } from '../domain/problems.js';

/** Reads the JSON body; malformed JSON and bodies over 10 MB become problems, never crashes. */
export function readJson(req: Request, res: Response, parse: RequestHandler): Promise<Result<unknown, RequestProblem>> {
  return new Promise((resolve) => {
    const refuse = (code: 'bad_request' | 'body_too_large', message: string) => resolve({ ok: false, problem: { code, message } });
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.get('content-type') ?? '')?.[1]?.toLowerCase();
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      // JSON travels as UTF-8 (RFC 8259); another charset would be half-decoded (one UTF-16 byte becomes an empty body).
      return refuse('bad_request', `Error processing request stream. The body must be JSON in UTF-8, not ${charset}.`);
    }
    parse(req, res, (error?: unknown) => {
      if (!error) return resolve({ ok: true, value: req.body });
      const type = (error as { type?: string }).type;
      if (type === 'entity.too.large') {
        return refuse('body_too_large', 'Error processing request stream. The request body is larger than the maximum of 10 MB.');
      }
      refuse(
        'bad_request',
        type === 'entity.parse.failed'
          ? 'Error processing request stream. The body is not valid JSON.'
          : `Error processing request stream. ${(error as Error).message}`,
      );
    });
  });
}
