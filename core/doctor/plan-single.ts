import { kindWord } from '../messages/document-kinds.js';
import type { WorldView } from '../invariants/types.js';
import { bookedDocumentsOf } from '../invariants/words.js';
import { joinWords } from '../words.js';
import type { Finding } from './finding.js';
import { noValues, procedure, SYNC, type Procedure } from './plan.js';
import { bookingInWords, highestNumberFirst, journalOfKind } from './refs.js';

// The procedures of one finding each: what an article says outside its from-date procedure, and booklab's own.

/** Article 000: a last document booked by accident that was never synced goes in Focus at once (R2). */
export function deleteInFocusOnly(finding: Finding): Procedure {
  const documents = highestNumberFirst(finding.documents);
  const names = joinWords(documents.map((d) => `${kindWord(d.kind)} ${d.number}`));
  return procedure(
    'P-delete',
    '000',
    'Deleting a document booked by accident, not synced (article 000)',
    [finding],
    [
      {
        title: `Delete ${names} in Focus`,
        text: `Revenue › Invoices: delete ${names}. It has no booking number and is the last one, so Focus lets it go.`,
        action: { do: 'delete-in-focus', documents },
      },
    ],
    { ...noValues(), deleteInFocus: documents },
  );
}

/** Article 000: a document booked by accident that is not the last is credited (an invoice) or set to zero (a credit note). */
export function creditProcedure(finding: Finding, today: string, connected: boolean): Procedure {
  const document = finding.documents[0]!;
  if (document.kind !== 'invoice') {
    return procedure(
      'advice',
      '000',
      'A credit note booked by accident that is not the last (article 000)',
      [finding],
      [
        {
          title: `Set credit note ${document.number} to zero in Focus and its booking in Exact Online`,
          text: `Credit note ${document.number} cannot be deleted: set its amount to zero in Focus, and its booking in Exact Online by hand (R11).`,
          action: { do: 'advice' },
        },
      ],
    );
  }
  return procedure(
    'credit',
    '000',
    'A test invoice that is not the last: credit it (article 000)',
    [finding],
    [
      {
        title: `Credit invoice ${document.number} with a credit note dated ${today}`,
        text: `"You best credit the invoice via a credit note": open invoice ${document.number} and click 'Credit'; Focus books a credit note of ${today} with the same lines.`,
        action: { do: 'credit', document, date: today },
      },
      ...(connected ? [SYNC] : []),
    ],
  );
}

/** booklab's own: bookings no document stands for are deleted in Exact, highest first, then a sync books what lost them. */
export function orphansDeleted(findings: readonly Finding[]): Procedure {
  const bookings = findings.flatMap((f) => f.bookings).sort((a, b) => a.journal.localeCompare(b.journal) || b.entryNumber - a.entryNumber);
  return procedure(
    'booklab',
    null,
    'Bookings no document stands for (I8; no article covers this)',
    findings,
    [
      {
        title: `Delete ${joinWords(bookings.map((b) => `booking ${b.entryNumber}`))} in Exact Online, highest first`,
        text: `In Exact Online delete: ${bookings.map(bookingInWords).join('; ')}. Focus has no document linked to ${bookings.length === 1 ? 'it' : 'them'}.`,
        action: { do: 'delete-in-exact', bookings },
      },
      SYNC,
    ],
    { ...noValues(), deleteInExact: bookings },
  );
}

/** Article 002 (R8): a next booking number that would hand out a number again is set above every number in use. */
export function setNextNumber(view: WorldView, finding: Finding): Procedure {
  const journal = /^Journal (\S+)'s/.exec(finding.summary)![1]!;
  const held = bookedDocumentsOf(view)
    .filter((d) => journalOfKind(view.focus, d.kind) === journal && d.bookingNumber !== null)
    .map((d) => d.bookingNumber!);
  const entries = view.accounting.bookings.filter((b) => b.journal === journal).map((b) => b.entryNumber);
  const value = Math.max(finding.bookingNumber!, ...held, ...entries) + 1;
  const check = { journal, writtenDown: value, exactWillSay: finding.bookingNumber! };
  return procedure(
    'booklab',
    '002',
    `Journal ${journal}'s next booking number (R8)`,
    [finding],
    [
      {
        title: `Set journal ${journal}'s next booking number to ${value}`,
        text: `Exact Online › Master data › Journals › ${journal}: the next booking number says ${finding.bookingNumber}; set it to ${value}, one above every number Focus and Exact already use.`,
        action: { do: 'set-next-booking-number', journal, value },
      },
    ],
    { ...noValues(), nextBookingNumbers: [check] },
  );
}

/** Article 003 (R11): a booking whose document was edited after the sync is edited in Exact by hand. */
export function editsInExact(finding: Finding): Procedure {
  const document = finding.documents[0]!;
  const booking = finding.bookings[0]!;
  return procedure(
    'edit',
    '003',
    'Edited in Focus after the sync (article 003)',
    [finding],
    [
      {
        title: `Edit ${bookingInWords(booking)} in Exact Online to match ${kindWord(document.kind)} ${document.number}`,
        text: `Focus does not send edits of a synced ${kindWord(document.kind)} (R11): type the lines of ${kindWord(document.kind)} ${document.number} into booking ${booking.entryNumber} in Exact Online by hand.`,
        action: { do: 'edit-in-exact', document, booking },
      },
    ],
  );
}

/** What no procedure repairs in the books: said, not done. */
export function advice(findings: readonly Finding[]): Procedure {
  const said = (f: Finding): string => {
    if (f.code === 'duplicate-customers')
      return 'Merge the double companies in Focus by hand (booklab cannot prove this); never import contacts when reconnecting.';
    if (f.code === 'journal-missing')
      return 'Deactivate and reconnect with the journals Exact Online has (booklab cannot choose them for you).';
    if (f.code === 'wrong-journal')
      return '"Fill in the correct journals and connect" (001): ask the accountant which journals are right (the ones written down before deactivating); delete the bookings in the wrong journal from the first one\'s date on, deactivate with that date (contacts NOT delinked), reconnect with the correct journals, no import, and sync. booklab cannot choose the journals for you, so it cannot prove this.';
    if (f.reason?.code === 'draft') return 'Book the drafts that should be synced; a draft never is (R1).';
    if (f.reason?.code === 'before-start-date')
      return 'Documents before the start date are never synced (R5): book them in Exact Online by hand if they belong there.';
    return `No procedure repairs this: ${f.summary}`;
  };
  return procedure(
    'advice',
    null,
    'What the plan does not repair in the books',
    findings,
    findings.map((f) => ({ title: said(f), text: f.summary, action: { do: 'advice' } })),
  );
}
