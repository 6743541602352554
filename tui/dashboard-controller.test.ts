import { afterEach, describe, expect, it } from 'vitest';
import { DashboardController } from './dashboard-controller.js';
import { createDemoWorld } from './demo-world.js';

let controller: DashboardController | undefined;

afterEach(async () => {
  await controller?.close();
  controller = undefined;
});

describe('the dashboard controller', () => {
  it('marks what the first action changed in Focus, though its first view showed the live state', async () => {
    controller = await DashboardController.create({ world: await createDemoWorld() });
    const outcome = await controller.bookDraft();
    expect(outcome).toEqual({ ok: true, value: 'Booked 2026/7.' });
    const booked = controller.getSnapshot().diff?.documents.find((c) => c.label === '2026/7');
    expect(booked?.change).toBe('changed');
    expect(booked?.fields.map((f) => f.field)).toEqual(expect.arrayContaining(['number', 'status']));
  });

  it('reads the accounting side again only when an action can have changed it, and then shows what it holds', async () => {
    controller = await DashboardController.create({ world: await createDemoWorld() });
    const first = controller.getSnapshot().view.accounting;
    // Booking a draft changes Focus alone: the accounting side shown is the reading before, and still what it holds.
    expect((await controller.bookDraft()).ok).toBe(true);
    expect(controller.getSnapshot().view.accounting).toBe(first);
    expect(first).toEqual(await controller.world.readAccounting());
    // The sync posts the booking: the accounting side is read again and holds it.
    expect((await controller.sync()).ok).toBe(true);
    const synced = controller.getSnapshot().view.accounting;
    expect(synced).not.toBe(first);
    expect(synced.bookings.map((b) => b.yourRef)).toContain('2026/7');
    expect(synced).toEqual(await controller.world.readAccounting());
  });
});
