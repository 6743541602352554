import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { account, addAccount, leaveLockOfDeadProcess, plain, stateWith } from '../../test/support/store-fixtures.js';
import { DataFileInUseError } from './data-file-in-use-error.js';
import { openStore, type Store } from './index.js';

// One store at a time owns a data file: a second server on the same file would append after what it last read
// and its next snapshot would drop the first server's bookings without a word.

describe('the lock of a data file', () => {
  let dir: string;
  let file: string;
  const opened = new Set<Store>();

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'booklab-lock-'));
    file = join(dir, 'data.json');
  });

  afterEach(async () => {
    for (const store of opened) await store.close().catch(() => {});
    opened.clear();
    await rm(dir, { recursive: true, force: true });
  });

  async function open(): Promise<Store> {
    const store = await openStore({ file, initial: () => stateWith([account(1)]) });
    opened.add(store);
    return store;
  }

  async function refusal(): Promise<DataFileInUseError> {
    const error = await openStore({ file }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DataFileInUseError);
    return error as DataFileInUseError;
  }

  it('refuses a second store on the same file, names the holder and what to do, and changes nothing', async () => {
    const first = await open();
    await addAccount(first, 2);
    const files = await snapshotOf(dir);

    const error = await refusal();
    expect(error.holder?.pid).toBe(process.pid);
    expect(error.message).toContain(`The data file ${file} is in use by another booklab server (process ${process.pid} on ${hostname()}`);
    expect(error.message).toContain('Stop that server, or give this one another --data file.');
    expect(error.message).toContain(`If no booklab server runs any more, delete ${file}.lock.`);
    expect(await snapshotOf(dir)).toEqual(files);

    // The first store goes on writing, and its bookings are all there when the file is opened after it closed.
    await addAccount(first, 3);
    const answered = plain(first.state);
    opened.delete(first);
    await first.close();
    expect(await readdir(dir)).not.toContain('data.json.lock');
    expect(plain((await open()).state)).toEqual(answered);
  });

  it('takes over the lock a crashed server left, as it names a process that is gone', async () => {
    const first = await open();
    await addAccount(first, 2);
    const answered = plain(first.state);
    opened.delete(first); // crashed: never closed
    const dead = await leaveLockOfDeadProcess(file);

    const second = await open();
    expect(plain(second.state)).toEqual(answered);
    const lock = JSON.parse(await readFile(`${file}.lock`, 'utf8')) as { pid: number };
    expect(lock.pid).not.toBe(dead);
    expect(lock.pid).toBe(process.pid);
  });

  it('refuses while another process that runs holds the lock, and opens once it is gone', async () => {
    await (await open()).close();
    opened.clear();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    try {
      await writeFile(`${file}.lock`, JSON.stringify({ pid: other.pid, hostname: hostname(), since: '2026-12-03T10:00:00.000Z' }));
      const error = await refusal();
      expect(error.message).toContain(`(process ${other.pid} on ${hostname()}, since 2026-12-03T10:00:00.000Z)`);
      expect(error.message).not.toContain('this process');
    } finally {
      const gone = new Promise((resolve) => other.once('exit', resolve));
      other.kill();
      await gone;
    }
    await open();
  });

  it('refuses, and leaves alone, a lock it cannot read or that names another machine', async () => {
    await (await open()).close();
    opened.clear();
    for (const text of ['not json', JSON.stringify({ pid: 1, hostname: `not-${hostname()}`, since: '2026-12-03T10:00:00.000Z' })]) {
      await writeFile(`${file}.lock`, text);
      const error = await refusal();
      expect(error.message).toContain(`delete ${file}.lock`);
      expect(await readFile(`${file}.lock`, 'utf8')).toBe(text);
    }
  });

  it('gives the file back when opening fails after the lock was taken', async () => {
    await writeFile(file, 'not a state');
    await expect(openStore({ file })).rejects.toThrow(/Cannot read the data file/);
    expect(await readdir(dir)).toEqual(['data.json']);
  });

  it('gives the file back when a new data file cannot be written (a full disk)', async () => {
    const fullDisk = () => Promise.resolve(0);
    await expect(openStore({ file, writeAt: fullDisk })).rejects.toThrow(/no space left on the device/);
    expect((await readdir(dir)).filter((name) => name.endsWith('.lock'))).toEqual([]);
  });
});

/** Every file of `dir` with its content. */
async function snapshotOf(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) files[name] = await readFile(join(dir, name), 'utf8');
  return files;
}
