import { addDays } from '../../primitives/index.js';
import type { WorldView } from '../invariants/types.js';
import { bookedDocumentsOf } from '../invariants/words.js';
import type { Finding } from './finding.js';
import { noValues, procedure, SYNC, type Procedure } from './plan.js';

// The procedures of one finding each that go through the integration: payment status again, a sync, a reconnect.

/** R14: payment status fetched again, from the first synced document's date when the start date is later. */
export function paymentStatusAgain(view: WorldView, finding: Finding): Procedure {
  const settings = view.focus.integration!.settings;
  if (finding.date! >= settings.startDate) return procedure('sync', '003', 'Payment status (R14)', [finding], [SYNC]);
  const latest = bookedDocumentsOf(view)
    .map((d) => d.date)
    .sort()
    .at(-1)!;
  const after = addDays(latest, 1);
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
