import { afterEach, describe, expect, it } from 'vitest';
import { ExactClient, FOCUS_APP, focusTokenStore, pipelinedFetch, sync, type World } from '../core/index.js';
import { DEMO_DIVISIONS } from '../mock-accounting/index.js';
import { connectedWorld, STANDARD_LINE, TRANSPORTS } from './support/world.js';

// Overlapping posts (issue 16): with up to `overlap` sales entries on their way at once, a sync must leave the world
// exactly as posting one after the other does: same bookings, same booking numbers, same report and bell.

const division = DEMO_DIVISIONS.main;
const worlds: World[] = [];

/** A connected world with 30 booked invoices over three customers; every third one dated in January. */
async function worldWith30Invoices(transport: (typeof TRANSPORTS)[number], overlap: number, dailyLimit?: number): Promise<World> {
  const world = await connectedWorld({
    transport,
    overlap,
    ...(dailyLimit ? { accounting: { rateLimits: { enforce: true, daily: dailyLimit } } } : {}),
  });
  worlds.push(world);
  const companies = Object.values(world.focus.state.companies).slice(0, 3);
  for (let i = 0; i < 30; i += 1) {
    const date = i % 3 === 2 ? '2026-01-15' : `2026-02-${String(1 + (i % 28)).padStart(2, '0')}`;
    const draft = world.focus.createDraft({ companyId: companies[i % 3]!.id, date, lines: [STANDARD_LINE] });
    if (!draft.ok) throw new Error(draft.problem.message);
    world.focus.book(draft.value.id);
  }
  return world;
}

async function closeJanuary(world: World): Promise<void> {
  const closed = await world.backOffice.setPeriodClosed(division, 2026, 1, true);
  expect(closed.ok).toBe(true);
}

async function bookingsOf70(world: World): Promise<Array<[number, string]>> {
  const read = await world.backOffice.bookings(division, '70');
  if (!read.ok) throw new Error(read.problem.message);
  return read.value.map((b) => [b.entryNumber, b.yourRef ?? '']);
}

/** A snapshot without the OAuth secrets, which are random in every world. */
async function withoutSecrets(world: World) {
  const { focus, accounting, ...rest } = await world.snapshot();
  const { accessTokens, authCodes, refreshTokens, ...kept } = accounting as Record<string, unknown>;
  expect([accessTokens, authCodes, refreshTokens].every((tokens) => typeof tokens === 'object')).toBe(true);
  return { ...rest, accounting: kept, focus: { ...focus, integration: focus.integration && { ...focus.integration, tokens: null } } };
}

afterEach(async () => {
  await Promise.all(worlds.splice(0).map((world) => world.close()));
});

describe.each(TRANSPORTS)('sync with overlapping posts (%s)', (transport) => {
  it('keeps the document order: invoice 2026/n gets booking 1000 + n, as posting one by one', async () => {
    const world = await worldWith30Invoices(transport, 8);
    const report = await world.sync();
    expect(report).toMatchObject({
      invoicesBooked: 30,
      errors: [],
      notification: { kind: 'sync_success', message: 'Synchronisation finished: 0 customers, 30 invoices and 0 credit notes synced' },
    });
    const expected = Array.from({ length: 30 }, (_, i): [number, string] => [1001 + i, `2026/${i + 1}`]);
    expect(await bookingsOf70(world)).toEqual(expected);
    expect(world.focus.state.documents[Object.keys(world.focus.state.documents)[29]!]!.bookingNumber).toBe(1030);
  });

  it('gives the world of one-by-one posting when posts are refused mid-window (a closed period)', async () => {
    const [oneByOne, overlapped] = await Promise.all([worldWith30Invoices(transport, 1), worldWith30Invoices(transport, 8)]);
    await Promise.all([closeJanuary(oneByOne), closeJanuary(overlapped)]);
    const [expected, report] = [await oneByOne.sync(), await overlapped.sync()];
    expect(report.invoicesBooked).toBe(20);
    expect(report.errors).toHaveLength(10);
    expect(report.errors[0]).toMatch(/^Invoice 2026\/3 could not be synced/);
    expect(report).toEqual(expected);
    expect((await bookingsOf70(overlapped)).slice(0, 3)).toEqual([
      [1001, '2026/1'],
      [1002, '2026/2'],
      [1003, '2026/4'],
    ]);
    expect(await withoutSecrets(overlapped)).toEqual(await withoutSecrets(oneByOne));
  });

  it('posts one by one while a fault is armed, so a lost answer mid-run gives the world of one-by-one posting', async () => {
    const [oneByOne, overlapped] = await Promise.all([worldWith30Invoices(transport, 1), worldWith30Invoices(transport, 8)]);
    for (const world of [oneByOne, overlapped]) {
      const fault = await world.backOffice.addFault({ method: 'POST', path: 'salesentry/SalesEntries', dropAfterCommit: true });
      expect(fault.ok).toBe(true);
    }
    const [expected, report] = [await oneByOne.sync(), await overlapped.sync()];
    expect(report).toMatchObject({
      invoicesBooked: 29,
      errors: ['Invoice 2026/1 could not be synced: the connection to Exact Online was lost. It will be synced again next time.'],
    });
    expect(report).toEqual(expected);
    expect(await withoutSecrets(overlapped)).toEqual(await withoutSecrets(oneByOne));
  });

  it('stops at the spent daily limit as one-by-one posting does (rate limits enforced: one by one)', async () => {
    const [oneByOne, overlapped] = await Promise.all([worldWith30Invoices(transport, 1, 20), worldWith30Invoices(transport, 8, 20)]);
    const [expected, report] = [await oneByOne.sync(), await overlapped.sync()];
    expect(report.invoicesBooked).toBeGreaterThan(0);
    expect(report.invoicesBooked).toBeLessThan(30);
    expect(report).toEqual(expected);
    expect(await withoutSecrets(overlapped)).toEqual(await withoutSecrets(oneByOne));
  });
});

describe('sync with overlapping posts: the requests really overlap', () => {
  it('has up to `overlap` sales entries on their way at once over HTTP, answered in order', async () => {
    const world = await worldWith30Invoices('http', 1);
    const pipelined = pipelinedFetch();
    let inFlight = 0;
    let most = 0;
    const exact = new ExactClient({
      baseUrl: world.serverUrl,
      ...FOCUS_APP,
      clock: world.clock,
      tokens: focusTokenStore(world.focus),
      orderedFetch: async (url, init) => {
        most = Math.max(most, (inFlight += 1));
        try {
          return await pipelined(url, init);
        } finally {
          inFlight -= 1;
        }
      },
    });
    const report = await sync({ focus: world.focus, exact }, { overlap: 6 });
    pipelined.close();
    expect(report).toMatchObject({ invoicesBooked: 30, errors: [] });
    expect(most).toBe(6);
    expect((await bookingsOf70(world)).map(([number]) => number)).toEqual(Array.from({ length: 30 }, (_, i) => 1001 + i));
  });
});
