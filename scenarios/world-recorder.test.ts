import { describe, expect, it } from 'vitest';
import { CATALOGUE } from './catalogue/index.js';
import { runScenario } from './run-scenario.js';

// What `record` adds to a result, on article 003's draft: the story's own numbers before and after each step.

const scenario = CATALOGUE.find((s) => s.id === 'draft-not-synced')!;

describe('recording both systems per step', () => {
  it('records the draft being booked as 2026/1, then synced as booking 1001 of journal 70', async () => {
    const result = await runScenario(scenario, { record: true });
    expect(result.status).toBe('passed');
    const at = (title: string) => result.steps.find((s) => s.title === title)!;
    const booked = at('Book the invoice');
    expect(
      booked.world?.documents.map(({ number, status, bookingNumber, customer, total }) => ({
        number,
        status,
        bookingNumber,
        customer,
        total,
      })),
    ).toEqual([{ number: '2026/1', status: 'booked', bookingNumber: null, customer: 'Atelier Lumière', total: '€1,210.00' }]);
    expect(booked.changes?.documents.map((c) => [c.change, c.fields.map((f) => [f.field, f.before, f.after])])).toEqual([
      [
        'changed',
        [
          ['number', null, '2026/1'],
          ['status', 'draft', 'booked'],
        ],
      ],
    ]);
    const synced = result.steps.find((s, i) => i > result.steps.indexOf(booked) && s.changes?.bookings.length)!;
    expect(synced.world?.documents.map((d) => [d.number, d.bookingNumber])).toEqual([['2026/1', 1001]]);
    expect(synced.world?.journals.find((j) => j.code === '70')).toMatchObject({
      nextBookingNumber: 1002,
      entries: [{ entryNumber: 1001, yourRef: '2026/1', amount: '€1,210.00' }],
    });
    expect(synced.changes?.journals.map((c) => c.fields)).toEqual([[{ field: 'nextBookingNumber', before: 1001, after: 1002 }]]);
    expect(result.worldAtStart?.documents).toEqual([]);
  });

  it('leaves the result as it was without record', async () => {
    const result = await runScenario(scenario);
    expect(result).not.toHaveProperty('worldAtStart');
    expect(result.steps.some((s) => 'world' in s || 'changes' in s)).toBe(false);
  });
});
