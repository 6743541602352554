import type { ExactEntryRow } from './exact-entries.js';
import type { FocusOverviewRow } from './focus-overview.js';
import type { IntegrationInput } from './focus-from-overviews.js';

/**
 * Finds the Focus document an Exact entry stands for: the one its "your ref." names in the entry's journal (invoice
 * 2026/1 and credit note 2026/1 are told apart by journal), or, without a reference, the latest document holding
 * its booking number (a reused number goes to the one synced last).
 */
export function documentFinder(
  rows: readonly FocusOverviewRow[],
  journals: Pick<IntegrationInput, 'invoiceJournal' | 'creditNoteJournal'>,
) {
  const journalOf = (row: FocusOverviewRow) => (row.kind === 'invoice' ? journals.invoiceJournal : journals.creditNoteJournal);
  const byRef = new Map<string, FocusOverviewRow>();
  const byBooking = new Map<string, FocusOverviewRow>();
  const numbered = rows.filter((r) => r.number !== null).sort((a, b) => a.fiscalYear! - b.fiscalYear! || a.sequence! - b.sequence!);
  for (const row of numbered) {
    byRef.set(`${journalOf(row)}|${row.number}`, row);
    if (row.bookingNumber !== null) byBooking.set(`${journalOf(row)}|${row.bookingNumber}`, row);
  }
  return (entry: Pick<ExactEntryRow, 'journal' | 'yourRef' | 'entryNumber'>): FocusOverviewRow | undefined =>
    entry.yourRef ? byRef.get(`${entry.journal}|${entry.yourRef}`) : byBooking.get(`${entry.journal}|${entry.entryNumber}`);
}
