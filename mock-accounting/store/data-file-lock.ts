import { hostname } from 'node:os';
import { open, readFile, unlink } from 'node:fs/promises';
import { DataFileInUseError, type LockHolder } from './data-file-in-use-error.js';
import { StoreFileError } from './store-file-error.js';

// Two servers on one data file would each append to the log after what they last read, and the second
// snapshot would silently drop the first server's bookings. A lock file beside the snapshot (`<file>.lock`,
// made with O_EXCL) lets one store at a time own the files; a lock left by a process that is gone is taken over.

/** Releases a lock taken by {@link lockDataFile}; a second call does nothing. */
export type ReleaseLock = () => Promise<void>;

/** Takes `<path>.lock` for this process, or rejects with DataFileInUseError naming the process that holds it. */
export async function lockDataFile(path: string): Promise<ReleaseLock> {
  const lockPath = `${path}.lock`;
  const me: LockHolder = { pid: process.pid, hostname: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; ; attempt += 1) {
    const made = await create(lockPath, me);
    if (made) return made;
    const holder = await readHolder(lockPath);
    // A lock that is unreadable, another machine's, or a live process's is not ours to take.
    if (!holder || holder.hostname !== me.hostname || isAlive(holder.pid) || attempt > 0)
      throw new DataFileInUseError(path, lockPath, holder);
    await unlink(lockPath).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw new StoreFileError(lockPath, error);
    });
  }
}

/** Makes the lock file holding `me`; undefined when one is already there. */
async function create(lockPath: string, me: LockHolder): Promise<ReleaseLock | undefined> {
  try {
    const handle = await open(lockPath, 'wx', 0o600);
    await handle.writeFile(`${JSON.stringify(me)}\n`).finally(() => handle.close());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw new StoreFileError(lockPath, error);
  }
  let held = true;
  return async () => {
    if (!held) return;
    held = false;
    await unlink(lockPath).catch(() => {});
  };
}

/** The process a lock file names, or undefined when the file is gone or is not a booklab lock. */
async function readHolder(lockPath: string): Promise<LockHolder | undefined> {
  try {
    const holder = JSON.parse(await readFile(lockPath, 'utf8')) as Partial<LockHolder>;
    if (typeof holder.pid === 'number' && typeof holder.hostname === 'string' && typeof holder.since === 'string')
      return { pid: holder.pid, hostname: holder.hostname, since: holder.since };
  } catch {
    // An unreadable or half-written lock reads as "held by someone unknown": refused, never taken over.
  }
  return undefined;
}

/** True while a process with this id runs (EPERM: it runs as another user). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
