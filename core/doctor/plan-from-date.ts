import { kindWord } from '../messages/document-kinds.js';
import type { DocumentKind } from '../focus/state.js';
import type { WorldView } from '../invariants/types.js';
import { bookedDocumentsOf } from '../invariants/words.js';
import { joinWords } from '../words.js';
import { longListInWords, numbersInWords } from './long-lists.js';
import type { BookingRef, DocumentRef, FindingCode } from './finding.js';
import type { IntegrationNote, NumberCheck, PlanStep, Procedure } from './plan.js';
import { bookingInWords, documentInWords, documentRef, highestNumberFirst, journalOfKind } from './refs.js';
import { aboveKept, inUse, predictNext, writeDown, type WriteDownRules } from './written-numbers.js';

// The common body of P-delete, P-twice and P-samenumber once the delink date is known, with every value filled in
// from the world: the same steps the scenarios play (scenarios/procedure/plans.ts), as data.

/** What a from-date procedure is built from. */
export interface FromDateInput extends WriteDownRules {
  id: 'P-samenumber' | 'P-twice' | 'P-delete';
  article: string;
  title: string;
  repairs: FindingCode[];
  date: string;
  because: string;
  /** P-delete: the documents to delete in Focus once reset. */
  deleteInFocus: DocumentRef[];
  /** R14: the start date to fill in when reconnecting, when not the one written down. */
  startDate?: string;
  /** booklab's completing step: the delink date moved back before deactivating. */
  moveBack?: { to: string; because: string[] };
}

const KINDS: readonly DocumentKind[] = ['invoice', 'credit_note'];

