import { appendFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { account, addAccount, copyAsCrashed, MirrorIndex, plain, rebuilt, stateWith } from '../../test/support/store-fixtures.js';
import { emptyState, openStore, StoreFileError, type MockState, type Store, type WriteAt } from './index.js';

// Robustness of the store: atomic in-memory transactions, and a data file (snapshot + append-only log)
// that keeps every answered write across a crash, a torn log line, replace() and compaction.

describe('memory store', () => {
  it('applies a write at once and resolves with its result', async () => {
    const store = await openStore({ initial: () => stateWith([account(1)]) });
    const added = await addAccount(store, 2);
    expect(store.state.accounts[added.id]).toEqual(added);
    expect(store.state.meta.ids).toBe(1);
    expect(store.description).toBe('memory');
    await store.close();
  });

  it('rolls a throwing write back completely: state, counters and indexes are as before', async () => {
    const kept = account(1);
    const removed = account(2);
    const store = await openStore({ initial: () => stateWith([kept, removed], 7) });
    const index = store.index('mirror', () => new MirrorIndex());
    const before = plain(store.state);
    const indexBefore = new Map(index.entries);

    const failure = new Error('refused half-way');
    const write = store.write((tx) => {
      tx.put('accounts', kept.id, { ...kept, name: 'changed' });
      tx.remove('accounts', removed.id);
      const fresh = account(3);
      tx.put('accounts', fresh.id, fresh);
      tx.next('ids', 5);
      tx.put('accounts', fresh.id, { ...fresh, name: 'changed twice' });
      throw failure;
    });

    await expect(write).rejects.toBe(failure);
    expect(plain(store.state)).toEqual(before);
    expect(store.state.accounts[kept.id]).toBe(kept);
    expect(store.state.accounts[removed.id]).toBe(removed);
    expect(index.entries).toEqual(indexBefore);
    expect(index.entries).toEqual(rebuilt(store.state));
    await store.close();
  });

  it('attempt rolls its changes back when the function returns a failure ({ ok: false }), and resolves with it', async () => {
    const store = await openStore({ initial: () => stateWith([account(1)], 7) });
    const index = store.index('mirror', () => new MirrorIndex());
    const before = plain(store.state);
    const refusal = { ok: false as const, problem: { code: 'invalid_reference', field: 'journals' } };

    const answer = await store.attempt((tx) => {
      tx.next('ids', 2); // ids for lines, taken before the header turned out to be invalid
      const fresh = account(2);
      tx.put('accounts', fresh.id, fresh);
      return refusal;
    });

    expect(answer).toBe(refusal);
    expect(plain(store.state)).toEqual(before);
    expect(index.entries).toEqual(rebuilt(store.state));
    // A success is kept, as before.
    await store.attempt((tx) => ({ ok: true, value: tx.next('ids') }));
    expect(store.state.meta.ids).toBe(8);
    await store.close();
  });

  it('write commits what its function changed whatever it returns; a Result is refused by its type', async () => {
    const store = await openStore({ initial: () => stateWith([account(1)], 7) });
    const answer = await store.write((tx) => {
      tx.next('ids');
      return { done: false };
    });
    expect(answer).toEqual({ done: false });
    expect(store.state.meta.ids).toBe(8);
    // @ts-expect-error -- a function that may refuse goes to attempt, which rolls a failure back
    await store.write(() => ({ ok: false as const, problem: { code: 'refused' } }));
    await store.close();
  });

  it('closes once: a second close waits for the first instead of hanging', async () => {
    const store = await openStore({ initial: () => stateWith([account(1)]) });
    await addAccount(store, 2);
    await Promise.all([store.close(), store.close()]);
    await store.close();
    await expect(addAccount(store, 3)).rejects.toThrow(/after it was closed/);
  });

  it('keeps serving after a rolled-back write: the next write sees the old state', async () => {
    const store = await openStore({ initial: () => stateWith([account(1)], 3) });
    await expect(
      store.write((tx) => {
        tx.next('ids');
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    const id = await store.write((tx) => tx.next('ids'));
    expect(id).toBe(4);
    await store.close();
  });
});

describe('file store', () => {
  let dir: string;
  let opened: Set<Store>;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'booklab-store-'));
    opened = new Set();
    newLogsFail = false;
  });

  afterEach(async () => {
    // One at a time: two stores on one file would race for its temporary file.
    for (const store of opened) await store.close().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  });

  /** Closes a store the test opened (and forgets it, so afterEach does not close it twice). */
  async function shut(store: Store): Promise<void> {
    opened.delete(store);
    await store.close();
  }

  async function open(file: string, options: Parameters<typeof openStore>[0] = {}): Promise<Store> {
    const store = await openStore({ file, ...options });
    opened.add(store);
    return store;
  }

  const crashCopy = (file: string) => copyAsCrashed(file, dir);

  it('creates the data file from the initial state and reopens it after a clean close', async () => {
    const file = join(dir, 'nested', 'data.json');
    await mkdir(join(dir, 'nested'));
    const store = await open(file, { initial: () => stateWith([account(1)]) });
    expect(store.description).toBe(file);
    for (let n = 2; n <= 5; n += 1) await addAccount(store, n);
    const expected = plain(store.state);
    await shut(store);

    const reopened = await open(file, { initial: () => emptyState() });
    expect(plain(reopened.state)).toEqual(expected);
    expect(Object.keys(reopened.state.accounts)).toHaveLength(5);
  });

  it('keeps every answered write when the process dies without closing (the log is replayed)', async () => {
    const file = join(dir, 'data.json');
    const store = await open(file, { initial: () => stateWith([account(1)]) });
    for (let n = 2; n <= 6; n += 1) await addAccount(store, n);
    // A burst of concurrent writes is committed together (group commit); all are answered.
    await Promise.all([7, 8, 9, 10, 11, 12].map((n) => addAccount(store, n)));
    const answered = plain(store.state);

    const copy = await crashCopy(file);
    const reopened = await open(copy, { initial: () => emptyState() });
    expect(plain(reopened.state)).toEqual(answered);
    expect(reopened.state.meta.ids).toBe(11);
  });

  it('drops a torn last log line and keeps every complete transaction before it', async () => {
    const file = join(dir, 'data.json');
    const store = await open(file, { initial: () => stateWith([]) });
    for (let n = 1; n <= 4; n += 1) await addAccount(store, n);
    const answered = plain(store.state);

    const copy = await crashCopy(file);
    const torn = account(99);
    const line = `${JSON.stringify([{ c: 'accounts', k: torn.id, v: torn }])}\n`;
    await appendFile(`${copy}.log`, line.slice(0, Math.floor(line.length / 2)));

    const reopened = await open(copy, { initial: () => emptyState() });
    expect(plain(reopened.state)).toEqual(answered);
    expect(reopened.state.accounts[torn.id]).toBeUndefined();

    // The torn tail is gone for good: later writes land after complete lines and survive another crash.
    await addAccount(reopened, 5);
    const later = plain(reopened.state);
    const again = await crashCopy(copy);
    expect(plain((await open(again, { initial: () => emptyState() })).state)).toEqual(later);
  });

  it('replace() swaps the whole state durably, and writes after it follow it', async () => {
    const file = join(dir, 'data.json');
    const store = await open(file, { initial: () => stateWith([]) });
    for (let n = 1; n <= 3; n += 1) await addAccount(store, n);
    await store.replace(stateWith([account(50)], 100));
    await addAccount(store, 51);
    const expected = plain(store.state);
    expect(Object.keys(expected.accounts)).toHaveLength(2);

    const copy = await crashCopy(file);
    expect(plain((await open(copy, { initial: () => emptyState() })).state)).toEqual(expected);

    await shut(store);
    expect(plain((await open(file, { initial: () => emptyState() })).state)).toEqual(expected);
  });

  /** Once armed, fails every write of a new log (after replace() has put its snapshot in place): where a crash would stop it. */
  let newLogsFail = false;
  const newLogFails: WriteAt = async (handle, bytes, position, path) => {
    if (newLogsFail && basename(path).startsWith('.data.json.log.'))
      throw Object.assign(new Error('injected: no new log'), { code: 'EIO' });
    return (await handle.write(bytes, 0, bytes.length, position)).bytesWritten;
  };

  it('a stop after replace() has put its snapshot in place but before it started a new log does not bring replaced data back', async () => {
    const file = join(dir, 'data.json');
    const store = await open(file, { initial: () => stateWith([]), writeAt: newLogFails });
    for (let n = 1; n <= 3; n += 1) await addAccount(store, n);

    const replacement = stateWith([account(50)], 100);
    newLogsFail = true;
    await store.replace(replacement);
    // The disk as a stop between the two steps leaves it: the new snapshot, the old log (with its marker).
    const stale = await readFile(`${file}.log`, 'utf8');
    expect(stale.split('\n').length).toBeGreaterThan(4);
    const copy = await crashCopy(file);
    const reopened = await open(copy, { initial: () => emptyState() });
    expect(plain(reopened.state)).toEqual(plain(replacement));
    expect(reopened.dropped).toEqual([]);

    // The server goes on with the old log after the marker, and what it commits there survives a crash too.
    await addAccount(store, 51);
    const expected = plain(store.state);
    expect(plain((await open(await crashCopy(file), { initial: () => emptyState() })).state)).toEqual(expected);
  });

  it('a restore of the very same document after writes is also safe from a stop between snapshot and log', async () => {
    // Same seed, frozen clock: the replacement snapshot is byte-for-byte the first one.
    const file = join(dir, 'data.json');
    const initial = stateWith([account(1)], 1);
    const store = await open(file, { initial: () => structuredClone(initial), writeAt: newLogFails });
    for (let n = 2; n <= 4; n += 1) await addAccount(store, n);

    newLogsFail = true;
    await store.replace(structuredClone(initial));
    const reopened = plain((await open(await crashCopy(file), { initial: () => emptyState() })).state);
    expect(reopened).toEqual(plain(initial));
  });

  it('replace() gets its turn under a steady stream of writes, and what the disk holds is what the store serves', async () => {
    const file = join(dir, 'data.json');
    const store = await open(file, { initial: () => stateWith([]) });
    let next = 1;
    let writing = true;
    // Ten writers that never pause: some write always waits for the disk.
    const writers = Array.from({ length: 10 }, async () => {
      while (writing) await addAccount(store, next++);
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const replaced = store.replace(stateWith([account(5_000)], 1_000));
    await replaced;
    const afterReplace = next;
    await new Promise((resolve) => setTimeout(resolve, 30));
    writing = false;
    await Promise.all(writers);

    const served = plain(store.state);
    expect(served.accounts[account(5_000).id]).toBeDefined();
    // Nothing booked before the replace survives it; what was booked after it is there.
    const numbers = Object.values(served.accounts).map((a) => Number(a.code));
    expect(numbers.filter((n) => n !== 5_000).every((n) => n >= afterReplace - 10)).toBe(true);
    expect(numbers.length).toBeGreaterThan(1);
    expect(plain((await open(await crashCopy(file), { initial: () => emptyState() })).state)).toEqual(served);
  });

  it('compaction rewrites the snapshot, shrinks the log and keeps everything, also across a crash', async () => {
    const file = join(dir, 'data.json');
    const store = await open(file, { initial: () => stateWith([]), compactMinBytes: 2_048, compactRatio: 0.1 });
    const longName = 'x'.repeat(300);
    let appended = 0;
    // Waves of concurrent writes, so that some arrive while a commit or a compaction is under way.
    for (let wave = 0; wave < 10; wave += 1) {
      const writes = [];
      for (let i = 1; i <= 6; i += 1) writes.push(addAccount(store, wave * 6 + i, `${longName} ${wave * 6 + i}`));
      appended += 6 * longName.length;
      await new Promise((resolve) => setImmediate(resolve));
      await Promise.all(writes);
    }
    const expected = plain(store.state);
    expect(Object.keys(expected.accounts)).toHaveLength(60);

    const logSize = (await stat(`${file}.log`)).size;
    expect(logSize).toBeLessThan(appended / 2);
    const snapshot = JSON.parse(await readFile(file, 'utf8')) as MockState;
    expect(Object.keys(snapshot.accounts).length).toBeGreaterThan(30);

    const copy = await crashCopy(file);
    expect(plain((await open(copy, { initial: () => emptyState() })).state)).toEqual(expected);
    await shut(store);
    expect(plain((await open(file, { initial: () => emptyState() })).state)).toEqual(expected);
  });

  it('never compacts below compactMinBytes: small logs are left to grow', async () => {
    const file = join(dir, 'data.json');
    const store = await open(file, { initial: () => stateWith([]), compactMinBytes: 1_000_000, compactRatio: 0.001 });
    for (let n = 1; n <= 10; n += 1) await addAccount(store, n);
    const snapshot = JSON.parse(await readFile(file, 'utf8')) as MockState;
    expect(Object.keys(snapshot.accounts)).toHaveLength(0);
    expect((await stat(`${file}.log`)).size).toBeGreaterThan(0);
  });

  describe('a data file that is not a booklab state', () => {
    async function expectRefused(content: string, log?: string): Promise<StoreFileError> {
      const file = join(dir, 'data.json');
      await writeFile(file, content);
      if (log !== undefined) await writeFile(`${file}.log`, log);
      const error = await openStore({ file, initial: () => stateWith([account(1)]) }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StoreFileError);
      expect(await readFile(file, 'utf8')).toBe(content);
      if (log !== undefined) expect(await readFile(`${file}.log`, 'utf8')).toBe(log);
      const refused = error as StoreFileError;
      expect(refused.file).toBeTruthy();
      expect(refused.message).toContain(refused.file);
      expect(refused.message).toMatch(/left as it is/);
      expect(refused.message).toMatch(/Move it aside to start afresh, or run with --memory/);
      return refused;
    }

    it('refuses a corrupt (cut-off) snapshot and leaves it untouched', async () => {
      const valid = JSON.stringify(stateWith([account(1)]));
      const error = await expectRefused(valid.slice(0, valid.length - 20));
      expect(error.file).toBe(join(dir, 'data.json'));
    });

    it('refuses an empty snapshot file', async () => {
      await expectRefused('');
    });

    it.each([
      ['an object of another program', '{"hello":"world"}'],
      ['an array', '[]'],
      ['another schema version', JSON.stringify({ ...stateWith([]), schema: 2 })],
      ['a state with an invalid entity', JSON.stringify(stateWith([{ ...account(1), code: '' }]))],
      ['null', 'null'],
      ['false', 'false'],
      ['zero', '0'],
      ['an empty string', '""'],
    ])('refuses valid JSON that is not a booklab state: %s', async (_name, content) => {
      const error = await expectRefused(content);
      expect(error.message).toMatch(/not a booklab state/);
    });

    it('refuses a log whose damage is not a torn last line (a middle line is garbage), leaving both files untouched', async () => {
      const a = account(1);
      const b = account(2);
      const log = [
        JSON.stringify([{ c: 'accounts', k: a.id, v: a }]),
        '{"this is": not json',
        JSON.stringify([{ c: 'accounts', k: b.id, v: b }]),
        '',
      ].join('\n');
      await expectRefused(JSON.stringify(stateWith([])), log);
    });

    it.each([
      ['an op on an unknown collection', [{ c: 'nope', k: 'x', v: 1 }]],
      ['an op on the prototype', [{ c: '__proto__', k: 'polluted', v: true }]],
      ['an op that is not an op', [42]],
      ['a line that is not a list of ops', { c: 'accounts' }],
      ['an entity the schema refuses', [{ c: 'accounts', k: 'x', v: { name: 'no id' } }]],
    ])('refuses a log line with %s', async (_name, ops) => {
      const log = `${JSON.stringify(ops)}\n${JSON.stringify([{ c: 'meta', k: 'ids', v: 1 }])}\n`;
      await expectRefused(JSON.stringify(stateWith([])), log);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });
});
