import type { MockOptions, MockState } from '../../mock-accounting/index.js';
import type { Clock } from '../../primitives/index.js';
import type { FocusState } from '../focus/state.js';

/** How to build a world. */
export interface WorldOptions {
  /** The clock, or the start of a frozen one (ISO); default a frozen clock at 2026-03-02 09:00 UTC. */
  clock?: Clock | string;
  /** Attach to a running accounting server instead of starting one. */
  serverUrl?: string;
  /** Seed of the embedded server: `demo` (default), `empty`, `octopus` or `yuki` (the demo company on those tools). */
  seed?: string;
  /** Data file of the embedded server; in memory when absent. */
  file?: string;
  /** Behaviour of the embedded server (numbering policy, deletion rules, …). */
  accounting?: Omit<MockOptions, 'clock'>;
  /** Focus state to start from. */
  focus?: FocusState;
  /** A validated accounting state the embedded server starts from instead of its seed's (a case file being loaded). */
  accountingState?: MockState;
  /**
   * How the world reaches its embedded server: over HTTP on 127.0.0.1 (default), or `in-process`, handing each request
   * to the server's handler without a socket (faster; a fault that cuts the connection still fails the request as a
   * cut connection). An attached server (`serverUrl`) is always reached over HTTP.
   */
  transport?: 'http' | 'in-process';
  /**
   * How many sales entries a sync may have on their way at once ({@link DEFAULT_OVERLAP}; 1 posts one after the other,
   * as the real integration does). Above 1 they are pipelined in order on one connection (or handed in order to the
   * in-process handler), and only while the embedded server answers each post on its own merits (no fault armed, no
   * rate limit or error budget enforced) and the tool is Exact; otherwise, and with an attached server, one by one.
   * The outcome is the same either way (docs/sync-overlap.md).
   */
  overlap?: number;
}

/** Sales entries an embedded world's sync may have on their way at once while its server answers each on its merits. */
export const DEFAULT_OVERLAP = 16;

/** The default moment a world starts at (a Monday in March 2026). */
export const DEFAULT_WORLD_START = '2026-03-02T09:00:00Z';
