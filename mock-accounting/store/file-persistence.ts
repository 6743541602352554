import { open, readFile, type FileHandle } from 'node:fs/promises';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { applyOp, type Op } from './op.js';
import type { Persistence } from './persistence.js';
import { parseState, type MockState } from './state.js';
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
  const snapshot = new Low<MockState | null>(
    new DataFile<MockState | null>(file, {
      parse: JSON.parse,
      stringify(data) {
        const text = JSON.stringify(data);
        snapshotBytes = Buffer.byteLength(text);
        return text;
      },
    }),
    null,
  );
  let log: FileHandle | undefined;
  let logBytes = 0;
  let pending: { lines: string[]; waiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> } | undefined;
  let queue: Promise<void> = Promise.resolve();

  async function openLog(truncate: boolean): Promise<void> {
    await log?.close();
    log = await open(logFile, truncate ? 'w' : 'a');
    if (truncate) logBytes = 0;
  }

  async function writeSnapshot(state: MockState): Promise<void> {
    snapshot.data = state;
    await snapshot.write();
    if (fsync) {
      const handle = await open(file, 'r');
      await handle.datasync().finally(() => handle.close());
    }
    await openLog(true);
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
      if (snapshot.data === null) {
        await openLog(true);
        return undefined;
      }
      const parsed = parseState(snapshot.data);
      if (!parsed.ok) throw new StoreFileError(file, new Error(`not a booklab state (${parsed.message})`));
      await replayLog(logFile, parsed.state);
      await writeSnapshot(parsed.state);
      return parsed.state;
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

/** Applies the log's transactions to the state; a torn last line (a crash mid-write, never answered) is dropped. */
async function replayLog(logFile: string, state: MockState): Promise<void> {
  let text: string;
  try {
    text = await readFile(logFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let ops: Op[];
    try {
      ops = JSON.parse(line) as Op[];
    } catch {
      break;
    }
    for (const op of ops) applyOp(state, op);
  }
}
