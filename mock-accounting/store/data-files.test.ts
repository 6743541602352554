import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { account, addAccount, leaveLockOfDeadProcess, plain, stateWith } from '../../test/support/store-fixtures.js';
import { openStore, StoreFileError, type Store } from './index.js';

// Issue 15, point 8: the store's files. The data path is resolved once; after that no file is opened through a
// link, no file booklab did not write is written over, and a log that is not the snapshot's own stops the start
// (with what to do) instead of being dropped without a word.

describe('the data files of a file store', () => {
  let dir: string;
  let opened: Set<Store>;
  /** A file of the user's that a planted link points at: it must come through untouched. */
  let victim: string;
  const VICTIM_TEXT = 'the user’s own file\n';

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'booklab-data-files-'));
    opened = new Set();
    victim = join(dir, 'victim.txt');
    await writeFile(victim, VICTIM_TEXT);
  });

  afterEach(async () => {
    for (const store of opened) await store.close().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  });

  async function open(file: string, options: Parameters<typeof openStore>[0] = {}): Promise<Store> {
    const store = await openStore({ file, initial: () => stateWith([account(1)]), ...options });
    opened.add(store);
    return store;
  }

  async function shut(store: Store): Promise<void> {
    opened.delete(store);
    await store.close();
  }

  /** Opening is refused with StoreFileError naming `file`; every file in the directory is as it was. */
  async function expectRefused(data: string, file: string, reason: RegExp): Promise<void> {
    const before = await filesIn(dir);
    const error = await openStore({ file: data }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreFileError);
    expect((error as StoreFileError).file).toBe(file);
    expect((error as Error).message).toMatch(reason);
    expect((error as Error).message).toMatch(/It was left as it is\. Move it aside to start afresh, or run with --memory\./);
    expect(await filesIn(dir)).toEqual(before);
  }

  it('follows a symlinked data file once: its target is updated and the link stays a link', async () => {
    const target = join(dir, 'real.json');
    const link = join(dir, 'link.json');
    await shut(await open(target));
    await symlink(target, link);
    const store = await open(link);
    expect(store.description).toBe(target);
    await addAccount(store, 2);
    await shut(store);

    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(target);
    expect(Object.keys(JSON.parse(await readFile(target, 'utf8')).accounts)).toHaveLength(2);
    // The log lives beside the target, not beside the link.
    expect((await stat(`${target}.log`)).isFile()).toBe(true);
    await expect(lstat(`${link}.log`)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a data file that is a link to nothing, instead of creating whatever it points at', async () => {
    const link = join(dir, 'data.json');
    await symlink(join(dir, 'elsewhere', 'missing.json'), link);
    await expectRefused(link, link, /symbolic link to nothing/);
  });

  it('refuses a link planted at FILE.log and leaves the file it points at untouched', async () => {
    const file = join(dir, 'data.json');
    await shut(await open(file));
    await rm(`${file}.log`);
    await symlink(victim, `${file}.log`);
    await expectRefused(file, `${file}.log`, /symbolic link, and booklab does not follow links/);
    expect(await readFile(victim, 'utf8')).toBe(VICTIM_TEXT);
  });

  it('never writes through links planted where temporary files go (.FILE.tmp and the like)', async () => {
    const file = join(dir, 'data.json');
    for (const name of ['.data.json.tmp', '.data.json.log.tmp']) await symlink(victim, join(dir, name));
    const store = await open(file, { compactMinBytes: 500, compactRatio: 0.1 });
    for (let n = 2; n <= 20; n += 1) await addAccount(store, n, `${'z'.repeat(80)} ${n}`);
    await shut(store);
    expect(await readFile(victim, 'utf8')).toBe(VICTIM_TEXT);
    expect(Object.keys(JSON.parse(await readFile(file, 'utf8')).accounts)).toHaveLength(20);
    // Nothing booklab wrote is left behind but the snapshot and its log (the planted links are the user's business).
    expect((await readdir(dir)).sort()).toEqual(['.data.json.log.tmp', '.data.json.tmp', 'data.json', 'data.json.log', 'victim.txt']);
  });

  it('writes its files readable by their owner only: they hold the app secret and every token', async () => {
    const file = join(dir, 'data.json');
    await shut(await open(file));
    for (const path of [file, `${file}.log`]) expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('refuses an existing FILE.log that booklab did not write, instead of taking it over', async () => {
    const file = join(dir, 'data.json');
    await writeFile(`${file}.log`, 'my own notes\n');
    await expectRefused(file, `${file}.log`, /no snapshot .*data\.json for it to continue/);

    // Beside a snapshot as well: its first line names no snapshot.
    await rm(`${file}.log`);
    await shut(await open(file));
    await writeFile(`${file}.log`, 'my own notes\n');
    await expectRefused(file, `${file}.log`, /its first line names no snapshot, so booklab did not write it/);
  });

  it('refuses a log whose snapshot is missing, instead of starting afresh over it', async () => {
    const file = join(dir, 'data.json');
    const store = await open(file);
    await addAccount(store, 2);
    const log = await readFile(`${file}.log`);
    await shut(store);
    await rm(file);
    await writeFile(`${file}.log`, log);
    await expectRefused(file, `${file}.log`, /no snapshot .*data\.json for it to continue/);
  });

  it('refuses a log that continues another snapshot, instead of dropping its changes', async () => {
    const file = join(dir, 'data.json');
    const other = join(dir, 'other.json');
    await shut(await open(other, { initial: () => stateWith([account(7)]) }));
    const store = await open(file);
    await addAccount(store, 2);
    const log = await readFile(`${file}.log`);
    await shut(store);
    // The log of one data file put beside the snapshot of another.
    await writeFile(`${other}.log`, log);
    await expectRefused(other, `${other}.log`, /continues another snapshot than the one beside it/);
  });

  it('removes the unfinished snapshot copies a stop left, says so, and leaves every other file alone', async () => {
    const file = join(dir, 'data.json');
    await shut(await open(file));
    const leftovers = ['.data.json.0a1b2c3d4e5f.tmp', '.data.json.ffffffffffff.tmp'];
    const others = ['.data.json.tmp', '.data.json.0a1b2c3d4e5f.tmp.keep', '.other.json.0a1b2c3d4e5f.tmp', 'data.json.0a1b2c3d4e5f.tmp'];
    for (const name of [...leftovers, ...others]) await writeFile(join(dir, name), 'half a snapshot');
    await mkdir(join(dir, '.data.json.123456789abc.tmp'));

    const reopened = await open(file);
    expect([...reopened.dropped].sort()).toEqual(
      leftovers.map(
        (name) =>
          `removed ${name}, a copy of the snapshot that a stop left unfinished (the snapshot and its log hold every answered write)`,
      ),
    );
    const left = await readdir(dir);
    for (const name of leftovers) expect(left).not.toContain(name);
    for (const name of [...others, '.data.json.123456789abc.tmp']) expect(left).toContain(name);
  });

  it('says what recovery dropped: the unfinished last write, and nothing when there was none', async () => {
    const file = join(dir, 'data.json');
    const store = await open(file);
    await addAccount(store, 2);
    expect(store.dropped).toEqual([]);
    const answered = plain(store.state);
    opened.delete(store); // crashed: never closed, and its lock names a process that is gone
    await leaveLockOfDeadProcess(file);
    const torn = JSON.stringify([{ c: 'accounts', k: account(3).id, v: account(3) }]);
    await writeFile(`${file}.log`, `${await readFile(`${file}.log`, 'utf8')}${torn.slice(0, 40)}`);

    const reopened = await open(file);
    expect(plain(reopened.state)).toEqual(answered);
    expect(reopened.dropped).toEqual(['dropped the unfinished last write of the log (40 bytes, never answered)']);
  });
});

/** Every entry of a directory with its kind and, for files, content: what "left as it is" compares. */
async function filesIn(dir: string): Promise<Record<string, string>> {
  const entries: Record<string, string> = {};
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    const stats = await lstat(path);
    entries[name] = stats.isSymbolicLink() ? `link → ${await readlink(path)}` : stats.isFile() ? await readFile(path, 'utf8') : 'directory';
  }
  return entries;
}
