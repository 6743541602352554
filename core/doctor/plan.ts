import type { DocumentKind } from '../focus/state.js';
import type { BookingRef, DocumentRef, Finding, FindingCode } from './finding.js';

/** A booking number written down for a journal: from the oldest document deleted from it, by the article's rule. */
export interface WrittenNumber {
  journal: string;
  kind: DocumentKind;
  /** The oldest deleted document, and the booking number the overview shows for it. */
  document: DocumentRef;
  /** The number written down. */
  value: number;
  /** Why it is that number, in the article's words ("one number higher"). */
  why: string;
}

/** A journal's next booking number to check: what was written down, and what Exact will most likely say then. */
export interface NumberCheck {
  journal: string;
  writtenDown: number;
  /** The prediction: Exact moves the counter back when the highest booking is deleted (R7). */
  exactWillSay: number;
}

/** The integration settings written down and filled in again (R13). */
export interface IntegrationNote {
  division: number;
  startDate: string;
  invoiceJournal: string;
  creditNoteJournal: string;
}

/** What a plan step does; the proof plays it on a copy of the world. */
export type PlanAction =
  | { do: 'show-booking-numbers' }
  | { do: 'note-delink-date'; date: string }
  | { do: 'check-documents-from'; date: string; documents: DocumentRef[] }
  | { do: 'delete-in-exact'; bookings: BookingRef[] }
  | { do: 'write-down'; numbers: WrittenNumber[] }
  | { do: 'check-next-booking-numbers'; checks: NumberCheck[] }
  | { do: 'correct-next-booking-numbers'; checks: NumberCheck[] }
  | { do: 'note-settings'; settings: IntegrationNote; firstSynced: string | null }
  | { do: 'move-delink-date-back'; from: string; to: string; because: string[] }
  | { do: 'deactivate'; delinkDate: string; resets: DocumentRef[] }
  | { do: 'delete-in-focus'; documents: DocumentRef[] }
  | { do: 'reconnect'; settings: IntegrationNote }
  | { do: 'sync' }
  | { do: 'clear-bell' }
  | { do: 'credit'; document: DocumentRef; date: string }
  | { do: 'set-next-booking-number'; journal: string; value: number }
  | { do: 'edit-in-exact'; document: DocumentRef; booking: BookingRef }
  | { do: 'advice' };

/** One step of a procedure: a title, what the agent reads out, and what it does. */
export interface PlanStep {
  title: string;
  text: string;
  action: PlanAction;
}

/** The values of a procedure a support agent fills in, gathered (what the must-show tests compare). */
export interface PlanValues {
  delinkDate: string | null;
  /** Bookings to delete in Exact, highest number first per journal. */
  deleteInExact: BookingRef[];
  writeDown: WrittenNumber[];
  nextBookingNumbers: NumberCheck[];
  /** Documents to delete in Focus, highest number first. */
  deleteInFocus: DocumentRef[];
  /** The date of the first document synced, written down beside the start date (R14); null when not asked. */
  firstSynced: string | null;
  /** What reconnecting fills in; null when the procedure does not reconnect. */
  reconnect: IntegrationNote | null;
  importContacts: false;
}

/** A procedure: an article's (or booklab's own), with every value filled in. */
export interface Procedure {
  /** `P-samenumber`, `P-twice`, `P-delete`, `credit`, `sync`, `booklab`, `advice`. */
  id: string;
  article: string | null;
  title: string;
  /** The findings it repairs. */
  repairs: FindingCode[];
  steps: PlanStep[];
  values: PlanValues;
}

/** A repair plan: the procedures in order, and the findings no procedure repairs. */
export interface RepairPlan {
  procedures: Procedure[];
  /** Findings with advice only, or none: what the plan does not repair in the books. */
  unrepaired: FindingCode[];
  /** `article`: the articles' procedures as written; `completed`: with booklab's completing step. */
  kind: 'article' | 'completed';
}

/** Values of a procedure with nothing filled in. */
export function noValues(): PlanValues {
  return {
    delinkDate: null,
    deleteInExact: [],
    writeDown: [],
    nextBookingNumbers: [],
    deleteInFocus: [],
    firstSynced: null,
    reconnect: null,
    importContacts: false,
  };
}

/** The step that syncs by hand. */
export const SYNC: PlanStep = {
  title: 'Sync with the two arrows',
  text: 'Revenue › Invoices: click the synchronisation button (two arrows) and read what the bell says.',
  action: { do: 'sync' },
};

/** A procedure repairing `findings`. */
export function procedure(
  id: string,
  article: string | null,
  title: string,
  findings: readonly Finding[],
  steps: PlanStep[],
  values = noValues(),
): Procedure {
  return { id, article, title, repairs: [...new Set(findings.map((f) => f.code))], steps, values };
}
