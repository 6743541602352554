import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkInvariants, loadCaseFile, readCaseFile, saveCaseFile, World } from '../core/index.js';
import { DEMO_DIVISIONS, SEEDS } from '../mock-accounting/index.js';
import { bookInvoice, connectedWorld, TRANSPORTS } from './support/world.js';

describe.each(TRANSPORTS)('the world: snapshots and case files (%s)', (transport) => {
  const worlds: World[] = [];
  let dir: string | undefined;
  afterEach(async () => {
    await Promise.all(worlds.splice(0).map((w) => w.close()));
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  async function brokenWorld(): Promise<World> {
    const world = await connectedWorld({ transport });
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

    const loaded = await loadCaseFile(file, { transport });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    worlds.push(loaded.value);
    expect(await loaded.value.snapshot()).toEqual(await world.snapshot());
    const violations = await checkInvariants(loaded.value);
    expect(violations).toEqual(await checkInvariants(world));
    // Its own server: a booking deleted in the loaded world is still in the first.
    expect((await loaded.value.backOffice.deleteBooking(DEMO_DIVISIONS.main, '70', 1001)).ok).toBe(true);
    const first = await world.backOffice.bookings(DEMO_DIVISIONS.main, '70');
    expect(first.ok && first.value.map((b) => b.entryNumber)).toContain(1001);
    expect(violations.map((v) => v.invariant)).toContain('I2');
  });

  it('indents a case file for reading, but writes a big one on one line that reads back the same', async () => {
    dir = await mkdtemp(join(tmpdir(), 'booklab-case-'));
    const world = await brokenWorld();
    const small = join(dir, 'small.json');
    await saveCaseFile(world, small, { title: 'Ticket 4711' });
    expect(await readFile(small, 'utf8')).toMatch(/^\{\n {2}"format": "booklab-case",\n {2}"version": 1,\n/);

    // A megabyte of notes makes the case big without 1,000 invoices (the limit is about 900).
    const big = join(dir, 'big.json');
    const saved = await saveCaseFile(world, big, { title: 'Ticket 4712', notes: 'n'.repeat(1024 * 1024) });
    const text = await readFile(big, 'utf8');
    expect(text.startsWith('{"format":"booklab-case","version":1,')).toBe(true);
    expect(text.split('\n')).toHaveLength(2);
    const read = await readCaseFile(big);
    expect(read.ok && read.value).toEqual(saved);
  });

  it('reads a case from bytes a caller is already reading, and refuses a read that failed as it refuses a missing file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'booklab-case-'));
    const world = await brokenWorld();
    const file = join(dir, 'ticket.json');
    const saved = await saveCaseFile(world, file, { title: 'Ticket 4713' });
    // The bytes are what is read, whatever the path names (it names the file in messages).
    const read = await readCaseFile(join(dir, 'named-only.json'), { bytes: readFile(file) });
    expect(read.ok && read.value).toEqual(saved);
    const missing = join(dir, 'missing.json');
    const failed = await readCaseFile(missing, { bytes: readFile(missing) });
    expect(!failed.ok && failed.problem.message).toMatch(
      /^Cannot read the case file .*missing\.json: ENOENT.*Give the path of a file saved by booklab\.$/,
    );
  });

  it('refuses a file that is not a case file, saying what to do', async () => {
    dir = await mkdtemp(join(tmpdir(), 'booklab-case-'));
    const file = join(dir, 'not-a-case.json');
    await writeFile(file, JSON.stringify({ hello: 'world' }));
    const read = await readCaseFile(file);
    expect(read.ok).toBe(false);
    if (!read.ok)
      expect(read.problem.message).toMatch(/is not a booklab case file \(format: .*\)\. Save one with saveCaseFile or the dashboard\./);
    const missing = await readCaseFile(join(dir, 'missing.json'));
    expect(!missing.ok && missing.problem.message).toMatch(
      /^Cannot read the case file .*missing\.json: .*Give the path of a file saved by booklab\.$/,
    );
  });

  describe('a case file is data, not configuration of the process that opens it (issue 15, point 2)', () => {
    /** A case file saved by booklab, with its accounting options replaced. */
    async function caseWith(accountingOptions: unknown): Promise<string> {
      dir ??= await mkdtemp(join(tmpdir(), 'booklab-case-'));
      const file = join(dir, `case-${Math.random().toString(36).slice(2)}.json`);
      const world = await connectedWorld({ transport });
      worlds.push(world);
      const saved = await saveCaseFile(world, file);
      await writeFile(file, JSON.stringify({ ...saved, accountingOptions }));
      return file;
    }

    it.each([
      ['a data file elsewhere', { file: '/tmp/booklab-case-target/accounting.json' }, 'file'],
      ['a listener on every interface', { host: '0.0.0.0', port: 5999 }, 'host, port'],
      ['seeds (code to call)', { seeds: { demo: 'not a function' } }, 'seeds'],
      ['a clock', { clock: { now: 1 } }, 'clock'],
      ['the Host names to answer', { allowHosts: ['attacker.example'] }, 'allowHosts'],
    ])('refuses a case that sets %s, and names what it may set', async (_name, options, keys) => {
      const file = await caseWith(options);
      const loaded = await loadCaseFile(file, { transport });
      expect(loaded.ok).toBe(false);
      if (loaded.ok) return;
      expect(loaded.problem.message).toBe(
        `${file} sets accounting options a case file may not set (${keys}): a case file says how the server behaves (numbering, deletion, businessErrorStatus, rateLimits, yukiDailyCalls, mandatoryAccountFilter, enforceTokenInterval, requestLogSize, approveAs), never where it runs or keeps its data. Remove them, or save the case again with booklab.`,
      );
      await expect(stat('/tmp/booklab-case-target/accounting.json')).rejects.toMatchObject({ code: 'ENOENT' });
    });

    it.each([
      ['a request log of a trillion entries', { requestLogSize: 1e12 }, /accountingOptions\.requestLogSize: .*100000/],
      ['a daily quota that is not a number', { yukiDailyCalls: 'many' }, /accountingOptions\.yukiDailyCalls/],
      ['an unknown numbering mode', { numbering: { mode: 'random' } }, /accountingOptions\.numbering\.mode/],
      ['an unknown key inside numbering', { numbering: { mode: 'max', start: 1 } }, /accountingOptions\.numbering: Unrecognized key/],
    ])('refuses %s', async (_name, options, message) => {
      const loaded = await loadCaseFile(await caseWith(options), { transport });
      expect(!loaded.ok && loaded.problem.message).toMatch(message);
    });

    it('loads the options it may carry, and saves only those', async () => {
      const file = await caseWith({
        numbering: { mode: 'max' },
        deletion: { refuseWhenPaid: true },
        rateLimits: { enforce: false },
        yukiDailyCalls: 5,
      });
      const loaded = await loadCaseFile(file, { transport });
      expect(loaded.ok).toBe(true);
      if (!loaded.ok) return;
      worlds.push(loaded.value);
      expect(new URL(loaded.value.serverUrl).hostname).toBe(transport === 'http' ? '127.0.0.1' : 'in-process.localhost');
      expect(loaded.value.accountingOptions).toEqual({
        numbering: { mode: 'max' },
        deletion: { refuseWhenPaid: true },
        rateLimits: { enforce: false },
        yukiDailyCalls: 5,
      });

      const world = await World.create({ accounting: { numbering: { perYear: true }, seeds: { ...SEEDS } }, transport });
      worlds.push(world);
      const saved = await saveCaseFile(world, join(dir!, 'saved.json'));
      expect(saved.accountingOptions).toEqual({ numbering: { perYear: true } });
    });
  });

  it('gives the same numbers and messages on every run (determinism)', async () => {
    const first = await brokenWorld();
    const second = await brokenWorld();
    const numbers = (w: World) => Object.values(w.focus.state.documents).map((d) => [d.number, d.bookingNumber, d.link?.entryId]);
    expect(numbers(second)).toEqual(numbers(first));
    expect(second.focus.state.bell.notifications.map((n) => n.message)).toEqual(first.focus.state.bell.notifications.map((n) => n.message));
  });
});
