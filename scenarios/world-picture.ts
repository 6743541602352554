import type { WorldView } from '../core/index.js';
import { journalScreenOf, overviewOf } from './screens.js';

/** A Focus document as its overview shows it, with the id the step's changes name it by. */
export interface PictureDocument {
  id: string;
  kind: 'invoice' | 'credit_note';
  /** `2026/3`; null for a draft. */
  number: string | null;
  status: 'draft' | 'booked';
  date: string;
  customer: string;
  total: string;
  /** null: not synced (R6). */
  bookingNumber: number | null;
}

/** An entry of an Exact journal, with the id of its booking. */
export interface PictureEntry {
  id: string;
  entryNumber: number;
  date: string;
  yourRef: string | null;
  amount: string;
}

/** An Exact journal: its next booking number (R8) and its entries by number. */
export interface PictureJournal {
  code: string;
  nextBookingNumber: number;
  entries: PictureEntry[];
}

/** Both systems as a person sees them at one moment: what the HTML report shows before and after each step. */
export interface WorldPicture {
  /** The invoice overview, then the credit note overview. */
  documents: PictureDocument[];
  /** By code. */
  journals: PictureJournal[];
}

/** The picture of a world view: the Focus overviews with their booking numbers and the Exact journals with their entries. */
export function pictureOf(view: WorldView): WorldPicture {
  const documents = (['invoice', 'credit_note'] as const).flatMap((kind) =>
    overviewOf(view.focus, kind).map(({ id, number, status, date, customer, total, bookingNumber }) => ({
      id,
      kind,
      number,
      status,
      date,
      customer,
      total,
      bookingNumber,
    })),
  );
  const journals = [...view.accounting.journals]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((journal) => {
      const screen = journalScreenOf(journal, view.accounting.bookings);
      return {
        code: screen.code,
        nextBookingNumber: screen.nextBookingNumber,
        entries: screen.entries.map(({ id, entryNumber, date, yourRef, amount }) => ({ id, entryNumber, date, yourRef, amount })),
      };
    });
  return { documents, journals };
}
