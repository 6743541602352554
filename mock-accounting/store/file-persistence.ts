import { constants } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { lockDataFile, type ReleaseLock } from './data-file-lock.js';
import type { Op } from './op.js';
import type { LoadedState, Persistence } from './persistence.js';
import {
  exists,
  openNoFollow,
  readNoFollow,
  replaceFile,
  resolveDataPath,
  sweepTemporaryFiles,
  writeAll,
  writeAtPosition,
  type WriteAt,
} from './safe-files.js';
import type { MockState } from './state.js';
import { parseState } from './state-documents.js';
import { StoreFileError } from './store-file-error.js';
import { StoreWriteError } from './store-write-error.js';
import { commitLine, headerLine, markerLine, replayLog, snapshotHash } from './transaction-log.js';

/** Options for {@link filePersistence}. */
export interface FilePersistenceOptions {
  /** Path of the snapshot, resolved once on load (see resolveDataPath); the log sits beside it as `<file>.log`. */
  file: string;
  /** fdatasync every commit, so an answered write survives a power cut (not just a crash). */
  fsync?: boolean;
  /** Compact (rewrite the snapshot, empty the log) once the log is this many times the snapshot's size. */
  compactRatio?: number;
  /** ...but never for a log smaller than this, in bytes. */
  compactMinBytes?: number;
  /** Where every byte is written; tests inject a disk that fills up. */
  writeAt?: WriteAt;
}

/**
 * Stores the state as a JSON snapshot plus an append-only log of commits (see transaction-log.ts).
 *
 * Rewriting the whole state on every write would make a write's cost grow with the data; appending one line per
 * commit keeps a booking's cost flat, and the snapshot is rewritten (atomically, through a temporary file) only
 * when the log has grown past a multiple of it.
 *
 * A commit is answered once its whole line is on disk. A failed write (a full disk) cuts the log back to where
 * it was, so nothing of it stays; should even that fail, the log takes no more writes until a restart, whose
 * recovery drops the unfinished line. Files are opened without following links, and only files booklab wrote
 * are ever replaced: a log that is not booklab's, or that belongs to another snapshot, stops the start instead.
 */
