import type { Result } from '../../primitives/index.js';
import type { DocumentKind } from '../focus/state.js';
import type { Violation } from '../invariants/types.js';

/** The kinds of thing the doctor finds, each tied to an article or rule of docs/rules.md. */
export type FindingCode =
  | 'same-booking-number'
  | 'shown-twice'
  | 'booking-deleted-in-exact'
  | 'orphan-booking'
  | 'accidental-booking'
  | 'not-synced'
  | 'edited-after-sync'
  | 'payment-status-stale'
  | 'duplicate-customers'
  | 'journal-missing'
  | 'wrong-journal'
  | 'integration-inactive'
  | 'next-number-will-collide'
  | 'unexplained-violation';

/** A Focus document as the overview with the 'booking number' column shows it. */
export interface DocumentRef {
  kind: DocumentKind;
  number: string;
  date: string;
  bookingNumber: number | null;
}

/** A booking as Exact's journal screen shows it. */
export interface BookingRef {
  journal: string;
  entryNumber: number;
  date: string;
  yourRef: string | null;
}

/** Why a booked document has no booking in Exact (R1, R5, R15, R16). */
export type NotSyncedReason =
  | { code: 'draft' }
  | { code: 'before-start-date'; startDate: string }
  | { code: 'refused'; message: string }
  | { code: 'bell-full'; message: string }
  | { code: 'not-synced-yet' };

/** One thing wrong (or worth knowing) in a world, in a support agent's words. */
export interface Finding {
  code: FindingCode;
  /** The support article that covers it (`002`), or null when none does. */
  article: string | null;
  /** Rule, procedure and invariant ids of docs/rules.md. */
  rules: string[];
  /** One or two sentences a support agent can read out. */
  summary: string;
  documents: DocumentRef[];
  bookings: BookingRef[];
  /** The date a repair from a date starts at, for the findings repaired that way. */
  date?: string;
  /** `same-booking-number` and `next-number-will-collide`: the number concerned. */
  bookingNumber?: number;
  /** `accidental-booking`: whether the document is the last of its series (R2). */
  last?: boolean;
  /** `not-synced`: why. */
  reason?: NotSyncedReason;
}

/** A document the user marks as booked by accident (`--test-invoice 2026/7`). */
export interface TestDocument {
  kind: DocumentKind;
  number: string;
}

/** What the doctor is told besides the world. */
export interface DiagnoseOptions {
  /** Documents the user says were booked by accident (article 000). */
  testDocuments?: readonly TestDocument[];
  /** The view's invariant violations, when the caller has evaluated them already (they are not evaluated twice). */
  violations?: Violation[];
}

/** A refusal of the doctor's input, with what to do. */
export interface DoctorProblem {
  code: 'unknown-document' | 'unreadable-input';
  message: string;
}

/** An outcome of the doctor: a value or a problem. */
export type DoctorResult<T> = Result<T, DoctorProblem>;
