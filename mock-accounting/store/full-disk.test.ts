import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { fullDisk, mountTmpfs } from '../../test/support/full-disk.js';
import { account, addAccount, copyAsCrashed, MirrorIndex, plain, rebuilt, stateWith } from '../../test/support/store-fixtures.js';
import { emptyState, openStore, StoreWriteError, type Store, type WriteAt } from './index.js';

// Issue 15, point 1: a full disk. A write is answered only once it is whole on disk; a write the disk cannot
// take leaves the state and the files as they were before it; a restart after any of it starts, and says what
// it dropped. The disk is simulated by an injected write function, and once for real on a small tmpfs.

describe('a file store on a disk that fills up', () => {
  let dir: string;
  let opened: Set<Store>;
  /** Where the store reports compactions that did not fit. */
  let reported: MockInstance<typeof console.error>;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'booklab-full-disk-'));
    opened = new Set();
    reported = vi.spyOn(console, 'error').mockImplementation(() => {});
  });

  afterEach(async () => {
    for (const store of opened) await store.close().catch(() => {});
    reported.mockRestore();
    await rm(dir, { recursive: true, force: true });
  });

  async function open(file: string, options: Parameters<typeof openStore>[0] = {}): Promise<Store> {
    const store = await openStore({ file, initial: () => stateWith([]), ...options });
    opened.add(store);
    return store;
  }

  /** The state a reopened copy of the files has (what a restart after a crash would serve), and what it dropped. */
  async function afterCrash(file: string): Promise<{ state: unknown; dropped: readonly string[] }> {
    const store = await open(await copyAsCrashed(file, dir), { initial: () => emptyState() });
    return { state: plain(store.state), dropped: store.dropped };
  }

  it('refuses a commit the disk cannot take, undoes it, cuts it back out of the log, and takes the next one once there is room', async () => {
    const disk = fullDisk();
    const file = join(dir, 'data.json');
    const store = await open(file, { writeAt: disk.writeAt });
    const index = store.index('mirror', () => new MirrorIndex());
    for (let n = 1; n <= 3; n += 1) await addAccount(store, n);
    const before = plain(store.state);
    const logBefore = await readFile(`${file}.log`);

    disk.room(20); // the next commit line is cut short after 20 bytes, as write(2) does on a full disk
    const refused = await addAccount(store, 4).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(StoreWriteError);
    expect((refused as Error).message).toMatch(/could not be saved .*ENOSPC.*so it was not made/);
    expect(disk.refusals).toBeGreaterThan(0);
    expect(plain(store.state)).toEqual(before);
    expect(index.entries).toEqual(rebuilt(store.state));
    expect(await readFile(`${file}.log`)).toEqual(logBefore);

    disk.room(Number.POSITIVE_INFINITY);
    await addAccount(store, 5);
    const answered = plain(store.state);
    expect(answered.meta.ids).toBe(4);
    expect(await afterCrash(file)).toEqual({ state: answered, dropped: [] });
  });

  it('undoes a failed group commit with every transaction after it, counters included, and says which came after', async () => {
    const disk = fullDisk();
    const file = join(dir, 'data.json');
    const store = await open(file, { writeAt: disk.writeAt });
    await addAccount(store, 1);
    await new Promise((resolve) => setImmediate(resolve)); // the store is idle again
    const before = plain(store.state);

    disk.room(0);
    // The first goes to disk at once; the others are applied meanwhile (taking ids 3..6) and wait for it.
    const outcomes = await Promise.allSettled([2, 3, 4, 5, 6].map((n) => addAccount(store, n)));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected', 'rejected']);
    const [first, ...followers] = outcomes.map((o) => (o as PromiseRejectedResult).reason as Error);
    expect(first!.message).toMatch(/could not be saved/);
    for (const follower of followers) expect(follower.message).toMatch(/came right after a change that could not be saved/);
    expect(plain(store.state)).toEqual(before);

    disk.room(Number.POSITIVE_INFINITY);
    await addAccount(store, 7);
    expect(store.state.meta.ids).toBe(2);
    expect((await afterCrash(file)).state).toEqual(plain(store.state));
  });

  it('finishes a commit that the disk takes in short writes', async () => {
    const trickle: WriteAt = async (handle, bytes, position) =>
      (await handle.write(bytes, 0, Math.min(bytes.length, 7), position)).bytesWritten;
    const file = join(dir, 'data.json');
    const store = await open(file, { writeAt: trickle });
    await Promise.all([1, 2, 3].map((n) => addAccount(store, n)));
    expect((await afterCrash(file)).state).toEqual(plain(store.state));
  });

  it('takes no more writes when a failed one cannot even be cut back, and a restart drops the unfinished write and says so', async () => {
    const file = join(dir, 'data.json');
    let failing = false;
    const halfThenFail: WriteAt = async (handle, bytes, position, path) => {
      if (!failing || !path.endsWith('.log')) return (await handle.write(bytes, 0, bytes.length, position)).bytesWritten;
      // The disk gives up half-way, and the file system cannot even shorten the file again.
      handle.truncate = () => Promise.reject(Object.assign(new Error('EIO: i/o error, ftruncate'), { code: 'EIO' }));
      await handle.write(bytes, 0, Math.floor(bytes.length / 2), position);
      throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
    };
    const store = await open(file, { writeAt: halfThenFail });
    for (let n = 1; n <= 2; n += 1) await addAccount(store, n);
    const answered = plain(store.state);

    failing = true;
    await expect(addAccount(store, 3)).rejects.toThrow(/could not be saved/);
    failing = false;
    await expect(addAccount(store, 4)).rejects.toThrow(/could not be cut back out of the log.*restart the server/);
    expect(plain(store.state)).toEqual(answered);

    const recovered = await afterCrash(file);
    expect(recovered.state).toEqual(answered);
    expect(recovered.dropped).toEqual([
      expect.stringMatching(/^dropped the unfinished last write of the log \(\d+ bytes, never answered\)$/),
    ]);
  });

  it('loses nothing when a compaction does not fit, reports it, and compacts later once there is room', async () => {
    const disk = fullDisk({ only: (path) => basename(path).startsWith('.data.json.') && !basename(path).startsWith('.data.json.log.') });
    const file = join(dir, 'data.json');
    const store = await open(file, { writeAt: disk.writeAt, compactMinBytes: 1_000, compactRatio: 0.1 });
    disk.room(0); // snapshots no longer fit; the log still does
    for (let n = 1; n <= 12; n += 1) await addAccount(store, n, `${'x'.repeat(100)} ${n}`);
    expect(reported).toHaveBeenCalledWith(
      expect.stringMatching(/Could not compact .*data\.json \(ENOSPC.*\)\. Nothing is lost: the log keeps every change/),
    );
    expect(JSON.parse(await readFile(file, 'utf8')).accounts).toEqual({});
    expect((await afterCrash(file)).state).toEqual(plain(store.state));

    disk.room(Number.POSITIVE_INFINITY);
    for (let n = 13; n <= 30; n += 1) await addAccount(store, n, `${'x'.repeat(100)} ${n}`);
    expect(Object.keys(JSON.parse(await readFile(file, 'utf8')).accounts).length).toBeGreaterThan(12);
    expect((await afterCrash(file)).state).toEqual(plain(store.state));
  });

  it('keeps the old state, and the files that hold it, when a replace does not fit', async () => {
    const disk = fullDisk();
    const file = join(dir, 'data.json');
    const store = await open(file, { writeAt: disk.writeAt });
    for (let n = 1; n <= 3; n += 1) await addAccount(store, n);
    const before = plain(store.state);

    for (const room of [0, 60]) {
      // No room at all (the marker does not fit), or room for the marker but not the snapshot.
      disk.room(room);
      await expect(store.replace(stateWith([account(50)], 100))).rejects.toBeInstanceOf(StoreWriteError);
      expect(plain(store.state)).toEqual(before);
      expect((await afterCrash(file)).state).toEqual(before);
    }
    disk.room(Number.POSITIVE_INFINITY);
    await addAccount(store, 4);
    expect((await afterCrash(file)).state).toEqual(plain(store.state));
  });

  it('on a real, small tmpfs: serves until the disk is full, then refuses, and a restart has exactly what was answered', async (ctx) => {
    const tmpfs = await mountTmpfs(dir, '256k');
    if (!tmpfs.ok) return ctx.skip(tmpfs.problem.message);
    try {
      const file = join(tmpfs.value.path, 'data.json');
      const store = await open(file, { compactMinBytes: 16 * 1024, compactRatio: 1 });
      const answered: number[] = [];
      let refusals = 0;
      for (let n = 1; refusals < 5 && n <= 5_000; n += 1) {
        // Bursts of concurrent writes, so that group commits are refused whole.
        const burst = [0, 1, 2, 3].map((i) => n * 10 + i);
        const outcomes = await Promise.allSettled(burst.map((k) => addAccount(store, k, `${'y'.repeat(200)} ${k}`)));
        outcomes.forEach((outcome, i) => {
          if (outcome.status === 'fulfilled') answered.push(burst[i]!);
          else {
            expect(outcome.reason).toBeInstanceOf(StoreWriteError);
            refusals += 1;
          }
        });
      }
      expect(refusals).toBeGreaterThan(0);
      expect(Object.keys(store.state.accounts)).toHaveLength(answered.length);
      const served = plain(store.state);
      const recovered = await afterCrash(file);
      expect(recovered.state).toEqual(served);

      // A restart on the full disk itself starts too, with every answered write.
      opened.delete(store);
      await store.close();
      const again = await open(file, { initial: () => emptyState() });
      expect(plain(again.state)).toEqual(served);
      opened.delete(again);
      await again.close();
    } finally {
      await tmpfs.value.unmount();
    }
  }, 60_000);
});
