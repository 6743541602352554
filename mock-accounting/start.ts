import { createApp } from './app.js';
import { createClock, type Clock } from './clock.js';
import { findSeed, SEEDS, type MockOptions } from './options.js';
import { boundHostNames } from './security/allowed-hosts.js';
import { listen } from './server.js';
import { openStore, type Store } from './store/index.js';

/** A mock accounting server started in this process. */
export interface MockServer {
  /** Base URL on 127.0.0.1, e.g. `http://127.0.0.1:41234`. */
  url: string;
  store: Store;
  clock: Clock;
  /** Stops the server and closes the store (the data file is compacted). */
  close(): Promise<void>;
}

/** Options for {@link startMockServer}. */
export interface StartMockServerOptions extends MockOptions {
  /** Seed for a new state: `demo` (default), `empty`, or the demo on Octopus (`octopus`) or Yuki (`yuki`). */
  seed?: string;
  /** Data file; in memory when absent. */
  file?: string;
  host?: string;
  /** Port; 0 (default) picks a free one. */
  port?: number;
}

/**
 * Starts a mock accounting server on 127.0.0.1 (a free port by default) with a fresh or file-backed store.
 * @example const mock = await startMockServer({ clock: createClock({ start: '2026-03-01', frozen: true }) });
 */
export async function startMockServer({
  seed = 'demo',
  file,
  host = '127.0.0.1',
  port = 0,
  clock = createClock(),
  ...options
}: StartMockServerOptions = {}): Promise<MockServer> {
  const found = findSeed(options.seeds ?? SEEDS, seed);
  if (!found.ok) throw new TypeError(`[booklab] ${found.message}`);
  const build = found.seed;
  const store = await openStore({ file, initial: () => build(clock) });
  const allowHosts = [...boundHostNames(host), ...(options.allowHosts ?? [])];
  const running = await listen(createApp(store, { ...options, allowHosts, clock }), { host, port });
  return {
    url: running.url,
    store,
    clock,
    async close() {
      await running.close();
      await store.close();
    },
  };
}
