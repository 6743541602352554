import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_DIVISIONS } from '../../primitives/index.js';
import { bookInvoice, connectedWorld, STANDARD_LINE } from '../../test/support/world.js';
import type { World } from './world.js';
import { diffViews, isEmptyDiff } from './diff.js';

describe('diffViews', () => {
  let world: World;
  afterEach(() => world?.close());

  it('names what a step changed on both sides: a booking deleted, the counter moved back, nothing else', async () => {
    world = await connectedWorld();
    bookInvoice(world, '2026-02-02');
    bookInvoice(world, '2026-02-03');
    await world.sync();
    const before = await world.view();
    await world.backOffice.deleteBooking(DEMO_DIVISIONS.main, '70', 1002);
    const diff = diffViews(before, await world.view());
    expect(diff.bookings).toEqual([{ id: expect.any(String), label: 'booking 1002 (70)', change: 'removed', fields: [] }]);
    expect(diff.journals).toEqual([
      { id: '70', label: 'journal 70', change: 'changed', fields: [{ field: 'nextBookingNumber', before: 1003, after: 1002 }] },
    ]);
    expect(diff.documents).toEqual([]);
  });

  it('shows a document booked and synced with its new booking number, and the notification it got', async () => {
    world = await connectedWorld();
    const before = await world.view();
    const invoice = bookInvoice(world, '2026-02-02');
    await world.sync();
    const diff = diffViews(before, await world.view());
    expect(diff.documents).toEqual([{ id: invoice.id, label: '2026/1', change: 'added', fields: [] }]);
    expect(diff.bookings.map((b) => [b.label, b.change])).toEqual([['booking 1001 (70)', 'added']]);
    expect(diff.notifications).toEqual(['Synchronisation finished: 0 customers, 1 invoice and 0 credit notes synced']);
    expect(isEmptyDiff(diffViews(await world.view(), await world.view()))).toBe(true);
  });

  it('names lines edited after the sync (a field that holds objects), and not lines only copied with their document', async () => {
    world = await connectedWorld();
    const invoice = bookInvoice(world, '2026-02-02');
    await world.sync();
    const before = await world.view();
    expect(isEmptyDiff(diffViews(before, await world.view()))).toBe(true);
    const edited = world.focus.editLines(invoice.id, [{ ...STANDARD_LINE, unitPriceCents: 12_000 }]);
    expect(edited.ok).toBe(true);
    const diff = diffViews(before, await world.view());
    expect(diff.documents.map((d) => [d.label, d.change, d.fields.map((f) => f.field)])).toEqual([['2026/1', 'changed', ['lines']]]);
  });
});
