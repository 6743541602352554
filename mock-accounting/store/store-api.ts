import type { Result } from '../../primitives/index.js';
import type { WriteAt } from './safe-files.js';
import type { CollectionName, EntityOf, MockState } from './state.js';

// What the store promises its users: transactions that commit (write) or commit only a success (attempt), indexes, options.

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
  /** Where the state is kept ("memory" or the data file, as resolved on opening). */
  readonly description: string;
  /** What opening the data file had to drop to recover (an unfinished last write…), in sentences; empty when nothing. */
  readonly dropped: readonly string[];
  /**
   * Runs `fn` at once and synchronously, so concurrent requests are serialised and never see
   * each other half-done; resolves with its result once its changes are durable. Its changes are
   * committed whatever it returns, and rolled back only when it throws (a bug). A function that can
   * refuse returns a {@link Result} and goes to {@link Store.attempt} instead; the type says so.
   * When its changes cannot be saved (a full disk) they are rolled back too, with every change made after
   * them and not yet saved, and it rejects with a StoreWriteError: the state is as before the request.
   */
  write<T>(fn: (tx: Transaction) => CommitsAlways<T>): Promise<T>;
  /**
   * Like {@link Store.write} for a function that may refuse: a success is committed, a failure
   * (`{ ok: false, problem }`) rolls back every change `fn` made and resolves at once, so a refused
   * request changes nothing.
   */
  attempt<T, P extends { code: string }>(fn: (tx: Transaction) => Result<T, P>): Promise<Result<T, P>>;
  /**
   * Swaps the whole state (restore, reset, seed) once the commit on its way is done; writes waiting for the disk
   * took place before it and are wiped by it. If the new state cannot be saved, the old one stays.
   */
  replace(state: MockState): Promise<void>;
  /** Returns the index registered under `name`, creating it on first use. */
  index<I extends StoreIndex>(name: string, create: () => I): I;
  /** Finishes pending writes, compacts and releases files. */
  close(): Promise<void>;
}

/** What {@link Store.write} accepts back from its function: anything but a {@link Result}, which only {@link Store.attempt} rolls back. */
export type CommitsAlways<T> = T extends { ok: boolean }
  ? 'store.write commits whatever its function returns: give a Result to store.attempt'
  : T;

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
  /** Where a file store writes its bytes; tests inject a disk that fills up. */
  writeAt?: WriteAt;
}
