import { invoicesFirstInNumberOrder } from '../focus/numbering.js';
import type { Company, DocumentKind, FocusDocument, FocusState, Link } from '../focus/state.js';
import { syncMessages } from '../messages/sync-messages.js';
import { editsToPush } from './octopus.js';
import type { ExistingBookings } from './safe-strategy.js';
import { prepareLines, type AccountingReferences, type LinesProblem, type SalesEntryLineBody } from './sales-entry-body.js';
import { checkVatNumber } from './vat-number.js';

/** The sales entry lines of a document that can be posted. */
type EntryLines = SalesEntryLineBody[];

/**
 * What a sync does with one document, decided before anything is sent; `index` is the document's place among those
 * to send, so a stop can say how many were left.
 */
export type SyncStep =
  | { action: 'refuse-vat-number'; index: number; message: string }
  | { action: 'refuse-lines'; index: number; document: FocusDocument; problem: LinesProblem }
  | { action: 'push-edit'; index: number; document: FocusDocument; lines: EntryLines }
  | { action: 'link-existing'; index: number; document: FocusDocument; bookingNumber: number; link: Link }
  | { action: 'post'; index: number; document: FocusDocument; company: Company; journal: string; lines: EntryLines };

/** The steps of a sync in order, and how many documents it sends (posts and Octopus edits). */
export interface SyncPlan {
  sending: number;
  steps: SyncStep[];
}

/** The booked, unlinked documents a sync sends (R1, R5), invoices first, each series in number order. */
export function documentsToSyncIn(state: FocusState): FocusDocument[] {
  const startDate = state.integration?.settings.startDate ?? '9999-12-31';
  return Object.values(state.documents)
    .filter((d) => d.status === 'booked' && d.link === null && d.date >= startDate)
    .sort(invoicesFirstInNumberOrder);
}

/** What a sync sends: the documents to post, then the synced ones whose edits are pushed (Octopus only, R11). */
export function toSend(state: FocusState): FocusDocument[] {
  return [...documentsToSyncIn(state), ...editsToPush(state)];
}

/**
 * Plans a sync of an active integration, without sending anything: the documents of a kind whose journal is `blocked`
 * wait; a company's invalid VAT number is one error line and keeps all its documents back; lines that cannot be
 * posted are noted; an Octopus edit is pushed; with the safe strategy a booking already standing is linked (R10);
 * every other document is posted.
 */
export function planSync(
  state: FocusState,
  references: AccountingReferences,
  existing: ExistingBookings | undefined,
  blocked: ReadonlySet<DocumentKind>,
): SyncPlan {
  const { settings } = state.integration!;
  const documents = toSend(state).filter((d) => !blocked.has(d.kind));
  const badVatCompanies = new Set<string>();
  const steps: SyncStep[] = [];
  for (const [index, document] of documents.entries()) {
    const company = state.companies[document.companyId];
    if (!company) continue;
    const vat = company.vatNumber ? checkVatNumber(company.vatNumber) : null;
    if (vat && !vat.ok) {
      if (!badVatCompanies.has(company.id))
        steps.push({
          action: 'refuse-vat-number',
          index,
          message: syncMessages.invalidVatNumber(company.name, company.vatNumber!, vat.problem.example),
        });
      badVatCompanies.add(company.id);
      continue;
    }
    const lines = prepareLines(document, references, settings.ledgerMap, settings.vatMap);
    if (!lines.ok) {
      steps.push({ action: 'refuse-lines', index, document, problem: lines.problem });
      continue;
    }
    if (document.link) {
      steps.push({ action: 'push-edit', index, document, lines: lines.value });
      continue;
    }
    const journal = document.kind === 'invoice' ? settings.invoiceJournal : settings.creditNoteJournal;
    const found = existing?.find(document, journal);
    steps.push(
      found
        ? {
            action: 'link-existing',
            index,
            document,
            bookingNumber: found.EntryNumber,
            link: { division: settings.division, journal, entryId: found.EntryID },
          }
        : { action: 'post', index, document, company, journal, lines: lines.value },
    );
  }
  return { sending: documents.length, steps };
}
