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
});
