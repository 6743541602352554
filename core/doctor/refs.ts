import { kindTitle, kindWord } from '../messages/document-kinds.js';
import type { DocumentKind, FocusDocument, FocusState } from '../focus/state.js';
import type { WorldView } from '../invariants/types.js';
import type { Booking } from '../invariants/accounting-records.js';
import { joinWords } from '../words.js';
import type { BookingRef, DocumentRef } from './finding.js';

// How the doctor names documents and bookings: as the overviews and journal screens show them.

/** A booked document as the overview row shows it. */
export function documentRef(document: FocusDocument): DocumentRef {
  return { kind: document.kind, number: document.number ?? '(draft)', date: document.date, bookingNumber: document.bookingNumber };
}

/** A booking as the journal screen shows it. */
export function bookingRef(booking: Booking): BookingRef {
  return { journal: booking.journal, entryNumber: booking.entryNumber, date: booking.entryDate, yourRef: booking.yourRef };
}

/** "invoice 2026/3 (2026-02-10, booking number 1003)". */
export function documentInWords(ref: DocumentRef): string {
  return `${kindWord(ref.kind)} ${ref.number} (${ref.date}, ${ref.bookingNumber === null ? 'no booking number' : `booking number ${ref.bookingNumber}`})`;
}

/** "Invoices 2026/3 and 2026/4" / "Credit note 2026/1". */
export function documentsInWords(refs: readonly DocumentRef[]): string {
  const kinds = [...new Set(refs.map((r) => r.kind))];
  if (kinds.length !== 1) return joinWords(refs.map((r) => `${kindWord(r.kind)} ${r.number}`));
  const kind = kinds[0]!;
  return `${refs.length === 1 ? kindTitle(kind) : `${kindTitle(kind)}s`} ${joinWords(refs.map((r) => r.number))}`;
}

/** "booking 1003 (2026/3, 2026-02-10) in journal 70". */
export function bookingInWords(ref: BookingRef): string {
  return `booking ${ref.entryNumber} (${ref.yourRef ?? 'no reference'}, ${ref.date}) in journal ${ref.journal}`;
}

/** The journal the integration books a kind in. */
export function journalOfKind(focus: FocusState, kind: DocumentKind): string | undefined {
  const settings = focus.integration?.settings;
  if (!settings) return undefined;
  return kind === 'invoice' ? settings.invoiceJournal : settings.creditNoteJournal;
}

/** Booked documents oldest first: by date, then in number order (the overview's order). */
export function oldestFirst<T extends DocumentRef>(refs: readonly T[]): T[] {
  return [...refs].sort((a, b) => a.date.localeCompare(b.date) || numberOrder(a.number) - numberOrder(b.number));
}

/** Highest number first, for deleting in Focus (R2: only the last one goes). */
export function highestNumberFirst<T extends DocumentRef>(refs: readonly T[]): T[] {
  return [...refs].sort((a, b) => numberOrder(b.number) - numberOrder(a.number));
}

/** `2026/12` → 2026_0000012, so numbers sort as Focus numbers them. */
function numberOrder(number: string): number {
  const [year, sequence] = number.split('/').map(Number);
  return (year ?? 0) * 1e7 + (sequence ?? 0);
}

/** The booked documents of a view, by kind and number. */
export function documentsByNumber(view: WorldView): Map<string, FocusDocument> {
  const map = new Map<string, FocusDocument>();
  for (const d of Object.values(view.focus.documents)) if (d.status === 'booked' && d.number !== null) map.set(`${d.kind}|${d.number}`, d);
  return map;
}
