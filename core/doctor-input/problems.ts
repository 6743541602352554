import type { Failure, Result } from '../../primitives/index.js';
/** Why an input cannot be read, as a value: a `code` to branch on and where in which file it went wrong. */
export interface InputProblem {
  code:
    | 'unreadable-file'
    | 'malformed-csv'
    | 'empty-file'
    | 'unknown-header'
    | 'duplicate-header'
    | 'missing-column'
    | 'field-count'
    | 'bad-date'
    | 'bad-amount'
    | 'bad-number'
    | 'bad-status'
    | 'duplicate-entry'
    | 'unknown-journal'
    | 'missing-next-number'
    | 'usage'
    | 'bad-case-file'
    | 'exact-api';
  /** What failed, why, and what to do next; names the file, line and column when there is one. */
  message: string;
  /** The file the problem is in, or null (an option, an API). */
  file: string | null;
  /** 1-based line in the file (the header is line 1), or null. */
  line: number | null;
  /** 1-based column: the position of the field in its row (the first field is column 1), or null. */
  column: number | null;
}

/** An outcome of reading an input. */
export type InputResult<T> = Result<T, InputProblem>;

/** Where in a file a value stands. */
export interface Place {
  file: string;
  line: number;
  column: number;
}

/** A problem at a place in a file: the message starts with `file:line:column` so editors and people find it. */
export function problemAt(code: InputProblem['code'], place: Place, message: string): Failure<InputProblem> {
  return {
    ok: false,
    problem: {
      code,
      file: place.file,
      line: place.line,
      column: place.column,
      message: `${place.file}:${place.line}:${place.column}: ${message}`,
    },
  };
}

/** A problem that is not in a file (an option, a combination of options, an API answer). */
export function problemOf(code: InputProblem['code'], message: string, file: string | null = null): Failure<InputProblem> {
  return { ok: false, problem: { code, file, line: null, column: null, message } };
}
