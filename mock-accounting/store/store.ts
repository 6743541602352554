import { applyOp, type Op } from './op.js';
import { filePersistence } from './file-persistence.js';
import { memoryPersistence, type Persistence } from './persistence.js';
import { emptyState, type CollectionName, type EntityOf, type MockState } from './state.js';

/** A derived, in-memory view of the state that follows every change (kept off disk). */
export interface StoreIndex {
  /** Builds the view from scratch. */
  rebuild(state: MockState): void;
  /** Follows one change; `previous`/`next` are undefined for an insert/remove. */
  change(collection: CollectionName, key: string, previous: unknown, next: unknown): void;
}

/** The handle a write function changes the state through. */
export interface Transaction {
  /** The live state, including this transaction's changes so far. */
  readonly state: MockState;
  /** Inserts or replaces an entity. */
  put<C extends CollectionName>(collection: C, key: string, value: EntityOf<C>): void;
  /** Removes an entity (no-op when absent). */
  remove(collection: CollectionName, key: string): void;
  /** Takes `count` consecutive values of a `meta` counter and returns the first. */
  next(counter: string, count?: number): number;
}

/** The state of the accounting side, with durable, atomic, serialised writes. */
export interface Store {
  /** The live state. Read it freely; change it only through {@link Store.write}. */
  readonly state: MockState;
  /** Where the state is kept ("memory" or the data file). */
  readonly description: string;
  /**
   * Runs `fn` at once and synchronously, so concurrent requests are serialised and never see
   * each other half-done; resolves with its result once its changes are durable. If `fn` throws,
   * its changes are rolled back; so they are when it returns a refusal (`{ ok: false }`, a domain
   * problem as a value), which then resolves at once: a refused request changes nothing.
   */
  write<T>(fn: (tx: Transaction) => T): Promise<T>;
  /** Swaps the whole state (restore, reset, seed). */
  replace(state: MockState): Promise<void>;
  /** Returns the index registered under `name`, creating it on first use. */
  index<I extends StoreIndex>(name: string, create: () => I): I;
  /** Finishes pending writes and releases files. */
  close(): Promise<void>;
}

/** Options for {@link openStore}. */
export interface OpenStoreOptions {
  /** Data file; omit to keep the state in memory. */
  file?: string;
  /** State to start from when nothing is stored yet. */
  initial?: () => MockState;
  /** fdatasync every commit (file stores). */
  fsync?: boolean;
  /** File stores compact once the log is this many times the snapshot's size (default 2); tests set it low. */
  compactRatio?: number;
  /** ...but never for a log smaller than this, in bytes (default 4 MiB). */
  compactMinBytes?: number;
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
}: OpenStoreOptions = {}): Promise<Store> {
  let state: MockState = emptyState();
  const persistence: Persistence = file
    ? filePersistence({ file, fsync, compactRatio, compactMinBytes, currentState: () => state })
    : memoryPersistence();
  const loaded = await persistence.load();
  state = loaded ?? initial();
  if (!loaded) await persistence.replace(state);
  const indexes = new Map<string, StoreIndex>();

  function change(op: Op): unknown {
    const previous = applyOp(state, op);
    for (const index of indexes.values()) index.change(op.c, op.k, previous, op.v ?? undefined);
    return previous;
  }

  return {
    get state() {
      return state;
    },
    description: persistence.description,
    write(fn) {
      const ops: Op[] = [];
      const undo: Op[] = [];
      const record = (op: Op) => {
        const previous = change(op);
        ops.push(op);
        undo.push({ c: op.c, k: op.k, v: previous ?? null });
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
      const rollBack = () => {
        for (const op of undo.reverse()) change(op);
      };
      let result: ReturnType<typeof fn>;
      try {
        result = fn(tx);
      } catch (error) {
        rollBack();
        return Promise.reject(error);
      }
      if (isRefusal(result)) rollBack();
      if (ops.length === 0 || isRefusal(result)) return Promise.resolve(result);
      return persistence.append(lastPerKey(ops)).then(() => result);
    },
    async replace(next) {
      state = next;
      for (const index of indexes.values()) index.rebuild(state);
      await persistence.replace(state);
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
    close: () => persistence.close(),
  };
}

/** True for a domain refusal (`{ ok: false, problem }`): the write it ends must leave no trace. */
function isRefusal(result: unknown): boolean {
  return typeof result === 'object' && result !== null && (result as { ok?: unknown }).ok === false;
}

/** Keeps only the last op of each key: a transaction that bumps a counter five times logs it once. */
function lastPerKey(ops: Op[]): Op[] {
  const last = new Map<string, Op>();
  for (const op of ops) {
    const key = `${op.c}\u0000${op.k}`;
    last.delete(key);
    last.set(key, op);
  }
  return [...last.values()];
}
