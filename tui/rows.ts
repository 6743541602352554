// The rows the two system panes show, derived from a WorldView, with the conflict and change markers.

import { bookSign, documentTotals, euros, findCollisions, type EntityChange, type WorldDiff, type WorldView } from '../core/index.js';

/** One cell of a row: its text, a shorter text for narrow panes, and whether the last step changed it. */
export interface Cell {
  text: string;
  short?: string;
  changed?: boolean;
}

/** A column of a pane: its title and width, a narrow width (cells then show `short`), and whether it takes the room left. */
export interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right';
  narrow?: number;
  flex?: boolean;
}
/** What a row stands for, so `enter` can jump between an invoice and its booking. */
export type RowRef =
  | { kind: 'document'; id: string; entryId: string | null; draft: boolean; documentKind: 'invoice' | 'credit_note' }
  | { kind: 'journal'; code: string }
  | { kind: 'booking'; id: string; journal: string; entryNumber: number };

/** A row of a pane. */
export interface Row {
  key: string;
  ref: RowRef;
  cells: Cell[];
  /** `!`: its booking number collides (Focus) or it stands twice for one invoice (Exact). */
  conflict: boolean;
  /** `◆`: the last step added or changed it. */
  changed: boolean;
  /** Lower-case text the filter matches. */
  search: string;
}

/** The panes' titles (the dashboard numbers them, 1 and 2, for the keys that focus them). */
export const PANE_TITLES = { focus: 'Focus · Invoices and credit notes', exact: 'Exact · Journals and bookings' } as const;

/** Column titles of the Focus pane. */
export const FOCUS_COLUMNS: Column[] = [
  { title: 'Number', width: 10, narrow: 9 },
  { title: 'Date', width: 10, narrow: 5 },
  { title: 'Customer', width: 22, flex: true },
  { title: 'Total', width: 11, align: 'right', narrow: 10 },
  { title: 'Status', width: 9, narrow: 6 },
  { title: 'Booking', width: 7, align: 'right', narrow: 5 },
];

/** Column titles of the Exact pane. */
export const EXACT_COLUMNS: Column[] = [
  { title: 'Entry', width: 7, align: 'right', narrow: 5 },
  { title: 'YourRef', width: 12, flex: true },
  { title: 'Date', width: 10, narrow: 5 },
  { title: 'Amount', width: 11, align: 'right', narrow: 10 },
  { title: 'Paid', width: 9, narrow: 4 },
];

function changeIndex(changes: EntityChange[] | undefined): Map<string, EntityChange> {
  return new Map((changes ?? []).map((c) => [c.id, c]));
}

function isChanged(change: EntityChange | undefined, ...fields: string[]): boolean {
  if (!change) return false;
  if (change.change === 'added') return true;
  return change.fields.some((f) => fields.includes(f.field));
}

/**
 * A row whose cells (and the filter's text) are made when first read: a pane draws only the rows in its window, so a
 * case of 10,000 invoices makes a screenful of cells, not 60,000, before the first frame and after each action.
 * A class, so that its getters live on one prototype and each row is a small object of fixed shape.
 */
class LazyRow implements Row {
  private made: Cell[] | undefined;
  private text: string | undefined;

  constructor(
    readonly key: string,
    readonly ref: RowRef,
    readonly conflict: boolean,
    readonly changed: boolean,
    private readonly make: () => Cell[],
  ) {}

  get cells(): Cell[] {
    return (this.made ??= this.make());
  }

  get search(): string {
    return (this.text ??= this.cells
      .map((c) => c.text)
      .join(' ')
      .toLowerCase());
  }
}

const DOCUMENT_ORDER = { invoice: 0, credit_note: 1 } as const;

