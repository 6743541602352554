import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_DIVISIONS } from '../mock-accounting/index.js';
import { bookInvoice, connectedWorld } from '../test/support/world.js';
import { DashboardController } from './dashboard-controller.js';
import { plainRendering } from './plain-rendering.js';

describe('the plain rendering for a stdout that is not a terminal', () => {
  let controller: DashboardController | undefined;
  afterEach(async () => {
    await controller?.close();
    controller = undefined;
  });

  it('R9, I1, I2: lists both systems in full, marks the shared booking number and gives the checker its whole words', async () => {
    const world = await connectedWorld();
    bookInvoice(world, '2026-02-02');
    bookInvoice(world, '2026-02-03');
    await world.sync();
    await world.backOffice.deleteBooking(DEMO_DIVISIONS.main, '70', 1002);
    bookInvoice(world, '2026-02-03');
    await world.sync();
    controller = await DashboardController.create({ world, title: 'ticket 4711' });

    const lines = plainRendering(controller.getSnapshot()).split('\n');
    expect(lines[0]).toBe('booklab ▸ ticket 4711  🔔 2  2026-03-02');
    expect(lines).toContain('Focus · Invoices and credit notes');
    expect(lines.filter((l) => /^ {2}2026\/[23] .* 1002 !/.test(l))).toHaveLength(2);
    expect(lines).toContain('  70 Sales invoices · next 1003');
    expect(lines).toContain(
      'I1 ✗ Invoice 2026/2 is linked to booking 1002 in journal 70, but that booking no longer exists in the bookkeeping tool.',
    );
    expect(lines).toContain('I2 ✗ 2026/2 and 2026/3 carry the same booking number 1002 (journal 70).');
    expect(lines.at(-1)).toBe('I8 ✓ Every booking from the start date stands for a booked document linked to it; no orphans');
  });
});