export function filePersistence({
  file,
  fsync = true,
  compactRatio = 2,
  compactMinBytes = 4 * 1024 * 1024,
  writeAt = writeAtPosition,
}: FilePersistenceOptions): Persistence {
  let path = file;
  let logPath = `${file}.log`;
  let snapshotBytes = 0;
  /** Hash of the snapshot's text as last read or written: a new log's header names it. */
  let currentHash = '';
  let log: FileHandle | undefined;
  /** Where the log's last whole line ends: the next commit is written there. */
  let logBytes = 0;
  /** Set when a failed write could not be cut back out of the log: then no more writes go to it. */
  let broken: StoreWriteError | undefined;
  /** The log size a compaction is tried at again after one failed (a full disk should not be retried every commit). */
  let retryCompactionAt = 0;
  /** Gives the data file back to other stores; set while this one holds it. */
  let unlock: ReleaseLock | undefined;

  /** Appends a line at the end of the log's whole lines; on failure cuts the log back, so nothing of it stays. */
  async function appendLine(line: string): Promise<void> {
    if (broken) throw broken;
    if (!log) throw new Error(`[booklab] bug: the log of ${path} was written before it was opened`);
    const bytes = Buffer.from(line);
    try {
      await writeAll(writeAt, log, bytes, logBytes, logPath);
      if (fsync) await log.datasync();
    } catch (error) {
      try {
        await log.truncate(logBytes);
        if (fsync) await log.datasync();
      } catch (cut) {
        broken = new StoreWriteError(
          logPath,
          new Error(
            `a failed write could not be cut back out of the log (${(cut as Error).message}); restart the server, whose recovery drops it`,
          ),
        );
      }
      throw new StoreWriteError(logPath, error);
    }
    logBytes += bytes.length;
  }

  /** Starts a new log (header only) beside the current snapshot, replacing the old one at once. */
  async function restartLog(): Promise<void> {
    const header = headerLine(currentHash);
    const handle = await replaceFile(logPath, Buffer.from(header), { fsync, writeAt });
    await log?.close().catch(() => {});
    log = handle;
    logBytes = Buffer.byteLength(header);
  }

  /**
   * Puts a new snapshot in place: first a marker in the old log (so a stop before the log is restarted is
   * recognised on load), then the snapshot, then a new log. Rejects only while the old snapshot still holds;
   * once the new one is in place a log that cannot be restarted is kept, and commits go on after its marker.
   */
  async function writeSnapshot(text: string): Promise<void> {
    const hash = snapshotHash(text);
    if (log) await appendLine(markerLine(hash));
    const handle = await replaceFile(path, Buffer.from(text), { fsync, writeAt });
    await handle.close().catch(() => {});
    currentHash = hash;
    snapshotBytes = Buffer.byteLength(text);
    await restartLog().catch(() => {});
  }

  /** Opens the log on disk to write after its whole lines, cutting off an unfinished one. */
  async function reopenLog(wholeBytes: number): Promise<void> {
    log = await openNoFollow(logPath, constants.O_RDWR);
    logBytes = wholeBytes;
    await log.truncate(wholeBytes).catch(() => {});
  }

  return {
    get description() {
      return path;
    },
    async load(): Promise<LoadedState | undefined> {
      path = await resolveDataPath(file);
      logPath = `${path}.log`;
      unlock = await lockDataFile(path);
      try {
        const swept = await sweepTemporaryFiles(path);
        const loaded = await loadLocked();
        for (const name of swept)
          loaded?.dropped.push(
            `removed ${name}, a copy of the snapshot that a stop left unfinished (the snapshot and its log hold every answered write)`,
          );
        return loaded;
      } catch (error) {
        await log?.close().catch(() => {});
        log = undefined;
        await unlock();
        throw error;
      }
    },
    append: (ops: readonly Op[]) => appendLine(commitLine(ops)),
    async replace(text) {
      try {
        await writeSnapshot(text());
        if (!log) await restartLog();
      } catch (error) {
        retryCompactionAt = logBytes + compactMinBytes;
        throw error instanceof StoreWriteError ? error : new StoreWriteError(path, error);
      }
    },
    compactionDue: () => logBytes > Math.max(compactMinBytes, snapshotBytes * compactRatio) && logBytes >= retryCompactionAt,
    async close() {
      await log?.close();
      log = undefined;
      await unlock?.();
    },
  };

  /** Reads the snapshot and replays its log, once this store holds the data file. */
  async function loadLocked(): Promise<LoadedState | undefined> {
    const snapshot = await readNoFollow(path);
    if (!snapshot) {
      if (await exists(logPath))
        throw new StoreFileError(logPath, new Error(`there is no snapshot ${path} for it to continue, so booklab did not write it there`));
      return undefined;
    }
    const text = snapshot.toString('utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new StoreFileError(path, error);
    }
    const parsed = parseState(json);
    if (!parsed.ok) throw new StoreFileError(path, new Error(`not a booklab state (${parsed.problem.message})`));
    currentHash = snapshotHash(text);
    snapshotBytes = snapshot.length;

    const logOnDisk = (await readNoFollow(logPath)) ?? Buffer.alloc(0);
    // The parsed snapshot serves once; a marker that says to start over from it gets a fresh copy.
    let first: MockState | undefined = parsed.value;
    const replayed = replayLog(logOnDisk, {
      hash: currentHash,
      state: () => {
        const state = first ?? reparse(text);
        first = undefined;
        return state;
      },
    });
    if (!replayed.ok) throw new StoreFileError(logPath, new Error(replayed.problem.message));

    // Start again from one snapshot and an empty log. The marker for the new snapshot goes after the old log's
    // whole lines (over an unfinished one). On a full disk this may fail: then go on with the log as it is.
    const dropped = [...replayed.value.dropped];
    if (replayed.value.wholeBytes > 0) await reopenLog(replayed.value.wholeBytes);
    try {
      await writeSnapshot(JSON.stringify(replayed.value.state));
      if (!log) await restartLog();
    } catch (error) {
      if (!log) throw new StoreWriteError(logPath, error);
      dropped.push(`could not rewrite the snapshot (${(error as Error).message}), so the log goes on as it is`);
    }
    return { state: replayed.value.state, dropped };
  }
}

/** Parses a snapshot's text again (it was checked once already). */
function reparse(text: string): MockState {
  const parsed = parseState(JSON.parse(text));
  if (!parsed.ok) throw new Error(`[booklab] bug: a snapshot that parsed once does not parse again (${parsed.problem.message})`);
  return parsed.value;
}
