import type { Op } from './op.js';
import type { MockState } from './state.js';

/** A state read back from storage, with what recovering it dropped (sentences for the person starting the server). */
export interface LoadedState {
  state: MockState;
  dropped: string[];
}

/**
 * Where a store keeps its state between runs. The store never calls it twice at once: each call finishes before
 * the next begins. A call that rejects leaves what is saved as it was before the call.
 */
export interface Persistence {
  /** Human-readable description for logs ("memory", the file path). */
  readonly description: string;
  /** Reads the last saved state, or undefined when there is none yet. */
  load(): Promise<LoadedState | undefined>;
  /** Makes one commit (the ops of the transactions committed together) durable as a whole; resolves once it is on disk. */
  append(ops: readonly Op[]): Promise<void>;
  /** Replaces everything saved with the state this JSON text holds, atomically (the text is built only by a persistence that keeps it). */
  replace(stateText: () => string): Promise<void>;
  /** True when the saved changes have grown enough that rewriting them as one state (a replace) pays off. */
  compactionDue(): boolean;
  /** Releases files. */
  close(): Promise<void>;
}

/** Keeps nothing: the state lives and dies with the process (tests, scenarios). */
export function memoryPersistence(): Persistence {
  return {
    description: 'memory',
    load: async () => undefined,
    append: async () => {},
    replace: async () => {},
    compactionDue: () => false,
    close: async () => {},
  };
}