/** The Focus pane's rows: invoices, then credit notes, in number order, drafts last. */
export function focusRows(view: WorldView, diff?: WorldDiff): Row[] {
  const { documents, companies } = view.focus;
  const collisions = new Set(findCollisions(view.focus).map((c) => `${c.kind}|${c.bookingNumber}`));
  const changes = changeIndex(diff?.documents);
  return Object.values(documents)
    .sort(
      (a, b) =>
        Number(a.status === 'draft') - Number(b.status === 'draft') ||
        DOCUMENT_ORDER[a.kind] - DOCUMENT_ORDER[b.kind] ||
        (a.fiscalYear ?? 0) - (b.fiscalYear ?? 0) ||
        (a.sequence ?? 0) - (b.sequence ?? 0) ||
        a.date.localeCompare(b.date) ||
        a.id.localeCompare(b.id),
    )
    .map((live) => {
      // The home world's first view is Focus's live state, which an action changes in place: a row keeps the document's
      // fields as they were when it was made (its lines are replaced, never edited), as cells made at once would.
      const d = { ...live };
      const customer = companies[d.companyId]?.name ?? d.companyId;
      const change = changes.get(d.id);
      return new LazyRow(
        d.id,
        { kind: 'document', id: d.id, entryId: d.link?.entryId ?? null, draft: d.status === 'draft', documentKind: d.kind },
        d.bookingNumber !== null && collisions.has(`${d.kind}|${d.bookingNumber}`),
        change !== undefined,
        () => {
          const total = documentTotals(d).totalCents * bookSign(d);
          const status =
            d.status === 'draft'
              ? 'draft'
              : d.paymentStatus === 'paid'
                ? 'paid'
                : d.paymentStatus === 'partially_paid'
                  ? 'part paid'
                  : 'booked';
          const number = d.number ?? (d.kind === 'credit_note' ? '(draft CN)' : '(draft)');
          return [
            { text: d.kind === 'credit_note' && d.number ? `CN ${d.number}` : number, changed: isChanged(change, 'number') },
            { text: d.date, short: d.date.slice(5), changed: isChanged(change, 'date') },
            { text: customer },
            { text: euros(total), changed: isChanged(change, 'lines') },
            { text: status, short: status === 'part paid' ? 'part' : status, changed: isChanged(change, 'status', 'paymentStatus') },
            { text: d.bookingNumber === null ? '' : String(d.bookingNumber), changed: isChanged(change, 'bookingNumber', 'link') },
          ];
        },
      );
    });
}

/** The Exact pane's rows: each sales journal with its next booking number, followed by its bookings by entry number. */
export function exactRows(view: WorldView, diff?: WorldDiff): Row[] {
  const { journals, bookings } = view.accounting;
  const journalChanges = changeIndex(diff?.journals);
  const bookingChanges = changeIndex(diff?.bookings);
  // Each journal's bookings in one pass over them (a case holds 10,000; a scan per journal cost as much as the rest).
  const byJournal = new Map<string, WorldView['accounting']['bookings']>();
  for (const b of bookings) {
    const own = byJournal.get(b.journal);
    if (own) own.push(b);
    else byJournal.set(b.journal, [b]);
  }
  const rows: Row[] = [];
  const shown = journals.filter((j) => j.type === 20 || byJournal.has(j.code)).sort((a, b) => a.code.localeCompare(b.code));
  for (const journal of shown) {
    const change = journalChanges.get(journal.code);
    const title = `${journal.code} ${journal.description}`;
    const next = `next ${journal.nextBookingNumber}`;
    rows.push({
      key: `journal:${journal.code}`,
      ref: { kind: 'journal', code: journal.code },
      cells: [{ text: `${title} · ${next}`, changed: isChanged(change, 'nextBookingNumber') }],
      conflict: false,
      changed: change !== undefined,
      search: `${title} ${next}`.toLowerCase(),
    });
    const own = byJournal.get(journal.code) ?? [];
    const refCount = new Map<string, number>(); // each reference's count in this journal: no key built per booking
    for (const b of own) if (b.yourRef) refCount.set(b.yourRef, (refCount.get(b.yourRef) ?? 0) + 1);
    for (const b of own.sort((x, y) => x.entryNumber - y.entryNumber)) {
      const bc = bookingChanges.get(b.id);
      rows.push(
        new LazyRow(
          b.id,
          { kind: 'booking', id: b.id, journal: b.journal, entryNumber: b.entryNumber },
          b.yourRef !== null && (refCount.get(b.yourRef) ?? 0) > 1,
          bc !== undefined,
          () => {
            const paidCents = b.totalCents - b.outstandingCents;
            const paid = b.outstandingCents === 0 ? 'paid' : paidCents === 0 ? '' : 'part paid';
            return [
              { text: String(b.entryNumber), changed: isChanged(bc, 'entryNumber') },
              { text: b.yourRef ?? '', changed: isChanged(bc, 'yourRef') },
              { text: b.entryDate.slice(0, 10), short: b.entryDate.slice(5, 10), changed: isChanged(bc, 'entryDate') },
              { text: euros(b.totalCents), changed: isChanged(bc, 'totalCents', 'lines') },
              // A word at every width, as Focus's Status column says it (the amounts are in the Amount column and the detail);
              // nothing outstanding on a booking of zero is paid too, as Focus's status says after the sync (I6).
              { text: paid, short: paid === 'part paid' ? 'part' : paid, changed: isChanged(bc, 'outstandingCents') },
            ];
          },
        ),
      );
    }
  }
  return rows;
}

/** The rows whose text contains the filter (case-insensitive); journal rows stay so the bookings keep their heading. */
export function filterRows(rows: Row[], filter: string): Row[] {
  const needle = filter.trim().toLowerCase();
  if (!needle) return rows;
  return rows.filter((r) => r.ref.kind === 'journal' || r.search.includes(needle));
}
