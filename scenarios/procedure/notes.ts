import type { DocumentKind } from '../../core/index.js';
import { note, type Note } from '../notes.js';
import type { OverviewRow } from '../screens.js';

// What the repair procedures of articles 000, 001 and 002 have the person write down, each read back by the
// steps that use it. A step left out leaves its note unwritten, and the step that needs it fails saying so. A label is
// how the narration names its note too ("Check the credit notes from the delink date until now").

/** "This is the delink date, which you'll need later": the date of the first document to reset. */
export const DELINK_DATE = note<string>('the delink date');

/** The overview rows dated on or after the delink date, per kind ("all invoices from that date up till now"). */
export const FROM_DELINK_DATE: Readonly<Record<DocumentKind, Note<OverviewRow[]>>> = {
  invoice: note('the invoices from the delink date until now'),
  credit_note: note('the credit notes from the delink date until now'),
};

/** P-samenumber: the booking number two documents share, and theirs, as the bell names them (R9). */
export interface DoubleNumber {
  kind: DocumentKind;
  bookingNumber: number;
  numbers: string[];
}
export const DOUBLE_NUMBER = note<DoubleNumber>('the double booking number');

/** P-delete: the documents booked by accident, to delete in Focus once their booking numbers are reset. */
export const UNNEEDED = note<{ kind: DocumentKind; numbers: string[] }>('the documents to delete in Focus');

/** A booking deleted by hand in Exact, as its journal screen showed it. */
export interface DeletedEntry {
  journal: string;
  entryNumber: number;
  yourRef: string | null;
  date: string;
}
export const DELETED_IN_EXACT = note<DeletedEntry[]>('the bookings deleted in Exact Online');

/** The next booking number written down for a journal, from the oldest document deleted from it. */
export interface WrittenNumber {
  journal: string;
  kind: DocumentKind;
  /** The oldest deleted document and the booking number Focus shows for it. */
  document: string;
  bookingNumber: number;
  /** The number written down. */
  value: number;
  /** Why it is that number, in the article's words. */
  why: string;
}
export const NEXT_NUMBERS = note<WrittenNumber[]>('the booking numbers written down');

/** A journal's next booking number as Exact shows it, beside the one written down. */
export interface CounterCheck {
  journal: string;
  exact: number;
  writtenDown: number;
}
export const COUNTER_CHECK = note<CounterCheck[]>("what Exact's next booking numbers say");

/** The checks whose numbers differed and were corrected in Exact. */
export const CORRECTED = note<CounterCheck[]>('the next booking numbers corrected');

/** "Write down the start date of this integration and your invoice and credit note journals (you will need this later)." */
export interface WrittenSettings {
  division: number;
  startDate: string;
  invoiceJournal: string;
  creditNoteJournal: string;
}
export const SETTINGS = note<WrittenSettings>('the start date and the journals of the integration');

/** The document synced first, as the overviews show it: which series, its number and its date. */
export interface FirstSynced {
  kind: DocumentKind;
  number: string;
  date: string;
}
/** The invoice or credit note first synced to Exact Online, as the overview showed it before deactivating (000/002's start-date rule). */
export const FIRST_SYNCED = note<FirstSynced | null>('the document first synced');

/** What deactivating reset: the documents that lost their booking number, and how many companies lost their link. */
export const DELINKED = note<{ documents: string[]; companies: number }>('what deactivating reset');

/** What was filled in when connecting again. */
export const RECONNECTED = note<WrittenSettings>('the settings filled in when reconnecting');

/** P-delete: the documents deleted in Focus, highest number first. */
export const DELETED_IN_FOCUS = note<string[]>('the documents deleted in Focus');

/** The delink date moved back to a document whose booking was already gone from Exact, and from which date. */
export const MOVED_DELINK_DATE = note<{ from: string; to: string; because: string[] }>('the earlier delink date');
