import { startMockServer, type MockOptions, type MockServer, type MockState } from '../../mock-accounting/index.js';
import type { Clock } from '../../primitives/index.js';
import { httpFetch, inProcessFetch, pipelinedFetch, type FetchLike, type PipelinedFetch } from '../exact-client/index.js';

/** What a world's embedded accounting server starts from. */
export interface EmbeddedAccountingOptions {
  /** Behaviour of the server (numbering policy, deletion rules, …). */
  accounting: Omit<MockOptions, 'clock'>;
  /** The seed it starts from when no state is given. */
  seed: string;
  /** Its data file; in memory when absent. */
  file?: string;
  /** A validated state it starts from instead of its seed's. */
  state?: MockState;
  /** The world's clock, which the server reads too. */
  clock: Clock;
  /** Over HTTP on 127.0.0.1, or requests handed to its handler in this process. */
  transport: 'http' | 'in-process';
  /** How many sales entries a sync may have on their way at once; above 1 the world gets an ordered fetch. */
  overlap: number;
}

/** A started embedded server and how the world reaches it. */
export interface EmbeddedAccounting {
  server: MockServer;
  fetch: FetchLike;
  /** What overlapped posts go through, when the world may overlap them. */
  orderedFetch?: FetchLike | PipelinedFetch;
}

/** Starts the mock accounting server a world embeds, on 127.0.0.1 port 0 or in this process. */
export async function startEmbeddedAccounting({
  accounting,
  seed,
  file,
  state,
  clock,
  transport,
  overlap,
}: EmbeddedAccountingOptions): Promise<EmbeddedAccounting> {
  // Where the server runs, its seed, data file and clock are the world's own: accounting options cannot move them.
  const inProcess = transport === 'in-process';
  const server = await startMockServer({ ...accounting, seed, file, state, clock, host: '127.0.0.1', port: 0, listen: !inProcess });
  if (inProcess) {
    const fetch = inProcessFetch(server.handler);
    return { server, fetch, orderedFetch: overlap > 1 ? fetch : undefined };
  }
  return { server, fetch: httpFetch, orderedFetch: overlap > 1 ? pipelinedFetch() : undefined };
}
