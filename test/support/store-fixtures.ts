import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { guidFor } from '../../primitives/index.js';
import {
  emptyState,
  type Account,
  type CollectionName,
  type MockState,
  type Store,
  type StoreIndex,
} from '../../mock-accounting/store/index.js';

// What the store's tests build states from, and how they look at the files a crash leaves.

/** A schema-valid relation, so that a reopened store accepts the state. */
export function account(n: number, name = `Relation ${n}`): Account {
  return {
    id: guidFor(10_000 + n),
    division: 100001,
    code: String(n),
    name,
    status: 'C',
    isSupplier: false,
    vatNumber: null,
    chamberOfCommerce: null,
    email: null,
    country: 'BE',
    blocked: false,
    searchCode: null,
    created: 1_700_000_000_000,
    modified: 1_700_000_000_000,
    timestamp: n,
  };
}

/** A state holding the given relations and an `ids` counter. */
export function stateWith(accounts: Account[], ids = 0): MockState {
  const state = emptyState();
  for (const a of accounts) state.accounts[a.id] = a;
  state.meta.ids = ids;
  return state;
}

/** Books relation `n` in one transaction that also moves the `ids` counter, as domain writes do. */
export function addAccount(store: Store, n: number, name?: string): Promise<Account> {
  return store.write((tx) => {
    tx.next('ids');
    const a = account(n, name);
    tx.put('accounts', a.id, a);
    return a;
  });
}

/** Mirrors every collection key it is told about, like the domain's indexes do. */
export class MirrorIndex implements StoreIndex {
  readonly entries = new Map<string, unknown>();
  rebuild(state: MockState): void {
    this.entries.clear();
    for (const [collection, records] of Object.entries(state)) {
      if (typeof records !== 'object') continue;
      for (const [key, value] of Object.entries(records as Record<string, unknown>)) this.entries.set(`${collection}/${key}`, value);
    }
  }
  change(collection: CollectionName, key: string, _previous: unknown, next: unknown): void {
    if (next === undefined) this.entries.delete(`${collection}/${key}`);
    else this.entries.set(`${collection}/${key}`, next);
  }
}

/** The index a fresh rebuild from the state gives: what a followed index must equal. */
export function rebuilt(state: MockState): Map<string, unknown> {
  const index = new MirrorIndex();
  index.rebuild(state);
  return index.entries;
}

/** A plain copy of the state, for comparisons. */
export const plain = (state: MockState): MockState => JSON.parse(JSON.stringify(state)) as MockState;

/** What is on disk at this instant, copied into a new directory under `dir`: the files a crashed process leaves behind. */
export async function copyAsCrashed(file: string, dir: string): Promise<string> {
  const target = await mkdtemp(join(dir, 'crash-'));
  const copy = join(target, basename(file));
  // Read and write rather than copyFile: copy_file_range on a log the store is writing at that moment
  // was seen to stall both sides on this machine's file system.
  await writeFile(copy, await readFile(file));
  await readFile(`${file}.log`).then(
    (log) => writeFile(`${copy}.log`, log),
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    },
  );
  await leaveLockOfDeadProcess(copy);
  return copy;
}

/** Puts the lock a crashed server leaves beside `file`: it names a process of this machine that no longer runs. */
export async function leaveLockOfDeadProcess(file: string): Promise<number> {
  const { pid } = spawnSync(process.execPath, ['-e', '']);
  await writeFile(`${file}.lock`, `${JSON.stringify({ pid, hostname: hostname(), since: '2026-12-01T09:00:00.000Z' })}\n`);
  return pid;
}
