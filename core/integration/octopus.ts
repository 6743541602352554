import { OCTOPUS_SALES_TYPE } from '../../primitives/index.js';
import type { ExactResult } from '../exact-client/index.js';
import { editIsPushed, editWarnings } from '../focus/edit-warnings.js';
import type { Focus } from '../focus/focus.js';
import type { DocumentKind, FocusDocument, FocusState } from '../focus/state.js';
import type { IntegrationContext } from './context.js';
import { syncMessages } from '../messages/sync-messages.js';
import type { SalesEntryLineBody } from './sales-entry-body.js';

// Octopus is the one two-way tool that takes edits of synced invoices (R11): the sync pushes the new
// lines, which resets the cost centres the accountant assigned, and it needs its sales journals to be
// of the type 'Sales bookings' (focus-side.md §1b).

/**
 * The warning the invoice editor shows while a synced document is edited, or null when there is none: the
 * one `Focus.editLines` returns with its result (R11).
 */
export function editWarning(focus: Focus, documentId: string): string | null {
  const document = focus.state.documents[documentId];
  return document ? (editWarnings(focus.state, document)[0] ?? null) : null;
}

/** Synced documents edited since (R11, Octopus only): the sync pushes their lines. */
export function editsToPush(state: FocusState): FocusDocument[] {
  return Object.values(state.documents).filter((d) => d.editedAfterSync && editIsPushed(state, d));
}

/**
 * Reads the types of the integration's journals and names each one that Octopus does not list, or that is
 * not a 'Sales bookings' journal; the documents of that kind are not synced until it is fixed in Octopus.
 */
export async function checkJournalTypes(ctx: IntegrationContext): Promise<ExactResult<{ blocked: Set<DocumentKind>; errors: string[] }>> {
  const { division, invoiceJournal, creditNoteJournal } = ctx.focus.state.integration!.settings;
  const journals = await ctx.exact.getAll<{ Code: string; TypeDescription: string | null }>(division, 'financial/Journals', {
    $select: 'Code,TypeDescription',
  });
  if (!journals.ok) return journals;
  const blocked = new Set<DocumentKind>();
  const errors: string[] = [];
  for (const [kind, code] of [
    ['invoice', invoiceJournal],
    ['credit_note', creditNoteJournal],
  ] as const) {
    const journal = journals.value.find((j) => j.Code === code);
    if (journal?.TypeDescription === OCTOPUS_SALES_TYPE) continue;
    blocked.add(kind);
    const message = journal
      ? syncMessages.wrongJournalType(code, OCTOPUS_SALES_TYPE, journal.TypeDescription ?? 'unknown')
      : syncMessages.journalNotFound(code);
    if (!errors.includes(message)) errors.push(message);
  }
  return { ok: true, value: { blocked, errors } };
}

/**
 * Replaces the lines of a document's booking with its lines in Focus, keeping the booking and its number:
 * the new lines are added first (a booking without lines is deleted), then the old ones removed. Focus
 * sends no cost centre, so the cost centres assigned in Octopus are gone afterwards: the fault the
 * article warns about.
 */
export async function pushLines(
  ctx: IntegrationContext,
  document: FocusDocument,
  lines: readonly SalesEntryLineBody[],
): Promise<ExactResult<void>> {
  const { division, entryId } = document.link!;
  const old = await ctx.exact.getAll<{ ID: string }>(division, `salesentry/SalesEntries(guid'${entryId}')/SalesEntryLines`, {
    $select: 'ID',
  });
  if (!old.ok) return old;
  for (const line of lines) {
    const added = await ctx.exact.create(division, 'salesentry/SalesEntryLines', { EntryID: entryId, ...line });
    if (!added.ok) return added;
  }
  for (const { ID } of old.value) {
    const removed = await ctx.exact.remove(division, `salesentry/SalesEntryLines(guid'${ID}')`);
    if (!removed.ok) return removed;
  }
  return { ok: true, value: undefined };
}
