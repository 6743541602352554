import { describe, expect, it } from 'vitest';
import { fail, ok, type Result } from './result.js';

/** A made-up domain for the test: halving an even number. */
function half(n: number): Result<number, { code: 'odd'; message: string }> {
  return n % 2 === 0 ? ok(n / 2) : fail({ code: 'odd', message: `${n} is odd: give an even number.` });
}

describe('Result', () => {
  it('carries the value of a success', () => {
    expect(half(10)).toEqual({ ok: true, value: 5 });
  });

  it('carries the problem of a failure, code and message', () => {
    expect(half(3)).toEqual({ ok: false, problem: { code: 'odd', message: '3 is odd: give an even number.' } });
  });

  it('narrows on ok', () => {
    const outcome = half(7);
    expect(outcome.ok ? outcome.value : outcome.problem.code).toBe('odd');
  });
});
