import { kindTitle, kindWord } from '../messages/document-kinds.js';
import { findCollisions } from '../integration/collisions.js';
import { syncMessages } from '../messages/sync-messages.js';
import { bookingIndex } from '../invariants/booking-index.js';
import type { Booking } from '../invariants/accounting-records.js';
import type { Violation, WorldView } from '../invariants/types.js';
import { bookedDocumentsOf } from '../invariants/words.js';
import type { FocusDocument } from '../focus/state.js';
import { bookSign, documentTotals } from '../focus/totals.js';
import { joinWords } from '../words.js';
import type { Finding } from './finding.js';
import { bookingRef, documentRef, documentsByNumber, documentsInWords, journalOfKind } from './refs.js';

// The findings about booking numbers and bookings: articles 001 and 002, and I8.

/** Article 002: documents of one series that share a booking number (R9), reusing the sync's own collision check. */
export function sameBookingNumber(view: WorldView): Finding[] {
  const byNumber = documentsByNumber(view);
  return findCollisions(view.focus).map((collision) => {
    const documents = collision.numbers.map((n) => documentRef(byNumber.get(`${collision.kind}|${n}`)!));
    const date = documents
      .map((d) => d.date)
      .sort()
      .at(-1)!;
    return {
      code: 'same-booking-number',
      article: '002',
      rules: ['R7', 'R9', 'P-samenumber', 'I2'],
      summary:
        `${documentsInWords(documents)} have the same booking number ${collision.bookingNumber}; the bell says "${syncMessages.sameBookingNumber(collision.kind, collision.numbers)}". ` +
        `A booking was deleted in Exact Online but its ${kindWord(collision.kind)} was kept in Focus, and Exact handed the number out again.`,
      documents,
      bookings: [],
      date,
      bookingNumber: collision.bookingNumber,
    };
  });
}

/**
 * What comes before article 002: a linked document whose booking Exact no longer has, or a document that shows a
 * booking number without a link to any booking that still stands for it.
 */
export function bookingDeletedInExact(view: WorldView): Finding[] {
  const { byId, byRef } = bookingIndex(view.accounting);
  const standsFor = (d: FocusDocument) =>
    (byRef.get(`${journalOfKind(view.focus, d.kind)}|${d.number}`) ?? []).some((b) => b.entryNumber === d.bookingNumber);
  return bookedDocumentsOf(view)
    .filter((d) => (d.link !== null ? !byId.has(d.link.entryId) : d.bookingNumber !== null && !standsFor(d)))
    .map((d) => ({
      code: 'booking-deleted-in-exact',
      article: '002',
      rules: ['R7', 'R9', 'I1'],
      summary:
        `${documentsInWords([documentRef(d)])} (${d.date}) shows booking number ${d.bookingNumber ?? '?'}, but journal ${d.link?.journal ?? journalOfKind(view.focus, d.kind) ?? '?'} no longer has that booking: ` +
        `it was deleted in Exact Online, not in Focus. When it was the journal's last booking, Exact hands its number out again (R7).`,
      documents: [documentRef(d)],
      bookings: [],
      date: d.date,
      ...(d.bookingNumber === null ? {} : { bookingNumber: d.bookingNumber }),
    }));
}

/**
 * Article 001: a document that stands more than once in its journal (typed in by hand, or a lost answer, R10). A
 * booking typed in without Focus's number as its reference stands for the document of its date and amount, as the
 * person in the article finds it on the journal's screen.
 */
