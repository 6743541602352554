import { createHash } from 'node:crypto';
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { applyOp, type Op } from './op.js';
import type { Persistence } from './persistence.js';
import { COLLECTIONS, parseState, type MockState } from './state.js';
import { StoreFileError } from './store-file-error.js';

/** Options for {@link filePersistence}. */
export interface FilePersistenceOptions {
  /** Path of the snapshot; the operation log sits beside it as `<file>.log`. */
  file: string;
  /** fdatasync every commit, so an answered write survives a power cut (not just a crash). */
  fsync?: boolean;
  /** Compact (rewrite the snapshot, empty the log) once the log is this many times the snapshot's size. */
  compactRatio?: number;
  /** ...but never for a log smaller than this, in bytes. */
  compactMinBytes?: number;
  /** Reads the live state when compacting. */
  currentState: () => MockState;
}

/**
 * Stores the state as a lowdb JSON snapshot plus an append-only log of transactions.
 *
 * lowdb rewrites its whole file on every write, so a write's cost would grow with the data;
 * appending one line per transaction keeps a booking's cost flat, and the snapshot is rewritten
 * (atomically, by lowdb's steno writer) only when the log has grown past a multiple of it.
 * Transactions waiting while a write is on its way are committed together (group commit).
 *
 * The log starts with a header naming the snapshot it continues (a hash of its text). A crash after a new
 * snapshot is in place but before the old log is emptied leaves a log whose header names the old snapshot:
 * it is skipped on load, so a replaced state never gets the replaced transactions replayed on top of it.
 */
export function filePersistence({
  file,
  fsync = true,
  compactRatio = 2,
  compactMinBytes = 4 * 1024 * 1024,
  currentState,
}: FilePersistenceOptions): Persistence {
  const logFile = `${file}.log`;
  let snapshotBytes = 0;
  /** Hash of the snapshot's text as last read or written; the log's header names it. */
  let snapshotHash = '';
  /** True once a snapshot file was read: even `null` in it is a file to refuse, not a missing one. */
  let found = false;
  const snapshot = new Low<MockState | null>(
    new DataFile<MockState | null>(file, {
      parse(text) {
        found = true;
        snapshotHash = hashOf(text);
        return JSON.parse(text) as MockState | null;
      },
      stringify(data) {
        const text = JSON.stringify(data);
        snapshotBytes = Buffer.byteLength(text);
        snapshotHash = hashOf(text);
        return text;
      },
    }),
    null,
  );
  let log: FileHandle | undefined;
  let logBytes = 0;
  let pending: { lines: string[]; waiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> } | undefined;
  let queue: Promise<void> = Promise.resolve();

  /** Empties the log and starts it with the header naming the current snapshot. */
  async function restartLog(): Promise<void> {
    await log?.close();
    log = await open(logFile, 'w');
    const header = `${JSON.stringify({ snapshot: snapshotHash } satisfies LogHeader)}\n`;
    await log.write(header);
    if (fsync) await log.datasync();
    logBytes = Buffer.byteLength(header);
  }

  async function writeSnapshot(state: MockState): Promise<void> {
    snapshot.data = state;
    await snapshot.write();
    if (fsync) {
      const handle = await open(file, 'r');
      await handle.datasync().finally(() => handle.close());
    }
    await restartLog();
  }

  function schedule(task: () => Promise<void>): Promise<void> {
    const run = queue.then(task);
    queue = run.catch(() => {});
    return run;
  }

  async function commitPending(): Promise<void> {
    const batch = pending;
    pending = undefined;
    if (!batch || !log) return;
    try {
      const text = batch.lines.join('');
      await log.write(text);
      if (fsync) await log.datasync();
      logBytes += Buffer.byteLength(text);
      batch.waiters.forEach((w) => w.resolve());
    } catch (error) {
      batch.waiters.forEach((w) => w.reject(error));
      return;
    }
    if (logBytes > Math.max(compactMinBytes, snapshotBytes * compactRatio)) await writeSnapshot(currentState());
  }

  return {
    description: file,
    async load() {
      try {
        await snapshot.read();
      } catch (error) {
        throw new StoreFileError(file, error);
      }
      if (!found) {
        await restartLog();
        return undefined;
      }
      const parsed = parseState(snapshot.data);
      if (!parsed.ok) throw new StoreFileError(file, new Error(`not a booklab state (${parsed.message})`));
      const state = await replayLog(logFile, parsed.state, snapshotHash);
      await writeSnapshot(state);
      return state;
    },
    append(ops) {
      const line = `${JSON.stringify(ops)}\n`;
      return new Promise<void>((resolve, reject) => {
        if (pending) {
          pending.lines.push(line);
          pending.waiters.push({ resolve, reject });
          return;
        }
        pending = { lines: [line], waiters: [{ resolve, reject }] };
        void schedule(commitPending);
      });
    },
    replace(state) {
      return schedule(async () => {
        await commitPending();
        await writeSnapshot(state);
      });
    },
    close() {
      return schedule(async () => {
        await commitPending();
        await writeSnapshot(currentState());
        await log?.close();
        log = undefined;
      });
    },
  };
}

/** The first line of a log: the hash of the snapshot the log continues. */
interface LogHeader {
  snapshot: string;
}

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Applies the log's transactions to the state loaded from the snapshot with hash `snapshotHash`. Only a torn
 * last line (a crash mid-write, never answered) is dropped; any other damage, or a line that is not a list of
 * ops on known collections, raises StoreFileError and leaves the files as they are. A log whose header names
 * another snapshot predates the one loaded (a crash between writing a snapshot and emptying the log): it is skipped.
 */
async function replayLog(logFile: string, state: MockState, snapshotHash: string): Promise<MockState> {
  let text: string;
  try {
    text = await readFile(logFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return state;
    throw new StoreFileError(logFile, error);
  }
  const lines = text.split('\n').slice(0, -1); // what follows the last newline is a torn line, or nothing
  let applied = 0;
  for (const [i, line] of lines.entries()) {
    const parsed = parseLine(line);
    if (i === 0 && isHeader(parsed)) {
      if (parsed.snapshot !== snapshotHash) return state;
      continue;
    }
    if (!isOpList(parsed)) throw new StoreFileError(logFile, new Error(`line ${i + 1} is not a transaction`));
    for (const op of parsed) applyOp(state, op);
    applied += parsed.length;
  }
  // The snapshot's state was checked on load; only ops applied on top of it need checking again.
  if (applied === 0) return state;
  const replayed = parseState(state);
  if (!replayed.ok) throw new StoreFileError(logFile, new Error(`replaying it gives no booklab state (${replayed.message})`));
  return replayed.state;
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

function isHeader(value: unknown): value is LogHeader {
  return typeof value === 'object' && value !== null && typeof (value as { snapshot?: unknown }).snapshot === 'string';
}

function isOpList(value: unknown): value is Op[] {
  return Array.isArray(value) && value.every((op: Partial<Op> | null) => typeof op?.k === 'string' && op.k !== '__proto__' && (COLLECTIONS as unknown[]).includes(op.c) && op.v !== undefined);
}
