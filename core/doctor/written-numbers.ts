import type { DocumentKind } from '../focus/state.js';
import type { Booking } from '../invariants/accounting-records.js';
import type { WorldView } from '../invariants/types.js';
import { kindWord } from '../messages/document-kinds.js';
import type { BookingRef, DocumentRef } from './finding.js';
import type { WrittenNumber } from './plan.js';
import { bookingInWords, bookingRef, journalOfKind, oldestFirst } from './refs.js';

// The next booking numbers a from-date procedure (P-delete, P-twice, P-samenumber) writes down before deleting, and
// what Exact will show once the bookings are deleted: the numbers its steps and checks are filled in with.

/** How the number to write down follows from the oldest deleted document (the articles differ here). */
export type WriteDownRule = 'as-booked' | 'one-higher-if-double' | 'after-last-kept';

/** What decides the number to write down. */
export interface WriteDownRules {
  rule: WriteDownRule;
  /** P-samenumber: the double numbers per kind ("one number higher"). */
  doubles: Array<{ kind: DocumentKind; bookingNumber: number; numbers: string[] }>;
}

/** The number to write down for the oldest document of `kind` deleted from Exact, by the article's rule. */
export function writeDown(
  view: WorldView,
  input: WriteDownRules,
  kind: DocumentKind,
  from: DocumentRef[],
  deleted: BookingRef[],
): WrittenNumber[] {
  const [oldest] = oldestFirst(from.filter((d) => d.bookingNumber !== null));
  if (!oldest) return [];
  const journal = journalOfKind(view.focus, kind)!;
  const booked = oldest.bookingNumber!;
  if (input.rule === 'after-last-kept') {
    const gone = new Set(deleted.filter((b) => b.journal === journal).map((b) => b.entryNumber));
    const kept = view.accounting.bookings.filter((b) => b.journal === journal && !gone.has(b.entryNumber)).map((b) => b.entryNumber);
    if (kept.length)
      return [
        {
          journal,
          kind,
          document: oldest,
          value: Math.max(...kept) + 1,
          why: `; it should follow the last ${kindWord(kind)} kept, booking ${Math.max(...kept)}`,
        },
      ];
    return [
      {
        journal,
        kind,
        document: oldest,
        value: Math.min(...gone),
        why: `; no ${kindWord(kind)} is kept, so it is the first number deleted from journal ${journal}`,
      },
    ];
  }
  const double = input.doubles.find((d) => d.kind === kind && d.bookingNumber === booked && d.numbers.includes(oldest.number));
  if (double) return [{ journal, kind, document: oldest, value: booked + 1, why: ', the double booking number, so one number higher' }];
  return [{ journal, kind, document: oldest, value: booked, why: '' }];
}

/** booklab's completed plan: a number written down is raised above every booking kept in its journal (I3). */
export function aboveKept(view: WorldView, written: WrittenNumber, deleted: BookingRef[]): WrittenNumber {
  const highest = keptFrom(view, written.journal, deleted).at(-1)?.entryNumber;
  if (highest === undefined || highest < written.value) return written;
  return {
    ...written,
    value: highest + 1,
    why: `${written.why}; booking ${highest} is kept in journal ${written.journal}, so one above it`,
  };
}

/** The bookings of journal `code` the plan keeps, lowest number first. */
function keptFrom(view: WorldView, code: string, deleted: BookingRef[]): Booking[] {
  const gone = new Set(deleted.filter((b) => b.journal === code).map((b) => b.entryNumber));
  return view.accounting.bookings
    .filter((b) => b.journal === code && !gone.has(b.entryNumber))
    .sort((a, b) => a.entryNumber - b.entryNumber);
}

/**
 * Said plainly when a number written down is still in use: a booking dated before `date` is kept, yet holds that
 * number or a higher one, so setting the next booking number to it hands a number out twice (R7, I3).
 */
export function inUse(view: WorldView, written: WrittenNumber, deleted: BookingRef[], date: string): string[] {
  const kept = keptFrom(view, written.journal, deleted).filter((b) => b.entryNumber >= written.value);
  if (!kept.length) return [];
  const highest = kept.at(-1)!.entryNumber;
  return [
    `Careful: ${written.value} is still in use in journal ${written.journal}: ${kept.map((b) => bookingInWords(bookingRef(b))).join('; ')} ${kept.length === 1 ? 'is' : 'are'} dated before the delink date ${date}, so ${kept.length === 1 ? 'it is' : 'they are'} not deleted. ` +
      `A next booking number of ${written.value} is not above ${highest} (I3): Exact would hand out a number in use. The article's plan cannot repair this as written: see what its proof leaves.`,
  ];
}

/** What journal `code` will show as next booking number once `deleted` are gone (R7: deleting the highest moves it back). */
export function predictNext(view: WorldView, code: string, deleted: BookingRef[]): number {
  const journal = view.accounting.journals.find((j) => j.code === code)!;
  const gone = new Set(deleted.filter((b) => b.journal === code).map((b) => b.entryNumber));
  const all = view.accounting.bookings.filter((b) => b.journal === code).map((b) => b.entryNumber);
  const highest = all.length ? Math.max(...all) : undefined;
  if (highest === undefined || !gone.has(highest)) return journal.nextBookingNumber;
  const kept = all.filter((n) => !gone.has(n));
  return kept.length ? Math.max(...kept) + 1 : journal.firstBookingNumber;
}
