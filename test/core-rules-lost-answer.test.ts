import { afterEach, describe, expect, it } from 'vitest';
import { checkInvariants, type World } from '../core/index.js';
import { DEMO_DIVISIONS } from '../mock-accounting/index.js';
import { bookInvoice, connectedWorld, STANDARD_LINE, TRANSPORTS } from './support/world.js';

// A sales entry posted while the answer is lost (focus-side.md §1d, bookzo "In gebruik: Boekstuknummer"):
// the faithful sync books it a second time, the safe strategy links the stored booking.

const division = DEMO_DIVISIONS.main;
const LOST = 'Invoice 2026/1 could not be synced: the connection to Exact Online was lost. It will be synced again next time.';

async function loseNextAnswer(world: World): Promise<void> {
  const fault = await world.backOffice.addFault({ method: 'POST', path: 'salesentry/SalesEntries', dropAfterCommit: true });
  expect(fault.ok).toBe(true);
}

async function bookings(world: World, journal: string) {
  const read = await world.backOffice.bookings(division, journal);
  if (!read.ok) throw new Error(read.problem.message);
  return read.value;
}

describe.each(TRANSPORTS)('core rules: a lost answer while posting (R6, R10, R15) (%s)', (transport) => {
  let world: World;
  afterEach(() => world?.close());

  it('R6: the document stays unlinked with the connection-lost error although Exact stored the booking', async () => {
    world = await connectedWorld({ transport });
    const invoice = bookInvoice(world, '2026-02-02');
    await loseNextAnswer(world);

    const report = await world.sync();
    expect(report).toMatchObject({ invoicesBooked: 0, errors: [LOST], notification: { kind: 'sync_error', message: LOST, shown: true } });
    expect([invoice.bookingNumber, invoice.link]).toEqual([null, null]);
    expect((await bookings(world, '70')).map((b) => [b.entryNumber, b.yourRef])).toEqual([[1001, '2026/1']]);
    expect(await checkInvariants(world)).toEqual([
      {
        invariant: 'I1',
        message: 'Invoice 2026/1 (2026-02-02) is not synced: it has no link to a booking in journal 70.',
        documents: ['2026/1'],
        bookings: [],
      },
      {
        invariant: 'I8',
        message: 'Booking 1001 in journal 70 (2026/1, 2026-02-02) is an orphan: Invoice 2026/1 has no link to it.',
        documents: ['2026/1'],
        bookings: [1001],
      },
    ]);
  });

  it('R10: the next faithful sync books it a second time, so it stands twice in Exact (I1)', async () => {
    world = await connectedWorld({ transport });
    const invoice = bookInvoice(world, '2026-02-02');
    await loseNextAnswer(world);
    await world.sync();

    const retry = await world.sync();
    expect(retry).toMatchObject({ invoicesBooked: 1, errors: [] });
    expect(invoice.bookingNumber).toBe(1002);
    expect((await bookings(world, '70')).map((b) => [b.entryNumber, b.yourRef])).toEqual([
      [1001, '2026/1'],
      [1002, '2026/1'],
    ]);
    expect(await checkInvariants(world)).toEqual([
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

  it('R10: the safe strategy links the stored booking instead of booking it again', async () => {
    world = await connectedWorld({ strategy: 'safe', transport });
    const invoice = bookInvoice(world, '2026-02-02');
    await loseNextAnswer(world);
    expect((await world.sync()).errors).toEqual([LOST]);

    const retry = await world.sync();
    expect(retry).toMatchObject({ invoicesBooked: 0, linkedExisting: 1, errors: [] });
    expect(retry.notification?.message).toBe('Synchronisation finished: 0 customers, 1 invoice and 0 credit notes synced');
    expect(invoice.bookingNumber).toBe(1001);
    expect(await bookings(world, '70')).toHaveLength(1);
    expect(await checkInvariants(world)).toEqual([]);
  });

  it('R15: a credit note linked by the safe strategy is counted as a credit note in the bell', async () => {
    world = await connectedWorld({ strategy: 'safe', transport });
    const company = Object.values(world.focus.state.companies)[0]!;
    const draft = world.focus.createDraft({ kind: 'credit_note', companyId: company.id, date: '2026-02-02', lines: [STANDARD_LINE] });
    const creditNote = world.focus.book(draft.ok ? draft.value.id : '');
    await loseNextAnswer(world);
    expect((await world.sync()).errors).toEqual([
      'Credit note 2026/1 could not be synced: the connection to Exact Online was lost. It will be synced again next time.',
    ]);

    const retry = await world.sync();
    expect(retry).toMatchObject({ linkedExisting: 1, linkedCreditNotes: 1 });
    expect(retry.notification?.message).toBe('Synchronisation finished: 0 customers, 0 invoices and 1 credit note synced');
    expect(creditNote.ok && creditNote.value.bookingNumber).toBe(8001);
    expect(await checkInvariants(world)).toEqual([]);
  });

  it('R6: only the answer of the first post is lost; the next documents of the same sync are linked', async () => {
    world = await connectedWorld({ transport });
    const [first, second] = [bookInvoice(world, '2026-02-02'), bookInvoice(world, '2026-02-03')];
    await loseNextAnswer(world);
    const report = await world.sync();
    expect(report).toMatchObject({ invoicesBooked: 1, errors: [LOST] });
    expect([first.bookingNumber, second.bookingNumber]).toEqual([null, 1002]);
  });
});
