import { describe, expect, it, vi } from 'vitest';
import { World } from '../core/index.js';
import { DAY_MS } from '../primitives/index.js';
import { CATALOGUE } from './catalogue/index.js';
import { runScenario } from './run-scenario.js';
import { WorldRecorder } from './world-recorder.js';

// What `record` adds to a result, on article 003's draft: the story's own numbers before and after each step. While the
// draft waits, invoice 2026/1 of 18 February is booked, so the draft becomes 2026/2.

const scenario = CATALOGUE.find((s) => s.id === 'draft-not-synced')!;

describe('recording both systems per step', () => {
  it('records the draft being booked as 2026/2, then synced as booking 1002 of journal 70 after 2026/1 as 1001', async () => {
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
    ).toEqual([
      { number: '2026/1', status: 'booked', bookingNumber: null, customer: 'Brouwerij De Kroon', total: '€1,210.00' },
      { number: '2026/2', status: 'booked', bookingNumber: null, customer: 'Atelier Lumière', total: '€1,210.00' },
    ]);
    expect(booked.changes?.documents.map((c) => [c.change, c.fields.map((f) => [f.field, f.before, f.after])])).toEqual([
      [
        'changed',
        [
          ['number', null, '2026/2'],
          ['status', 'draft', 'booked'],
        ],
      ],
    ]);
    const synced = result.steps.find((s, i) => i > result.steps.indexOf(booked) && s.changes?.bookings.length)!;
    expect(synced.world?.documents.map((d) => [d.number, d.bookingNumber])).toEqual([
      ['2026/1', 1001],
      ['2026/2', 1002],
    ]);
    expect(synced.world?.journals.find((j) => j.code === '70')).toMatchObject({
      nextBookingNumber: 1003,
      entries: [
        { entryNumber: 1001, yourRef: '2026/1', amount: '€1,210.00' },
        { entryNumber: 1002, yourRef: '2026/2', amount: '€1,210.00' },
      ],
    });
    expect(synced.changes?.journals.map((c) => c.fields)).toEqual([[{ field: 'nextBookingNumber', before: 1001, after: 1003 }]]);
    expect(result.worldAtStart?.documents).toEqual([]);
  });

  it('leaves the result as it was without record', async () => {
    const result = await runScenario(scenario);
    expect(result).not.toHaveProperty('worldAtStart');
    expect(result.steps.some((s) => 'world' in s || 'changes' in s)).toBe(false);
  });

  it('reads the accounting side again only once it changed: a booking by hand, the clock moved', async () => {
    const world = await World.create({ transport: 'in-process' });
    try {
      const recorder = await WorldRecorder.start(world);
      const reads = vi.spyOn(world, 'readAccounting');
      await recorder.afterStep();
      expect(reads).not.toHaveBeenCalled();
      expect(recorder.steps[0]?.changes.bookings).toEqual([]);
      await world.backOffice.book(world.division, '70', {
        customerCode: '1',
        yourRef: 'by hand',
        lines: [{ glAccountCode: '700000', amountCents: 80_000, vatCode: '21' }],
      });
      await recorder.afterStep();
      expect(reads).toHaveBeenCalledTimes(1);
      expect(recorder.steps[1]?.changes.bookings.map((c) => c.change)).toEqual(['added']);
      await world.setTime(world.clock.now() + DAY_MS);
      await recorder.afterStep();
      expect(reads).toHaveBeenCalledTimes(2);
      expect(recorder.steps[2]?.world).toEqual(recorder.steps[1]?.world);
    } finally {
      await world.close();
    }
  });
});
