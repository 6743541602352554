import { afterEach, describe, expect, it } from 'vitest';
import { checkInvariants, type World } from '../core/index.js';
import { bookInvoice, connectedWorld } from './support/world.js';

// Exact's daily rate limit (exact-api.md §3: 5,000 calls a day per app and division, reset at 00:00 UTC) with
// enforcement on: a sync that spends it stops at the first daily 429 and says so, instead of sleeping until midnight
// (which on a world's frozen clock jumped the whole world to the next day), and the next day's sync sends the rest.

const DAY = 86_400_000;

/** The API answers the accounting server logged since the last call of this function. */
async function apiAnswers(world: World): Promise<number[]> {
  const calls = (await (await fetch(`${world.serverUrl}/__mock/requests`)).json()) as Array<{ path: string; status: number }>;
  await fetch(`${world.serverUrl}/__mock/requests`, { method: 'DELETE' });
  return calls.filter((c) => c.path.startsWith('/api/v1/')).map((c) => c.status);
}

describe('core: a spent daily rate limit is final for the run', () => {
  let world: World;
  afterEach(() => world?.close());

  it('stops the sync at the first daily 429, says until when, leaves the clock alone, and the next day sends the rest', async () => {
    world = await connectedWorld({ accounting: { rateLimits: { enforce: true, daily: 25 } } });
    const invoices = Array.from({ length: 30 }, (_, i) => bookInvoice(world, `2026-02-${String(1 + (i % 28)).padStart(2, '0')}`));
    const before = world.clock.now();
    await apiAnswers(world);

    const first = await world.sync();
    const booked = first.invoicesBooked;
    expect(booked).toBeGreaterThan(0);
    expect(booked).toBeLessThan(30);
    expect(first.errors).toEqual([
      "The bookkeeping tool's daily API limit of 25 calls for this administration is used up until 2026-03-03T00:00:00.000Z: " +
        `nothing more can be sent today. Sync again after the reset. ${30 - booked} invoices and credit notes were not synced: the first sync after midnight sends them.`,
    ]);
    // One 429 and no retry after it: the run ended there, and no wait moved the frozen clock towards midnight.
    const answers = await apiAnswers(world);
    expect(answers.filter((status) => status === 429)).toEqual([429]);
    expect(answers.at(-1)).toBe(429);
    expect(world.clock.now()).toBe(before);
    expect((await checkInvariants(world)).filter((v) => v.invariant !== 'I1')).toEqual([]);

    await world.advance(DAY);
    const next = await world.sync();
    expect(next).toMatchObject({ invoicesBooked: 30 - booked, errors: [] });
    expect(invoices.every((invoice) => invoice.bookingNumber !== null)).toBe(true);
    expect(await checkInvariants(world)).toEqual([]);
  });
});
