import { afterEach, describe, expect, it, vi } from 'vitest';
import { Focus } from '../../core/focus/focus.js';
import { explore } from './explore.js';

// A planted bug: crediting an invoice throws. The explorer must class the histories that credit as failures of the
// product (not as refusals, not as broken worlds) and shrink one to the few actions that reach the credit.

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a failure of the product', () => {
  it('is its own class, shrunk to the actions that reach it', { timeout: 120_000 }, async () => {
    vi.spyOn(Focus.prototype, 'credit').mockImplementation(() => {
      throw new TypeError('planted: crediting throws');
    });
    const { classes, findings } = await explore({ runs: 100, seed: 99, maxSteps: 8, strategy: 'faithful' });
    expect(classes['product-failure']).toBeGreaterThan(0);
    const failure = findings.find((f) => f.class === 'product-failure');
    expect(failure?.minimal.failure).toBe('planted: crediting throws');
    expect(failure?.minimal.played.map((a) => a.do)).toEqual(['connect', 'book', 'credit']);
  });
});
