import { afterEach, describe, expect, it } from 'vitest';
import { checkInvariants, type World } from '../core/index.js';
import { DEMO_DIVISIONS } from '../mock-accounting/index.js';
import { bookInvoice, connectedWorld } from './support/world.js';

const division = DEMO_DIVISIONS.main;

describe('reproductions through the core library only', () => {
  let world: World;
  afterEach(() => world?.close());

  it('R9: a booking deleted in Exact but not in Focus gives the next invoice the same booking number', async () => {
    world = await connectedWorld();
    bookInvoice(world, '2026-02-02');
    bookInvoice(world, '2026-02-03');
    const third = bookInvoice(world, '2026-02-04');
    const first = await world.sync();
    expect(first.errors).toEqual([]);
    expect(third.bookingNumber).toBe(1003);

    expect((await world.backOffice.deleteBooking(division, '70', 1003)).ok).toBe(true);
    const fourth = bookInvoice(world, '2026-02-05');
    const second = await world.sync();

    expect(fourth.bookingNumber).toBe(1003);
    expect(second.errors).toContain('The invoices 2026/3 and 2026/4 have the same booking number');
    expect(world.focus.unreadNotifications().at(-1)?.message).toBe('The invoices 2026/3 and 2026/4 have the same booking number');
    const violations = await checkInvariants(world);
    expect(violations.map((v) => v.invariant)).toEqual(['I1', 'I2']);
    expect(violations.find((v) => v.invariant === 'I2')?.message).toBe(
      '2026/3 and 2026/4 carry the same booking number 1003 (journal 70).',
    );
    expect(violations.find((v) => v.invariant === 'I1')?.message).toMatch(
      /Invoice 2026\/3 is linked to booking 1003 in journal 70, but that booking no longer exists/,
    );
  });

  it('R10: an invoice entered by hand in Exact before connecting is booked a second time by the sync', async () => {
    world = await connectedWorld();
    const hand = await world.backOffice.book(division, '70', {
      customerCode: '1',
      entryDate: '2026-02-02',
      yourRef: '2026/1',
      lines: [{ glAccountCode: '700000', amountCents: 10_000, vatCode: '21' }],
    });
    expect(hand.ok).toBe(true);
    bookInvoice(world, '2026-02-02');
    await world.sync();

    const violations = await checkInvariants(world);
    expect(violations).toEqual([
      {
        invariant: 'I1',
        message: 'Invoice 2026/1 stands 2 times in journal 70: bookings 1001 and 1002.',
        documents: ['2026/1'],
        bookings: [1001, 1002],
      },
      {
        invariant: 'I8',
        message: 'Booking 1001 in journal 70 (2026/1, 2026-02-02) is an orphan: Invoice 2026/1 is linked to booking 1002 instead.',
        documents: ['2026/1'],
        bookings: [1001],
      },
    ]);
  });

  it('the safe strategy links the existing bookings instead, leaving no violation (R9, R10)', async () => {
    world = await connectedWorld({ strategy: 'safe' });
    await world.backOffice.book(division, '70', {
      customerCode: '1',
      entryDate: '2026-02-02',
      yourRef: '2026/1',
      lines: [{ glAccountCode: '700000', amountCents: 10_000, vatCode: '21' }],
    });
    bookInvoice(world, '2026-02-02');
    const report = await world.sync();
    expect(report.linkedExisting).toBe(1);
    expect(report.invoicesBooked).toBe(0);
    expect(await checkInvariants(world)).toEqual([]);
  });

  it('the safe strategy books a document again when its booking was deleted, so no number is shared (R9)', async () => {
    world = await connectedWorld({ strategy: 'safe' });
    bookInvoice(world, '2026-02-02');
    bookInvoice(world, '2026-02-03');
    const third = bookInvoice(world, '2026-02-04');
    await world.sync();
    await world.backOffice.deleteBooking(division, '70', 1003);
    const fourth = bookInvoice(world, '2026-02-05');
    const report = await world.sync();

    expect(report.unlinkedDeleted).toEqual(['2026/3']);
    expect(report.errors).toEqual([]);
    expect([third.bookingNumber, fourth.bookingNumber]).toEqual([1003, 1004]);
    expect(await checkInvariants(world)).toEqual([]);
  });
});
