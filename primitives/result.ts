/** What went wrong, as a value: a `code` to branch on and a `message` saying what failed, why, and what to do next. */
export interface Problem<Code extends string = string> {
  code: Code;
  message: string;
}

/** A success: the value asked for. */
export interface Success<T> {
  ok: true;
  value: T;
}

/** A failure: the problem it ran into (a union on `code`, one per domain). */
export interface Failure<P> {
  ok: false;
  problem: P;
}

/**
 * The one shape of an expected outcome across booklab: a value, or a problem. Problems carry a `code`; most carry a
 * `message` too ({@link Problem}), the mock's domain problems carry facts that its HTTP boundary words in Exact's language.
 */
export type Result<T, P extends { code: string } = Problem> = Success<T> | Failure<P>;

/** Wraps a success. */
export const ok = <T>(value: T): Success<T> => ({ ok: true, value });

/** Wraps a failure. */
export const fail = <P extends { code: string }>(problem: P): Failure<P> => ({ ok: false, problem });
