import type { DocumentKind, FindingCode, InvariantId } from '../../core/index.js';

/**
 * What `booklab doctor` must say about a repair scenario's world at the end of its symptom phase, in the story's
 * literal values (never read back from booklab's code): test/doctor-repairs.test.ts checks every repair scenario.
 */
export interface DoctorExpectation {
  /** The documents the user marks as booked by accident (`--test-invoice 2026/3`). */
  testDocuments?: Array<{ kind: DocumentKind; number: string }>;
  /** The finding that names the case, and the article it cites. */
  finding: FindingCode;
  article: string;
  /** The procedure that repairs it: `P-samenumber`, `P-twice`, `P-delete`, `credit`. */
  procedure: string;
  /** Which plan carries the story's values: the articles' (default) or booklab's completed plan. */
  plan?: 'article' | 'completed';
  delinkDate: string | null;
  /** Bookings deleted in Exact Online, `journal/number`, highest first per journal. */
  deleteInExact: string[];
  /** Numbers written down: `70: 1004`. */
  writeDown: string[];
  /** The check and correction: `70: Exact says 1003, set 1004` or `70: Exact says 1003, as written down`. */
  nextBookingNumbers: string[];
  /** Documents deleted in Focus, highest first: `invoice 2026/3`. */
  deleteInFocus: string[];
  /** What reconnecting fills in. */
  startDate: string | null;
  journals: [invoices: string, creditNotes: string] | null;
  /** The date of the first document synced, where the story says it. */
  firstSynced?: string;
  /** The article's credit note instead of a deletion: `invoice 2026/2 on 2026-03-02`. */
  credit?: string;
  /** What the articles' plan leaves (the scenario's finding); absent when it repairs everything. */
  articleLeaves?: InvariantId[];
}
