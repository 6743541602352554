import { afterEach, describe, expect, it, vi } from 'vitest';
import { Focus } from '../../core/focus/focus.js';
import { World } from '../../core/index.js';
import { explore } from './explore.js';

// Planted bugs: crediting an invoice throws; the accounting server answers 500 to a booking. The explorer must class
// the histories that reach them as failures of the product (not as refusals, not as broken worlds) and shrink one to
// the few actions that reach the bug.

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

  it('includes a 5xx answer of the accounting server, even when Focus carries on', { timeout: 120_000 }, async () => {
    const create = World.create.bind(World);
    vi.spyOn(World, 'create').mockImplementation(async (options) => {
      const world = await create(options);
      await world.backOffice.addFault({ path: 'salesentry/SalesEntries', method: 'POST', status: 500, times: null });
      return world;
    });
    const { classes, findings } = await explore({ runs: 20, seed: 99, maxSteps: 6, strategy: 'faithful' });
    expect(classes['product-failure']).toBeGreaterThan(0);
    const failure = findings.find((f) => f.class === 'product-failure');
    expect(failure?.minimal.failure).toMatch(/^The accounting server answered 500 to POST \/api\/v1\/\d+\/salesentry\/SalesEntries/);
    expect(failure?.minimal.played.map((a) => a.do)).toEqual(['connect', 'book', 'sync']);
  });
});
