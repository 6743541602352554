import type { Failure, Result as ResultOf } from '../../primitives/index.js';
import type { AccountingProblem, RequestProblem } from './problems.js';

/** The outcome of a domain operation: a value, or the problem it was refused over (booklab's one result shape). */
export type Result<T> = ResultOf<T, AccountingProblem | RequestProblem>;

/** Wraps a success. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** Wraps a refusal. */
export const fail = (problem: AccountingProblem | RequestProblem): Failure<AccountingProblem | RequestProblem> => ({ ok: false, problem });
