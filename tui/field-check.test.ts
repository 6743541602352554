import { describe, expect, it } from 'vitest';
import { checkField } from './field-check.js';

describe('checkField', () => {
  it('flags a bad date the moment it is typed, and only calls a half-typed one incomplete', () => {
    expect(checkField('field:delinkDate', '2026-02-19')).toEqual({ state: 'ok' });
    expect(checkField('field:delinkDate', '2026-0').state).toBe('incomplete');
    expect(checkField('field:delinkDate', '2026-02-1').state).toBe('incomplete');
    expect(checkField('field:startDate', '2026-1').state).toBe('incomplete');
    expect(checkField('field:startDate', '2026-13').state).toBe('bad');
    expect(checkField('field:startDate', '2026-2').state).toBe('bad');
    expect(checkField('field:startDate', '2026-02-30').state).toBe('bad');
    expect(checkField('field:startDate', '2026-02-4').state).toBe('bad');
    expect(checkField('field:startDate', 'x')).toEqual({ state: 'bad', message: '"x" is not a date: type YYYY-MM-DD, e.g. 2026-02-19' });
  });

  it('wants digits for a journal and a file name for a case file', () => {
    expect(checkField('field:invoiceJournal', '70')).toEqual({ state: 'ok' });
    expect(checkField('field:invoiceJournal', '7a').state).toBe('bad');
    expect(checkField('save-case', 'cases/').state).toBe('bad');
    expect(checkField('save-case', '').state).toBe('incomplete');
    expect(checkField('filter', 'anything')).toEqual({ state: 'ok' });
  });
});
