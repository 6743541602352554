import { z } from 'zod';
import type { MockState } from '../../mock-accounting/index.js';
import { MockStateSchema } from '../testbed/index.js';
import { FocusStateSchema, type FocusState } from '../focus/state.js';

/** Both sides of a world and the time, taken together so they can be restored together. */
export interface WorldSnapshot {
  version: 1;
  /** The clock, epoch ms. */
  clock: number;
  focus: FocusState;
  accounting: MockState;
}

/** Validates a snapshot (from a case file or a caller). */
export const WorldSnapshotSchema = z.object({
  version: z.literal(1),
  clock: z.number().int(),
  focus: FocusStateSchema,
  accounting: MockStateSchema,
});
