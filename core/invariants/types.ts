import type { Booking, JournalInfo, Relation } from './accounting-records.js';
import type { FocusState } from '../focus/state.js';

/** The invariant ids of docs/rules.md. */
export type InvariantId = 'I1' | 'I2' | 'I3' | 'I4' | 'I5' | 'I6' | 'I7' | 'I8';

/** One way the world is inconsistent, in words a support agent understands. */
export interface Violation {
  invariant: InvariantId;
  message: string;
  /** Focus document numbers involved. */
  documents: string[];
  /** Booking (entry) numbers involved. */
  bookings: number[];
}

/** What the accounting package holds for the integration's administration, as its screens show it. */
export interface AccountingView {
  division: number;
  journals: JournalInfo[];
  bookings: Booking[];
  relations: Relation[];
}

/** Both sides of a world, read at one moment: what the invariants are checked on. */
export interface WorldView {
  focus: FocusState;
  accounting: AccountingView;
}

/** One invariant: a pure check of a world view. */
export type InvariantCheck = (view: WorldView) => Violation[];
