import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, readdir, realpath, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { StoreFileError } from './store-file-error.js';

// How the store touches the disk: the data path is resolved once, then no file is opened through a symbolic
// link, no existing file is written into except the store's own log, and every byte goes through one
// injectable write call (tests fill the disk there).

/** O_NOFOLLOW where the platform has it (not on Windows, which has no such links to plant). */
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
/** A FIFO planted in place of a data file must not block the open. */
const NO_BLOCK = constants.O_NONBLOCK ?? 0;

/**
 * Writes `bytes` at `position` as pwrite(2) does, and like it may write fewer than asked (a disk filling up).
 * The store writes every byte through this; tests inject one that fails part-way.
 */
export type WriteAt = (handle: FileHandle, bytes: Uint8Array, position: number, path: string) => Promise<number>;

/** The real {@link WriteAt}. */
export const writeAtPosition: WriteAt = async (handle, bytes, position) =>
  (await handle.write(bytes, 0, bytes.length, position)).bytesWritten;

/** Writes all of `bytes` at `position`, going on after short writes; rejects when a write fails or writes nothing. */
export async function writeAll(writeAt: WriteAt, handle: FileHandle, bytes: Uint8Array, position: number, path: string): Promise<void> {
  for (let done = 0; done < bytes.length;) {
    const written = await writeAt(handle, bytes.subarray(done), position + done, path);
    if (!(written > 0))
      throw Object.assign(new Error(`no space left on the device (a write to ${path} wrote nothing)`), { code: 'ENOSPC' });
    done += written;
  }
}

/**
 * The path the store keeps its snapshot at, resolved once: relative to the working directory, and when `file`
 * is a symbolic link, the file it points to (so the link stays a link and its target is what gets updated).
 * The log and temporary files sit beside that real path.
 */
export async function resolveDataPath(file: string): Promise<string> {
  const absolute = resolve(file);
  const stats = await lstat(absolute).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new StoreFileError(absolute, error);
  });
  if (!stats?.isSymbolicLink()) return absolute;
  return realpath(absolute).catch((error: NodeJS.ErrnoException) => {
    throw new StoreFileError(
      absolute,
      new Error(`it is a symbolic link to nothing (${error.code ?? error.message}); create its target or give the real path`),
    );
  });
}

/** True when something (a file, a link, anything) is at `path`. */
export async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw new StoreFileError(path, error);
    },
  );
}

/** Opens an existing regular file without following a link; StoreFileError when it is a link or not a file. */
export async function openNoFollow(path: string, flags: number): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await open(path, flags | NO_FOLLOW | NO_BLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Linux says ELOOP for a link under O_NOFOLLOW; the BSDs say EMLINK.
    if (code === 'ELOOP' || code === 'EMLINK')
      throw new StoreFileError(path, new Error('it is a symbolic link, and booklab does not follow links for its data files'));
    throw error;
  }
  if (!(await handle.stat()).isFile()) {
    await handle.close();
    throw new StoreFileError(path, new Error('it is not a regular file'));
  }
  return handle;
}

/** Reads a file without following a link; undefined when there is none. */
export async function readNoFollow(path: string): Promise<Buffer | undefined> {
  let handle: FileHandle;
  try {
    handle = await openNoFollow(path, constants.O_RDONLY);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error instanceof StoreFileError ? error : new StoreFileError(path, error);
  }
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** Random bytes in a temporary file's name (as hex): `.FILE.<id>.tmp`. */
const TEMPORARY_ID_BYTES = 6;

/**
 * Removes the temporary files {@link replaceFile} made for `path` and a stop left behind (only names it makes, and
 * only what is not a directory); the caller must hold the data file's lock, so no other store is writing one.
 * Returns the names removed.
 */
export async function sweepTemporaryFiles(path: string): Promise<string[]> {
  const prefix = `.${basename(path)}.`;
  const made = new RegExp(`^[0-9a-f]{${TEMPORARY_ID_BYTES * 2}}\\.tmp$`);
  const removed: string[] = [];
  // Housekeeping only: a leftover that cannot be listed or removed is left, and the start goes on.
  const names = await readdir(dirname(path)).catch(() => []);
  for (const name of names) {
    if (!name.startsWith(prefix) || !made.test(name.slice(prefix.length))) continue;
    const file = join(dirname(path), name);
    const gone = await lstat(file)
      .then((stats) => !stats.isDirectory() && unlink(file).then(() => true))
      .catch(() => false);
    if (gone) removed.push(name);
  }
  return removed;
}

/** Options for {@link replaceFile}. */
export interface ReplaceFileOptions {
  fsync: boolean;
  writeAt: WriteAt;
}

/**
 * Puts a new file with `bytes` at `path` atomically: written to a temporary file of its own beside it (created
 * afresh, readable by the owner only, so no planted file or link is ever written into), synced, then renamed
 * over `path` (which replaces a link there instead of following it). Returns the new file, open for writing.
 * On failure the temporary file is removed and `path` is as it was.
 */
export async function replaceFile(path: string, bytes: Uint8Array, { fsync, writeAt }: ReplaceFileOptions): Promise<FileHandle> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(TEMPORARY_ID_BYTES).toString('hex')}.tmp`);
  const handle = await open(temporary, constants.O_RDWR | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW, 0o600);
  try {
    await writeAll(writeAt, handle, bytes, 0, temporary);
    if (fsync) await handle.datasync();
    await rename(temporary, path);
  } catch (error) {
    await handle.close().catch(() => {});
    await unlink(temporary).catch(() => {});
    throw error;
  }
  // The rename is done; syncing the directory makes it survive a power cut. Where that cannot be done (a
  // directory that cannot be opened), the rename is still in place for every crash short of one.
  if (fsync) await syncDirectory(dirname(path)).catch(() => {});
  return handle;
}

async function syncDirectory(path: string): Promise<void> {
  const directory = await open(path, constants.O_RDONLY);
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}
