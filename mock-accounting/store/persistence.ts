import type { Op } from './op.js';
import type { MockState } from './state.js';

/** Where a store keeps its state between runs. */
export interface Persistence {
  /** Human-readable description for logs ("memory", the file path). */
  readonly description: string;
  /** Reads the last saved state, or undefined when there is none yet. */
  load(): Promise<MockState | undefined>;
  /** Makes one transaction's ops durable; resolves once they are on disk. */
  append(ops: readonly Op[]): Promise<void>;
  /** Replaces everything saved with this state, atomically. */
  replace(state: MockState): Promise<void>;
  /** Finishes pending writes and releases files. */
  close(): Promise<void>;
}

/** Keeps nothing: the state lives and dies with the process (tests, scenarios). */
export function memoryPersistence(): Persistence {
  return {
    description: 'memory',
    load: async () => undefined,
    append: async () => {},
    replace: async () => {},
    close: async () => {},
  };
}
