import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkInvariants, loadCaseFile, readCaseFile, saveCaseFile, World } from '../core/index.js';
import { DEMO_DIVISIONS } from '../mock-accounting/index.js';
import { bookInvoice, connectedWorld } from './support/world.js';

describe('the world: snapshots and case files', () => {
  const worlds: World[] = [];
  let dir: string | undefined;
  afterEach(async () => {
    await Promise.all(worlds.splice(0).map((w) => w.close()));
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  async function brokenWorld(): Promise<World> {
    const world = await connectedWorld();
    worlds.push(world);
    bookInvoice(world, '2026-02-02');
    bookInvoice(world, '2026-02-03');
    await world.sync();
    await world.backOffice.deleteBooking(DEMO_DIVISIONS.main, '70', 1002);
    bookInvoice(world, '2026-02-04');
    await world.sync();
    return world;
  }

  it('restores both sides and the clock exactly from a snapshot', async () => {
    const world = await brokenWorld();
    const before = await world.snapshot();
    bookInvoice(world, '2026-02-05');
    await world.backOffice.deleteBooking(DEMO_DIVISIONS.main, '70', 1001);
    await world.advance(3 * 86_400_000);
    expect(await world.snapshot()).not.toEqual(before);

    expect((await world.restore(before)).ok).toBe(true);
    expect(await world.snapshot()).toEqual(before);
  });

  it('saves a case file that loads into a new world equal to the first, violations included', async () => {
    dir = await mkdtemp(join(tmpdir(), 'booklab-case-'));
    const file = join(dir, 'ticket-4711.json');
    const world = await brokenWorld();
    const saved = await saveCaseFile(world, file, { title: 'Ticket 4711', notes: 'same booking number after a deletion in Exact' });
    expect(saved.title).toBe('Ticket 4711');

    const loaded = await loadCaseFile(file);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    worlds.push(loaded.value);
    expect(loaded.value.serverUrl).not.toBe(world.serverUrl);
    expect(await loaded.value.snapshot()).toEqual(await world.snapshot());
    const violations = await checkInvariants(loaded.value);
    expect(violations).toEqual(await checkInvariants(world));
    expect(violations.map((v) => v.invariant)).toContain('I2');
  });

  it('refuses a file that is not a case file, saying what to do', async () => {
    dir = await mkdtemp(join(tmpdir(), 'booklab-case-'));
    const file = join(dir, 'not-a-case.json');
    await writeFile(file, JSON.stringify({ hello: 'world' }));
    const read = await readCaseFile(file);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem.message).toMatch(/is not a booklab case file \(format: .*\)\. Save one with saveCaseFile or the dashboard\./);
    const missing = await readCaseFile(join(dir, 'missing.json'));
    expect(!missing.ok && missing.problem.message).toMatch(/^Cannot read the case file .*missing\.json: .*Give the path of a file saved by booklab\.$/);
  });

  it('gives the same numbers and messages on every run (determinism)', async () => {
    const first = await brokenWorld();
    const second = await brokenWorld();
    const numbers = (w: World) => Object.values(w.focus.state.documents).map((d) => [d.number, d.bookingNumber, d.link?.entryId]);
    expect(numbers(second)).toEqual(numbers(first));
    expect(second.focus.state.bell.notifications.map((n) => n.message)).toEqual(first.focus.state.bell.notifications.map((n) => n.message));
  });
});
