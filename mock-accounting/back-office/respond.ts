import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { problemMessage, type AccountingProblem, type RequestProblem } from '../domain/problems.js';
import type { Result } from '../domain/result.js';
import { problemStatus } from '../api/problem-http.js';

/** A back-office answer: a value (200/201), or a problem mapped to a status by the same rule as the API. */
export type BackOfficeResult = Result<unknown> | { ok: true; value: unknown; status: 201 };

/** A success answered 201 Created. */
export const created = (value: unknown): BackOfficeResult => ({ ok: true, value, status: 201 });

/** Back-office problems are plain JSON: `{"error":{"code","message"}}` in English, for people and scripts. */
export const BackOfficeErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** Sends a back-office answer: the value, or the problem in {@link BackOfficeErrorSchema}'s shape. */
export function sendResult(res: Response, result: BackOfficeResult): void {
  if (result.ok) {
    res.status('status' in result ? result.status : 200).json(result.value);
    return;
  }
  const { status, code, message } = refusalOf(result.problem);
  const body: z.infer<typeof BackOfficeErrorSchema> = { error: { code, message } };
  res.status(status).json(body);
}

/** A problem as the back office answers it: its HTTP status, code and English message. */
export function refusalOf(problem: AccountingProblem | RequestProblem): { status: number; code: string; message: string } {
  return { status: problemStatus(problem.code, 400), code: problem.code, message: problemMessage(problem, 'en') };
}

/** A route whose body (and params) are validated with a zod schema before the handler sees them. */
export function route<S extends z.ZodType>(
  schema: S,
  handler: (input: z.infer<S>, req: Request) => BackOfficeResult | Promise<BackOfficeResult>,
): RequestHandler {
  return async function backOfficeRoute(req, res) {
    const parsed = schema.safeParse(req.body ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : 'body';
      sendResult(res, {
        ok: false,
        problem: {
          code: 'bad_request',
          message: `Invalid ${where}: ${(issue?.message ?? 'invalid').replace(/\.$/, '')}. See GET /__mock for the expected body.`,
        },
      });
      return;
    }
    sendResult(res, await handler(parsed.data, req));
  };
}

/** A whole-number path parameter (division, entry number, year, period) as the path carries it. */
export const WholeNumberParam = z.string().regex(/^\d{1,9}$/);

/** Reads a whole-number path parameter; undefined when it is not one. */
export function intParam(req: Request, name: string): number | undefined {
  const value = WholeNumberParam.safeParse(req.params[name]);
  return value.success ? Number(value.data) : undefined;
}