/** The procedure from `input.date`, every value read from `view` as the person in the article reads it. */
export function planFromDate(view: WorldView, input: FromDateInput): Procedure {
  const settings = view.focus.integration!.settings;
  // booklab's completing step moves the delink date back before anything is deleted: the rest follows from there.
  const date = input.moveBack?.to ?? input.date;
  const booked = bookedDocumentsOf(view);
  const fromDate = (kind: DocumentKind) => booked.filter((d) => d.kind === kind && d.date >= date).map(documentRef);
  const reached = KINDS.filter((k) => fromDate(k).length > 0);
  // Every journal the integration books in, reached by a document or not: a booking there from the date on is deleted too.
  const journals = [...new Set(KINDS.map((k) => journalOfKind(view.focus, k)!))];
  const deleted: BookingRef[] = journals.flatMap((j) =>
    view.accounting.bookings
      .filter((b) => b.journal === j && b.entryDate >= date)
      .sort((a, b) => b.entryNumber - a.entryNumber)
      .map((b) => ({ journal: j, entryNumber: b.entryNumber, date: b.entryDate, yourRef: b.yourRef })),
  );
  const written = reached
    .flatMap((kind) => writeDown(view, input, kind, fromDate(kind), deleted))
    .map((w) => (input.moveBack ? aboveKept(view, w, deleted) : w));
  const stillInUse = written.flatMap((w) => inUse(view, w, deleted, date));
  const checks = written.map((w) => ({ journal: w.journal, writtenDown: w.value, exactWillSay: predictNext(view, w.journal, deleted) }));
  const note: IntegrationNote = {
    division: settings.division,
    startDate: settings.startDate,
    invoiceJournal: settings.invoiceJournal,
    creditNoteJournal: settings.creditNoteJournal,
  };
  const reconnect: IntegrationNote = { ...note, startDate: input.startDate ?? note.startDate };
  const delinkDate = date;
  const resets = booked.filter((d) => d.date >= delinkDate && (d.link !== null || d.bookingNumber !== null)).map(documentRef);
  const firstSynced =
    booked
      .filter((d) => d.bookingNumber !== null)
      .map((d) => d.date)
      .sort()[0] ?? null;
  const steps: PlanStep[] = [
    {
      title: "Add the 'booking number' column to the invoice and credit note overviews",
      text: "In Focus, click the cogwheel at the bottom right of the invoice overview and put 'booking number' in the available columns; do the same for the credit notes.",
      action: { do: 'show-booking-numbers' },
    },
    {
      title: `Write down the delink date: ${input.date}`,
      text: `${input.because} Write down ${input.date}: the delink date.`,
      action: { do: 'note-delink-date', date: input.date },
    },
    ...(input.moveBack ? [moveBackStep(input.date, input.moveBack)] : []),
    ...reached.map((kind): PlanStep => ({
      title: `Check the ${kindWord(kind)}s from ${date} until now`,
      text: `Go to the ${kindWord(kind)}s and find those from ${date} until now: ${longListInWords(fromDate(kind).map(documentInWords), semicolons)}. They are deleted in Exact Online too.`,
      action: { do: 'check-documents-from', date, documents: fromDate(kind) },
    })),
    {
      title: `Delete ${deleted.length === 1 ? 'booking' : 'bookings'} ${numbersInWords(deleted.map((b) => b.entryNumber)) || '(none)'} in Exact Online, highest first`,
      text: deleted.length
        ? `In Exact Online delete, highest number first: ${longListInWords(deleted.map(bookingInWords), semicolons)}.`
        : `Exact Online holds no booking from ${date} on in these journals: nothing to delete there.`,
      action: { do: 'delete-in-exact', bookings: deleted },
    },
    {
      title: `Write down ${joinWords(written.map((w) => `${w.value} for journal ${w.journal}`)) || 'no number'}`,
      text:
        (written.length
          ? written
              .map(
                (w) =>
                  `The oldest ${kindWord(w.kind)} deleted from Exact Online is ${w.document.number} with booking number ${w.document.bookingNumber}${w.why}: write down ${w.value}.`,
              )
              .join(' ')
          : 'No document with a booking number was deleted from Exact Online: nothing to write down.') +
        stillInUse.map((u) => ` ${u}`).join(''),
      action: { do: 'write-down', numbers: written },
    },
    {
      title: "Check the journals' next booking number in Exact Online",
      text: checkText(checks),
      action: { do: 'check-next-booking-numbers', checks },
    },
    {
      title: 'Correct the next booking number where Exact differs from what you wrote down',
      text: checks.length
        ? checks
            .map((c) => `If journal ${c.journal} does not say ${c.writtenDown}, set its next booking number to ${c.writtenDown}.`)
            .join(' ')
        : 'Nothing was written down: nothing to correct.',
      action: { do: 'correct-next-booking-numbers', checks },
    },
    {
      title: `Write down the start date ${note.startDate} and journals ${note.invoiceJournal} and ${note.creditNoteJournal}`,
      text: `Integrations › Exact Online › Edit settings under 'Administration': write down the start date (${note.startDate}), the invoice journal (${note.invoiceJournal}) and the credit note journal (${note.creditNoteJournal}).${firstSynced ? ` The first document synced is dated ${firstSynced}.` : ''}`,
      action: { do: 'note-settings', settings: note, firstSynced },
    },
    {
      title: `Deactivate with delink date ${delinkDate}, contacts NOT delinked`,
      text: `Click 'Deactivate' and fill in the delink date ${delinkDate}: ${resets.length ? `${longListInWords(resets.map((d) => `${kindWord(d.kind)} ${d.number}`))} ${resets.length === 1 ? 'loses its' : 'lose their'} booking number` : 'no document is reset'}. Do NOT delink the contacts and companies: the slider stays off.`,
      action: { do: 'deactivate', delinkDate, resets },
    },
    ...(input.deleteInFocus.length
      ? [
          {
            title: `Delete ${joinWords(highestNumberFirst(input.deleteInFocus).map((d) => `${kindWord(d.kind)} ${d.number}`))} in Focus, highest number first`,
            text: `Revenue › Invoices: delete ${highestNumberFirst(input.deleteInFocus)
              .map((d) => `${kindWord(d.kind)} ${d.number}`)
              .join(', then ')}. Only the last one can be deleted, so start from the highest number.`,
            action: { do: 'delete-in-focus', documents: highestNumberFirst(input.deleteInFocus) } as const,
          },
        ]
      : []),
    {
      title: `Reconnect with start date ${reconnect.startDate}, journals ${reconnect.invoiceJournal} and ${reconnect.creditNoteJournal}, do NOT import contacts`,
      text: `Settings of Exact Online › administration ${reconnect.division} › 'Connect Exact Online': start date ${reconnect.startDate}${reconnect.startDate === note.startDate ? ' (as written down)' : ` (the date of the first document synced, not ${note.startDate}: R14)`}, invoice journal ${reconnect.invoiceJournal}, credit note journal ${reconnect.creditNoteJournal}. Do NOT import contacts and companies: that creates doubles in Focus.`,
      action: { do: 'reconnect', settings: reconnect },
    },
    {
      title: 'Sync with the two arrows',
      text: 'Revenue › Invoices: click the synchronisation button (two arrows) and read what the bell says.',
      action: { do: 'sync' },
    },
  ];
  return {
    id: input.id,
    article: input.article,
    title: input.title,
    repairs: input.repairs,
    steps,
    values: {
      delinkDate,
      deleteInExact: deleted,
      writeDown: written,
      nextBookingNumbers: checks,
      deleteInFocus: highestNumberFirst(input.deleteInFocus),
      firstSynced,
      reconnect,
      importContacts: false,
    },
  };
}

const semicolons = (items: readonly string[]) => items.join('; ');

function checkText(checks: readonly NumberCheck[]): string {
  if (!checks.length) return 'Nothing was written down: nothing to check.';
  const said = checks.map(
    (c) =>
      `journal ${c.journal} should say ${c.writtenDown}${c.exactWillSay === c.writtenDown ? '' : ` (it will most likely say ${c.exactWillSay})`}`,
  );
  return `Exact Online › Master data › Journals › Next booking number: ${said.join('; ')}.`;
}

function moveBackStep(from: string, moveBack: { to: string; because: string[] }): PlanStep {
  return {
    title: `booklab's completing step: move the delink date back to ${moveBack.to}`,
    text: `"The delink date is the date of the first invoice or credit note that had to be deleted from Exact Online": ${moveBack.because.join('; ')}. Its booking had to be deleted too, so the delink date is ${moveBack.to}, not ${from}: everything below counts from ${moveBack.to}.`,
    action: { do: 'move-delink-date-back', from, to: moveBack.to, because: moveBack.because },
  };
}
