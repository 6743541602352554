import { applyOp, type Op } from './op.js';
import { filePersistence } from './file-persistence.js';
import { memoryPersistence, type Persistence } from './persistence.js';
import type { MockState } from './state.js';
import { emptyState } from './state-documents.js';
import type { CommitsAlways, OpenStoreOptions, Store, StoreIndex, Transaction } from './store-api.js';
import { StoreWriteError } from './store-write-error.js';

/** A transaction applied to the state but not yet on disk. */
interface Unsaved {
  /** Its changes, in order. */
  ops: Op[];
  /** What undoes them, in the order they were made. */
  undo: Op[];
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Opens a store: in memory, or backed by a data file (created from `initial` when missing).
 * @example const store = await openStore({ file: 'booklab.json', initial: demoState });
 */
export async function openStore({
  file,
  initial = emptyState,
  fsync = true,
  compactRatio,
  compactMinBytes,
  writeAt,
}: OpenStoreOptions = {}): Promise<Store> {
  const persistence: Persistence = file ? filePersistence({ file, fsync, compactRatio, compactMinBytes, writeAt }) : memoryPersistence();
  const loaded = await persistence.load();
  let state: MockState = loaded?.state ?? initial();
  if (!loaded)
    await persistence
      .replace(() => JSON.stringify(state))
      .catch(async (error: unknown) => {
        // The store never opened: its data file goes back to whoever opens it next.
        await persistence.close().catch(() => {});
        throw error;
      });
  const indexes = new Map<string, StoreIndex>();
  // Group commit: while one commit is on its way to disk, the transactions after it wait and then go as one.
  /** The commit on its way to disk. */
  let saving: Unsaved[] = [];
  /** Applied after it, waiting for the next commit. */
  let waiting: Unsaved[] = [];
  /** True while the persistence is busy (a commit, a compaction, a replace); it is never called twice at once. */
  let busy = false;
  let closed = false;
  let closing: Promise<void> | undefined;
  /** Replaces and closes waiting for the persistence, first come first served. */
  const whenFree: Array<() => void> = [];

  function change(op: Op): unknown {
    const previous = applyOp(state, op);
    for (const index of indexes.values()) index.change(op.c, op.k, previous, op.v ?? undefined);
    return previous;
  }

  /** Undoes transactions (each given by its undo ops), the last first. */
  function undo(undoLists: ReadonlyArray<readonly Op[]>): void {
    for (const list of [...undoLists].reverse()) for (const op of [...list].reverse()) change(op);
  }

  /** Undoes every unsaved transaction: those of the failed commit, and those after, which may build on them. */
  function rollBackUnsaved(error: unknown): void {
    const failed = saving;
    const followers = waiting;
    saving = [];
    waiting = [];
    undo([...failed, ...followers].map((transaction) => transaction.undo));
    for (const transaction of failed) transaction.reject(error);
    const followed = new StoreWriteError(persistence.description, error, { followed: true });
    for (const transaction of followers) transaction.reject(followed);
  }

  /** The state as saved: the live one without the waiting transactions, taken out and put back at once. */
  function savedStateText(): string {
    for (const transaction of [...waiting].reverse()) for (const op of [...transaction.undo].reverse()) applyOp(state, op);
    try {
      return JSON.stringify(state);
    } finally {
      for (const transaction of waiting) for (const op of transaction.ops) applyOp(state, op);
    }
  }

  function swapTo(next: MockState): void {
    state = next;
    for (const index of indexes.values()) index.rebuild(state);
  }

  /**
   * When the persistence is free: hands it first to a replace or close waiting for it (so a steady stream of
   * writes cannot hold those off), else commits the waiting transactions.
   */
  function proceed(): void {
    if (busy) return;
    const taker = whenFree.shift();
    if (taker) {
      busy = true; // handed over taken, so no commit slips in before the taker runs
      taker();
    } else if (waiting.length > 0) void commitWaiting();
  }

  /** Commits the waiting transactions as one; on failure undoes them and every transaction after them. */
  async function commitBatch(): Promise<void> {
    saving = waiting;
    waiting = [];
    try {
      await persistence.append(saving.length === 1 ? saving[0]!.ops : saving.flatMap((transaction) => transaction.ops));
    } catch (error) {
      rollBackUnsaved(error);
      return;
    }
    const saved = saving;
    saving = [];
    for (const transaction of saved) transaction.resolve();
  }

  async function commitWaiting(): Promise<void> {
    busy = true;
    try {
      await commitBatch();
      if (persistence.compactionDue()) await compact();
    } finally {
      busy = false;
      proceed();
    }
  }

  /** Rewrites the snapshot; a failure loses nothing (the log still holds every commit), so it is only reported. */
  async function compact(): Promise<void> {
    try {
      await persistence.replace(savedStateText);
    } catch (error) {
      const reason = error instanceof StoreWriteError ? error.reason : (error as Error).message;
      console.error(
        `[booklab] Could not compact ${persistence.description} (${reason}). Nothing is lost: the log keeps every change, and compacting is tried again once it has grown further.`,
      );
    }
  }

  /** Resolves once the commit on its way (if any) is done, with the persistence taken for the caller. */
  async function takePersistence(): Promise<void> {
    if (!busy) busy = true;
    else await new Promise<void>((resolve) => whenFree.push(resolve));
  }

  /** Runs `fn` as one transaction; `commits(result)` says whether to keep its changes (else they are rolled back). */
  function transact<T>(fn: (tx: Transaction) => T, commits: (result: T) => boolean): Promise<T> {
    if (closed) return Promise.reject(new Error(`[booklab] bug: a write to the store of ${persistence.description} after it was closed`));
    const ops: Op[] = [];
    const undoOps: Op[] = [];
    const record = (op: Op) => {
      const previous = change(op);
      ops.push(op);
      undoOps.push({ c: op.c, k: op.k, v: previous ?? null });
    };
    const tx: Transaction = {
      get state() {
        return state;
      },
      put: (c, k, v) => record({ c, k, v }),
      remove: (c, k) => {
        if (k in state[c]) record({ c, k, v: null });
      },
      next(counter, count = 1) {
        const first = (state.meta[counter] ?? 0) + 1;
        record({ c: 'meta', k: counter, v: first + count - 1 });
        return first;
      },
    };
    const rollBack = () => undo([undoOps]);
    let result: ReturnType<typeof fn>;
    try {
      result = fn(tx);
    } catch (error) {
      rollBack();
      return Promise.reject(error);
    }
    if (!commits(result)) {
      rollBack();
      return Promise.resolve(result);
    }
    if (ops.length === 0) return Promise.resolve(result);
    return new Promise((resolve, reject) => {
      waiting.push({ ops, undo: undoOps, resolve: () => resolve(result), reject });
      proceed();
    });
  }

  return {
    get state() {
      return state;
    },
    description: persistence.description,
    dropped: loaded?.dropped ?? [],
    write: <T>(fn: (tx: Transaction) => CommitsAlways<T>) => transact(fn, () => true) as Promise<T>,
    attempt: (fn) => transact(fn, (result) => result.ok),
    async replace(next) {
      await takePersistence();
      // The waiting transactions changed the state being replaced: they took place just before the replace,
      // which wipes them, so they are answered once it is on disk instead of being written to the log.
      const superseded = waiting;
      waiting = [];
      const previous = state;
      swapTo(next);
      try {
        await persistence.replace(() => JSON.stringify(next));
      } catch (error) {
        rollBackUnsaved(error); // writes made on the new state meanwhile
        swapTo(previous);
        waiting = superseded;
        throw error;
      } finally {
        busy = false;
        proceed();
      }
      for (const transaction of superseded) transaction.resolve();
    },
    index(name, create) {
      let index = indexes.get(name);
      if (!index) {
        index = create();
        index.rebuild(state);
        indexes.set(name, index);
      }
      return index as ReturnType<typeof create>;
    },
    close() {
      // Once: a second close (a test's afterEach after the test closed it) waits for the first.
      closing ??= (async () => {
        await takePersistence();
        closed = true;
        if (waiting.length > 0) await commitBatch();
        await compact();
        await persistence.close();
      })();
      return closing;
    },
  };
}
