import { describe, expect, it } from 'vitest';
import { ONE_WAY_EXPORT } from './one-way-export.js';

// The generated bite table (test/scenarios-bite-*.test.ts) leaves out each repair step of these scenarios in turn.

describe('the one-way export scenarios', () => {
  it('registers the four scenarios of article 004', () => {
    expect(ONE_WAY_EXPORT.map((s) => s.id)).toEqual([
      'export-fee-charged-once',
      'export-preview-blocks-errors',
      'export-import-duplicates-undo',
      'export-generated-ids-start-value',
    ]);
    for (const scenario of ONE_WAY_EXPORT) expect(scenario.sources).toEqual(['004']);
  });
});
