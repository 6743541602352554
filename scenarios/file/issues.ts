import type { z } from 'zod';
import { intendedStepKind } from './steps-schema.js';

// Zod's issues as one line each, `path: what was expected`, in the words of the format: an unknown action says
// which actions exist, a step meant as a procedure is judged as a procedure (not as every kind of step at once).

type Key = PropertyKey;

/** `steps[3].actions[0].date`; `(the file)` for the root. */
export function pathInWords(path: readonly Key[]): string {
  let text = '';
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : `${text ? '.' : ''}${String(key)}`;
  return text || '(the file)';
}

function valueAt(raw: unknown, path: readonly Key[]): unknown {
  let value = raw;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<Key, unknown>)[key];
  }
  return value;
}

/** What a discriminator names, for "unknown action". */
const DISCRIMINATED: Record<string, string> = { do: 'action', expect: 'check', procedure: 'procedure', plan: 'plan' };

/** Zod's default wording, "Invalid input: expected string, received undefined", made plain. */
function plain(message: string): string {
  return message.replace(/^Invalid (input|option): /, '').replace(/, received \w+$/, '');
}

/** The issues of one parse of `raw`, each as `path: message`, in the order zod found them. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], raw: unknown, base: readonly Key[] = []): string[] {
  return issues.flatMap((issue): string[] => {
    const path = [...base, ...issue.path];
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => `${pathInWords([...path, key])}: unknown field "${key}"; leave it out or check its spelling`);
    if (issue.code === 'invalid_union' && 'discriminator' in issue && typeof issue.discriminator === 'string') {
      const given = valueAt(raw, path);
      const what = DISCRIMINATED[issue.discriminator] ?? issue.discriminator;
      const options = (issue as { options?: unknown[] }).options?.join(', ') ?? '';
      return [
        `${pathInWords(path)}: ${given === undefined ? `required; expected a ${what}` : `unknown ${what} ${JSON.stringify(given)}`}; expected one of ${options}`,
      ];
    }
    if (issue.code === 'invalid_union' && issue.errors.length === 3 && path.length === 2 && path[0] === 'steps') {
      const branch = issue.errors[intendedStepKind(valueAt(raw, path))] ?? [];
      return describeIssues(branch, raw, path);
    }
    const missing =
      valueAt(raw, path) === undefined &&
      (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_format');
    return [`${pathInWords(path)}: ${missing ? 'required, ' : ''}${plain(issue.message)}`];
  });
}
