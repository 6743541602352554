import { bookSign, documentTotals } from '../focus/totals.js';
import { kindTitle } from '../messages/document-kinds.js';
import type { FocusDocument, FocusState } from '../focus/state.js';
import type { WorldView } from './types.js';

/** "Invoice 2026/3" / "Credit note 2026/1". */
export function documentName(document: FocusDocument): string {
  return `${kindTitle(document.kind)} ${document.number ?? document.id}`;
}

/** The journal a document is booked in under the integration's settings. */
export function journalFor(state: FocusState, document: FocusDocument): string | undefined {
  const settings = state.integration?.settings;
  if (!settings) return undefined;
  return document.kind === 'invoice' ? settings.invoiceJournal : settings.creditNoteJournal;
}

/** Booked documents in number order. */
export function bookedDocuments(state: FocusState): FocusDocument[] {
  return Object.values(state.documents)
    .filter((d) => d.status === 'booked')
    .sort((a, b) => a.kind.localeCompare(b.kind) || (a.fiscalYear ?? 0) - (b.fiscalYear ?? 0) || (a.sequence ?? 0) - (b.sequence ?? 0));
}

const bookedOfView = new WeakMap<WorldView, FocusDocument[]>();

/**
 * The booked documents of a view's Focus side, sorted once per view: five invariants walk them, and a view is
 * checked after every dashboard action and walkthrough step. evaluateInvariants hands the checks a view of
 * its own, so a state changed between two evaluations is never read from the cache.
 */
export function bookedDocumentsOf(view: WorldView): FocusDocument[] {
  let booked = bookedOfView.get(view);
  if (!booked) bookedOfView.set(view, (booked = bookedDocuments(view.focus)));
  return booked;
}

/** A document's amounts as they should stand in the books (credit notes negative). */
export function bookedAmounts(document: FocusDocument): { netCents: number; vatCents: number; totalCents: number } {
  const sign = bookSign(document);
  const totals = documentTotals(document);
  return { netCents: sign * totals.netCents, vatCents: sign * totals.vatCents, totalCents: sign * totals.totalCents };
}
