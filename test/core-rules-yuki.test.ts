import { afterEach, describe, expect, it } from 'vitest';
import { checkInvariants, World, type ConnectInput } from '../core/index.js';
import { DEMO_DIVISIONS } from '../mock-accounting/index.js';
import { bookInvoice } from './support/world.js';

// R17 with Yuki (article 003, focus-side.md §2): invoices go once a night without a notification; each
// sync costs at least 2 API calls plus 1 per invoice against the domain's daily quota (1,000 by default),
// and a sync that uses it up leaves the rest for the next night, booking nothing twice (I1, I2).

const division = DEMO_DIVISIONS.main;
const YUKI: ConnectInput = {
  tool: 'yuki',
  division,
  startDate: '2026-01-01',
  invoiceJournal: '70',
  creditNoteJournal: '71',
  importContacts: true,
};
const DAY = 86_400_000;
const QUOTA_FAULT = /^The daily limit of (\d+) API calls for domain booklab-demo has been reached\. The limit is reset at midnight\./;

/** A world on the yuki seed with a daily quota of `yukiDailyCalls`, connected with the nightly sync as Yuki sets it. */
async function yukiWorld(yukiDailyCalls?: number): Promise<World> {
  const world = await World.create({ seed: 'yuki', accounting: yukiDailyCalls === undefined ? {} : { yukiDailyCalls } });
  const result = await world.connect('admin', YUKI);
  if (!result.ok) throw new Error(result.problem.message);
  return world;
}

/** The API calls the accounting server answered since the last call of this function. */
async function apiCalls(world: World): Promise<Array<{ method: string; path: string; status: number }>> {
  const calls = (await (await fetch(`${world.serverUrl}/__mock/requests`)).json()) as Array<{
    method: string;
    path: string;
    status: number;
  }>;
  await fetch(`${world.serverUrl}/__mock/requests`, { method: 'DELETE' });
  return calls.filter((c) => c.path.startsWith('/api/v1/'));
}

/** "GET vat/VATCodes": the method and the API path after the division, without the query. */
const callOf = (call: { method: string; path: string }) =>
  `${call.method} ${call.path.replace(/^\/api\/v1\/\d+\//, '').replace(/\?.*$/, '')}`;

async function entriesOf(world: World, journal: string) {
  const read = await world.backOffice.bookings(division, journal);
  if (!read.ok) throw new Error(read.problem.message);
  return read.value;
}

describe('core rules: Yuki syncs at night against a daily call quota (R17)', () => {
  let world: World;
  afterEach(() => world?.close());

  it('R17: a Yuki integration syncs each night unless switched off, and the nightly sync gives no notification', async () => {
    world = await yukiWorld();
    expect(world.focus.state.integration?.settings.nightlySync).toBe(true);
    const invoice = bookInvoice(world, '2026-03-02');
    const [night, ...more] = await world.advance(DAY);
    expect(more).toEqual([]);
    expect(night).toMatchObject({ trigger: 'nightly', invoicesBooked: 1, errors: [], notification: null });
    expect(invoice.bookingNumber).toBe(1001);
    expect(world.focus.state.bell.notifications).toEqual([]);
  });

  it('R17: a sync costs 2 API calls plus 1 per invoice, and 2 more to read the payment status of synced invoices: exactly that many', async () => {
    world = await yukiWorld();
    await apiCalls(world);
    const none = await world.sync();
    expect(none.notification?.message).toBe('There are no changes');
    expect((await apiCalls(world)).map(callOf)).toEqual(['GET financial/GLAccounts', 'GET vat/VATCodes']);

    for (let day = 2; day <= 6; day += 1) bookInvoice(world, `2026-03-0${day}`);
    expect((await world.sync()).invoicesBooked).toBe(5);
    const calls = (await apiCalls(world)).map(callOf);
    expect(calls.filter((c) => c === 'POST salesentry/SalesEntries')).toHaveLength(5);
    expect(calls).toHaveLength(2 + 5 + 2);
    expect(calls.slice(-2)).toEqual(['GET cashflow/Receivables', 'GET read/financial/ReceivablesList']);

    // Nothing new: the reference calls and the payment status of the five.
    await world.sync();
    expect(await apiCalls(world)).toHaveLength(2 + 2);
  });

  it('R17: a large nightly sync uses up the quota; the rest goes the next night, none twice (I1, I2), without waiting for midnight', async () => {
    world = await yukiWorld(20);
    const invoices = Array.from({ length: 30 }, (_, i) => bookInvoice(world, `2026-02-${String(1 + (i % 28)).padStart(2, '0')}`));

    const [first] = await world.advance(DAY);
    const booked = first!.invoicesBooked;
    expect(booked).toBeGreaterThan(0);
    expect(booked).toBeLessThan(30);
    expect(first!.errors).toHaveLength(1);
    expect(first!.errors[0]).toMatch(QUOTA_FAULT);
    expect(first!.errors[0]).toContain(
      `${30 - booked} invoices and credit notes were not synced: the first sync after midnight sends them.`,
    );
    expect(first!.notification).toBeNull();
    // The quota fault is no 429: the client did not sleep until midnight (the frozen clock moves only by waits).
    expect(new Date(world.clock.now()).toISOString()).toBe('2026-03-03T09:00:00.000Z');
    expect((await checkInvariants(world)).filter((v) => v.invariant === 'I1')).toHaveLength(30 - booked);

    const [second] = await world.advance(DAY);
    expect(second).toMatchObject({ invoicesBooked: 30 - booked, errors: [] });
    expect(invoices.every((i) => i.bookingNumber !== null)).toBe(true);
    const entries = await entriesOf(world, '70');
    expect(entries).toHaveLength(30);
    expect(new Set(entries.map((e) => e.yourRef)).size).toBe(30);
    expect(await checkInvariants(world)).toEqual([]);
  });

  it('R15: a manual sync on a day the quota is used up says so in the bell and books nothing', async () => {
    world = await yukiWorld(5);
    for (let day = 1; day <= 9; day += 1) bookInvoice(world, `2026-02-0${day}`);
    await world.advance(DAY);
    const left = Object.values(world.focus.state.documents).filter((d) => d.bookingNumber === null).length;
    expect(left).toBeGreaterThan(0);

    const manual = await world.sync();
    expect(manual).toMatchObject({ invoicesBooked: 0, notification: { kind: 'sync_error', shown: true } });
    expect(manual.notification!.message).toMatch(QUOTA_FAULT);
    expect(manual.notification!.message).toMatch(new RegExp(`${left} invoices and credit notes were not synced`));
    expect(await entriesOf(world, '70')).toHaveLength(9 - left);
  });

  it(
    'R17: the quota is 1,000 calls a day by default: a night of 1,000 invoices books 998 after its 2 reference calls',
    { timeout: 60_000 },
    async () => {
      world = await yukiWorld();
      for (let i = 0; i < 1000; i += 1) bookInvoice(world, `2026-02-${String(1 + (i % 28)).padStart(2, '0')}`);
      const [first] = await world.advance(DAY);
      expect(first!.invoicesBooked).toBe(998);
      expect(first!.errors).toEqual([
        'The daily limit of 1000 API calls for domain booklab-demo has been reached. The limit is reset at midnight. 2 invoices and credit notes were not synced: the first sync after midnight sends them.',
      ]);
      const [second] = await world.advance(DAY);
      expect(second).toMatchObject({ invoicesBooked: 2, errors: [] });
    },
  );
});