export function shownTwice(view: WorldView): Finding[] {
  const { byId, byRef } = bookingIndex(view.accounting);
  const documents = bookedDocumentsOf(view);
  // Typed in: no reference, and linked to no document (a tool that books without references links what it books).
  const linkedIds = new Set(documents.flatMap((d) => (d.link ? [d.link.entryId] : [])));
  const typedIn = view.accounting.bookings.filter((b) => b.yourRef === null && !linkedIds.has(b.id));
  const findings: Finding[] = [];
  for (const d of documents) {
    const journal = journalOfKind(view.focus, d.kind);
    if (journal === undefined) continue;
    const linked = d.link ? byId.get(d.link.entryId) : undefined;
    const byReference = byRef.get(`${journal}|${d.number}`) ?? [];
    // Typed-in bookings have no reference and no link, so none of them is among those found by reference or link.
    const typed = typedIn.length === 0 ? [] : sameDateAndAmount(typedIn, journal, d);
    const standing = [
      ...byReference,
      ...(linked && linked.journal === journal && !byReference.includes(linked) ? [linked] : []),
      ...typed,
    ].sort((a, b) => a.entryNumber - b.entryNumber);
    if (standing.length < 2) continue;
    findings.push({
      code: 'shown-twice',
      article: '001',
      rules: ['R10', 'P-twice', 'I1', 'I8'],
      summary:
        `${documentsInWords([documentRef(d)])} (${d.date}) stands ${standing.length} times in Exact Online, journal ${journal}: bookings ${joinWords(standing.map((b) => String(b.entryNumber)))}. ` +
        "It was entered by hand in Exact (or a sync's answer was lost) and Focus booked it again.",
      documents: [documentRef(d)],
      bookings: standing.map(bookingRef),
      date: d.date,
    });
  }
  return findings;
}

/** The bookings of `journal` among `bookings` dated on `document`'s date for its amount (negative for a credit note). */
function sameDateAndAmount(bookings: readonly Booking[], journal: string, document: FocusDocument): Booking[] {
  const total = documentTotals(document).totalCents * bookSign(document);
  return bookings.filter((b) => b.journal === journal && b.entryDate.slice(0, 10) === document.date && b.totalCents === total);
}

/** I8: bookings no booked document stands for, other than the second bookings of a document shown twice. */
export function orphanBookings(view: WorldView, violations: readonly Violation[], twice: readonly Finding[]): Finding[] {
  const explained = new Set(twice.flatMap((f) => f.bookings.map((b) => `${b.journal}|${b.entryNumber}`)));
  const byJournalNumber = new Map(view.accounting.bookings.map((b) => [`${b.journal}|${b.entryNumber}`, b]));
  return violations
    .filter((v) => v.invariant === 'I8')
    .flatMap((v) => {
      const journal = /in journal (\S+)/.exec(v.message)?.[1];
      const booking = byJournalNumber.get(`${journal}|${v.bookings[0]}`);
      if (!booking || explained.has(`${booking.journal}|${booking.entryNumber}`)) return [];
      return [
        {
          code: 'orphan-booking' as const,
          article: null,
          rules: ['I8'],
          summary: v.message,
          documents: [],
          bookings: [bookingRef(booking)],
          date: booking.entryDate,
        },
      ];
    });
}

/** A journal whose next booking number is one Focus already holds, or not above every booking in it (R7, R8, I3). */
export function nextNumberWillCollide(view: WorldView): Finding[] {
  const settings = view.focus.integration?.settings;
  if (!settings) return [];
  const findings: Finding[] = [];
  const journals = [...new Set([settings.invoiceJournal, settings.creditNoteJournal])];
  for (const code of journals) {
    const journal = view.accounting.journals.find((j) => j.code === code);
    if (!journal) continue;
    const next = journal.nextBookingNumber;
    const holders = bookedDocumentsOf(view).filter((d) => d.bookingNumber === next && journalOfKind(view.focus, d.kind) === code);
    const taken = view.accounting.bookings.filter((b) => b.journal === code && b.entryNumber >= next);
    if (holders.length === 0 && taken.length === 0) continue;
    const held = joinWords(taken.map((b) => String(b.entryNumber)));
    // A number Exact holds is refused there before Focus could show it twice; only a free one is handed out again.
    const why = taken.some((b) => b.entryNumber === next)
      ? `journal ${code} already holds ${held}, so Exact refuses the next booking ("In use: Entry number", I3)`
      : holders.length
        ? `${documentsInWords(holders.map(documentRef))} already ${holders.length === 1 ? 'shows' : 'show'} booking number ${next}, so the next sync gives that number to a second document (R7, R9)`
        : `journal ${code} already holds ${held}, above it, so Exact refuses a booking once its number reaches them ("In use: Entry number", I3)`;
    findings.push({
      code: 'next-number-will-collide',
      article: '002',
      rules: ['R7', 'R8', 'I2', 'I3'],
      summary: `Journal ${code}'s next booking number is ${next}: ${why}.`,
      documents: holders.map(documentRef),
      bookings: taken.map(bookingRef),
      bookingNumber: next,
    });
  }
  return findings;
}

