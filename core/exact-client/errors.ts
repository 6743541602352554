import type { Result } from '../../primitives/index.js';

/** Why a call to the accounting API failed, as a value the sync engine can report (the problem of an {@link ExactResult}). */
export type ExactError =
  /** Exact refused the request with a message (4xx/5xx with the OData error envelope). */
  | { code: 'rejected'; status: number; message: string }
  /** The token was refused and a refresh did not help: the integration must be connected again. */
  | { code: 'unauthorized'; message: string }
  /** No access to the division (`Reason` header). */
  | { code: 'forbidden'; reason: string; message: string }
  | { code: 'not_found'; message: string }
  /** Still rate-limited after waiting for the reset the allowed number of times. */
  | { code: 'rate_limited'; message: string }
  /** The day's calls are spent (429, `X-RateLimit-Remaining: 0`): every call fails until `resetsAt` (ISO), so the run stops. */
  | { code: 'daily_limit'; resetsAt: string | null; message: string }
  /** The connection failed or was cut: the request may or may not have been carried out. */
  | { code: 'network'; message: string }
  /** The OAuth endpoints refused (`{"error","error_description"}`). */
  | { code: 'oauth'; status: number; error: string; message: string };

/** The outcome of an API call. */
export type ExactResult<T> = Result<T, ExactError>;

/** Thrown for a bug in how the client is used (not for anything the server answers). */
export class ExactClientError extends Error {
  override name = 'ExactClientError';
}
