import type { CollectionName, MockState } from './state.js';

/** One change to the state: put `v` under key `k` of collection `c`, or remove it when `v` is null. */
export interface Op {
  c: CollectionName;
  k: string;
  v: unknown;
}

/** Applies one op in place and returns the value it replaced. */
export function applyOp(state: MockState, op: Op): unknown {
  const collection = state[op.c] as Record<string, unknown>;
  const previous = collection[op.k];
  if (op.v === null) delete collection[op.k];
  else collection[op.k] = op.v;
  return previous;
}
