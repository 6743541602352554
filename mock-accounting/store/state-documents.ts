import type { Problem, Result } from '../../primitives/index.js';
import { MockStateSchema, type CollectionName, type MockState } from './state.js';

// Whole state documents: their collections, an empty one, a safe lookup by an outside key, and validation.

/** Every collection name, in the order of the schema. */
export const COLLECTIONS = Object.keys(MockStateSchema.shape).filter((name): name is CollectionName => name !== 'schema');

/** A state with every collection empty. */
export function emptyState(): MockState {
  const state: Record<string, unknown> = { schema: 1 };
  for (const name of COLLECTIONS) state[name] = {};
  return state as MockState;
}

/**
 * The entity stored under a key that came from outside (a token, a client id), or undefined: only own keys
 * count, so `constructor` or `__proto__` never finds what Object.prototype holds under that name.
 */
export function entityAt<T>(records: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(records, key) ? records[key] : undefined;
}

/** Validates a state document (data file, restore body, case file); a failure names the first bad field. */
export function parseState(input: unknown): Result<MockState, Problem<'invalid_state'>> {
  const result = MockStateSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return { ok: false, problem: { code: 'invalid_state', message: `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` } };
}
