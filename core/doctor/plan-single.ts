import { kindWord } from '../messages/document-kinds.js';
import type { WorldView } from '../invariants/types.js';
import { bookedDocumentsOf } from '../invariants/words.js';
import { joinWords } from '../words.js';
import type { Finding } from './finding.js';
import { noValues, type PlanStep, type Procedure } from './plan.js';
import { bookingInWords, highestNumberFirst, journalOfKind } from './refs.js';

// The procedures of one finding each: what an article says outside its from-date procedure, and booklab's own.

const SYNC: PlanStep = {
  title: 'Sync with the two arrows',
  text: 'Revenue › Invoices: click the synchronisation button (two arrows) and read what the bell says.',
  action: { do: 'sync' },
};

function procedure(
  id: string,
  article: string | null,
  title: string,
  findings: readonly Finding[],
  steps: PlanStep[],
  values = noValues(),
): Procedure {
  return { id, article, title, repairs: [...new Set(findings.map((f) => f.code))], steps, values };
}

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

/** R14: payment status fetched again, from the first synced document's date when the start date is later. */
export function paymentStatusAgain(view: WorldView, finding: Finding): Procedure {
  const settings = view.focus.integration!.settings;
  if (finding.date! >= settings.startDate) return procedure('sync', '003', 'Payment status (R14)', [finding], [SYNC]);
  const latest = bookedDocumentsOf(view)
    .map((d) => d.date)
    .sort()
    .at(-1)!;
  const after = new Date(Date.parse(`${latest}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const reconnect = {
    division: settings.division,
    startDate: finding.date!,
    invoiceJournal: settings.invoiceJournal,
    creditNoteJournal: settings.creditNoteJournal,
  };
  return procedure(
    'booklab',
    '002',
    'Payment status: reconnect from the first synced document (R14)',
    [finding],
    [
      {
        title: `Deactivate with delink date ${after}, contacts NOT delinked`,
        text: `Click 'Deactivate' and fill in ${after}, the day after the latest document, so that no document is reset. Do NOT delink the contacts and companies.`,
        action: { do: 'deactivate', delinkDate: after, resets: [] },
      },
      {
        title: `Reconnect with start date ${finding.date}, journals ${settings.invoiceJournal} and ${settings.creditNoteJournal}, do NOT import contacts`,
        text: `"The start date should be the date of the invoice that was first synced": fill in ${finding.date}, not ${settings.startDate}. Do NOT import contacts and companies.`,
        action: { do: 'reconnect', settings: reconnect },
      },
      SYNC,
    ],
    { ...noValues(), delinkDate: after, reconnect },
  );
}

/** Article 003: documents not synced yet are sent by a manual sync, after clearing a full bell (R16). */
export function syncAgain(findings: readonly Finding[]): Procedure {
  const full = findings.some((f) => f.reason?.code === 'bell-full');
  const refused = findings.flatMap((f) => (f.reason?.code === 'refused' ? [`${f.documents[0]!.number}: "${f.reason.message}"`] : []));
  return procedure('sync', '003', "Invoices that aren't synchronised (article 003)", findings, [
    ...(full
      ? [
          {
            title: 'Clear the unread notifications in the bell',
            text: "The bell is full, so the sync's error cannot be shown: click the notifications to mark them read (R16).",
            action: { do: 'clear-bell' },
          } as const,
        ]
      : []),
    ...(refused.length
      ? [
          {
            title: "Do what Exact Online's message says",
            text: `Exact Online refused ${refused.join('; ')}. Fix that first (in Exact Online or in the document), or the sync is refused again.`,
            action: { do: 'advice' },
          } as const,
        ]
      : []),
    SYNC,
  ]);
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

/** R13: a deactivated integration is connected again with its own settings, no import, before anything else. */
export function reconnectFirst(view: WorldView, finding: Finding): Procedure {
  const { division, startDate, invoiceJournal, creditNoteJournal } = view.focus.integration!.settings;
  const reconnect = { division, startDate, invoiceJournal, creditNoteJournal };
  return procedure(
    'booklab',
    null,
    'Connect the integration again (R13)',
    [finding],
    [
      {
        title: `Reconnect with start date ${startDate}, journals ${invoiceJournal} and ${creditNoteJournal}, do NOT import contacts`,
        text: `Settings of Exact Online › administration ${division} › 'Connect Exact Online': start date ${startDate}, invoice journal ${invoiceJournal}, credit note journal ${creditNoteJournal}. Do NOT import contacts and companies: that creates doubles in Focus.`,
        action: { do: 'reconnect', settings: reconnect },
      },
    ],
    { ...noValues(), reconnect },
  );
}
