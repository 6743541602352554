import type { AccountingProblem, RequestProblem } from './problems.js';

/** The outcome of a domain operation: a value, or the problem it was refused over. */
export type Result<T> = { ok: true; value: T } | { ok: false; problem: AccountingProblem | RequestProblem };

/** Wraps a success. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** Wraps a refusal. */
export const fail = (problem: AccountingProblem | RequestProblem): { ok: false; problem: AccountingProblem | RequestProblem } => ({
  ok: false,
  problem,
});