/** Journals the integration books in (or documents are linked to) that Exact Online does not have (R5, R13). */
export function missingJournals(view: WorldView): Finding[] {
  const settings = view.focus.integration?.settings;
  if (!settings) return [];
  const known = new Set(view.accounting.journals.map((j) => j.code));
  const named = new Map<string, string>([
    [settings.invoiceJournal, 'the invoice journal'],
    [settings.creditNoteJournal, 'the credit note journal'],
  ]);
  for (const d of bookedDocumentsOf(view))
    if (d.link && !named.has(d.link.journal)) named.set(d.link.journal, `the journal ${d.number} is linked to`);
  return [...named]
    .filter(([code]) => !known.has(code))
    .map(([code, what]) => ({
      code: 'journal-missing' as const,
      article: null,
      rules: ['R5', 'R13'],
      summary: `Journal ${code}, ${what}, does not exist in Exact Online's administration ${view.accounting.division}: nothing can be booked or checked there. Reconnect with journals Exact Online has.`,
      documents: bookedDocumentsOf(view)
        .filter((d) => d.link?.journal === code)
        .map(documentRef),
      bookings: [],
    }));
}

/**
 * Documents of one kind booked in two journals: some stand in a journal other than the one the integration now books
 * that kind in (journals swapped or changed on reconnecting, R13). The articles' advice: fill in the correct journals.
 */
export function wrongJournal(view: WorldView): Finding[] {
  const settings = view.focus.integration?.settings;
  if (!settings) return [];
  const { byId } = bookingIndex(view.accounting);
  const known = new Set(view.accounting.journals.map((j) => j.code));
  const findings: Finding[] = [];
  for (const kind of ['invoice', 'credit_note'] as const) {
    const journal = journalOfKind(view.focus, kind)!;
    const other = kind === 'invoice' ? settings.creditNoteJournal : settings.invoiceJournal;
    const linked = bookedDocumentsOf(view).filter((d) => d.kind === kind && d.link !== null && byId.has(d.link.entryId));
    const elsewhere = linked.filter((d) => d.link!.journal !== journal && known.has(d.link!.journal));
    if (!elsewhere.length) continue;
    const journals = [...new Set(linked.map((d) => d.link!.journal))].sort();
    const where = journals.map((j) => `${j} (${joinWords(linked.filter((d) => d.link!.journal === j).map((d) => d.number!))})`);
    const swapped = elsewhere.every((d) => d.link!.journal === other);
    findings.push({
      code: 'wrong-journal',
      article: '001',
      rules: ['R5', 'R13', 'I1'],
      summary:
        `${kindTitle(kind)}s stand in ${journals.length === 1 ? 'journal' : 'journals'} ${joinWords(where)}, but the integration books invoices in journal ${settings.invoiceJournal} and credit notes in journal ${settings.creditNoteJournal}: ` +
        (swapped
          ? 'the invoice and credit note journals look swapped since the last reconnect (R13).'
          : `${kindWord(kind)}s were booked in another journal before the last reconnect (R13).`),
      documents: linked.map(documentRef),
      bookings: linked.map((d) => bookingRef(byId.get(d.link!.entryId)!)),
      date: elsewhere.map((d) => d.date).sort()[0]!,
    });
  }
  return findings;
}
