import type { RequestListener } from 'node:http';
import { createApp, mockRoutes } from './app.js';
import { answersOnMerits } from './api/overlap-safety.js';
import { readOverview } from './back-office/direct-reads.js';
import type { Overview } from './back-office/views.js';
import { createClock, type Clock } from '../primitives/index.js';
import { findSeed, SEEDS, type MockOptions } from './options.js';
import { boundHostNames } from './security/allowed-hosts.js';
import { listen } from './server.js';
import { openStore, type MockState, type Store } from './store/index.js';

/** The base URL of a server that does not listen (`listen: false`): its requests are handed to it in this process. */
export const IN_PROCESS_URL = 'http://in-process.localhost';

/** A mock accounting server started in this process. */
export interface MockServer {
  /** Base URL on 127.0.0.1, e.g. `http://127.0.0.1:41234`; {@link IN_PROCESS_URL} when it does not listen. */
  url: string;
  store: Store;
  clock: Clock;
  /** The server's request handler, for requests handed to it without a socket. */
  handler: RequestListener;
  /** Whether every API request is answered on its own merits now (no fault armed, no limit enforced): posts may overlap. */
  answersOnMerits(): boolean;
  /** An administration's overview read in this process, as GET /__mock/divisions/:division/overview answers it; undefined for an unknown division. */
  overview(division: number): Overview | undefined;
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
  /** Listen on `host` and `port` (default); false serves only requests handed to `handler` in this process. */
  listen?: boolean;
  /** A validated state to start from instead of the seed's (a case being loaded); a data file that holds one wins. */
  state?: MockState;
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
  listen: listening = true,
  state,
  ...options
}: StartMockServerOptions = {}): Promise<MockServer> {
  const found = findSeed(options.seeds ?? SEEDS, seed);
  if (!found.ok) throw new TypeError(`[booklab] ${found.problem.message}`);
  const build = found.value;
  const store = await openStore({ file, initial: () => state ?? build(clock) });
  const allowHosts = listening ? [...boundHostNames(host), ...(options.allowHosts ?? [])] : [new URL(IN_PROCESS_URL).hostname];
  const app = createApp(store, { ...options, allowHosts, clock });
  // A listening server makes its requests of the routes' prototypes from the first (httpClassesOf): load them now.
  if (listening) await mockRoutes();
  const running = listening ? await listen(app, { host, port }) : undefined;
  return {
    url: running?.url ?? IN_PROCESS_URL,
    store,
    clock,
    handler: app,
    answersOnMerits: () => answersOnMerits(app),
    overview: (division) => readOverview(app, division),
    async close() {
      await running?.close();
      await store.close();
    },
  };
}
