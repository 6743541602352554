import type { MockState, SalesEntry } from '../../mock-accounting/index.js';
import type { Link } from '../focus/state.js';
import { nextGuid } from './accounting-base.js';

/** A booked Focus document that carries a booking number, as the overview shows it. */
export interface NumberedDocument {
  number: string;
  sequence: number;
  fiscalYear: number;
  journal: string;
  bookingNumber: number;
}

/**
 * The link each numbered document had when Focus stored its booking number (R6), reconstructed from the two
 * exports: the entry with that number in the document's journal, when its "your ref." names the document (or,
 * without a reference, when the document is the latest of those holding the number, as a reused number goes to
 * the one synced last). Every other document gets a link to a booking that no longer exists, which is what Focus
 * holds after the booking was deleted in Exact: the doctor diagnoses it instead of the reader guessing it away.
 */
export function linkDocuments(state: MockState, division: number, documents: readonly NumberedDocument[]): Map<NumberedDocument, Link> {
  const entries = new Map<string, SalesEntry>();
  for (const entry of Object.values(state.salesEntries)) {
    if (entry.division === division) entries.set(`${entry.journalCode}|${entry.entryNumber}`, entry);
  }
  const claimants = new Map<string, NumberedDocument[]>();
  for (const document of documents) {
    const key = `${document.journal}|${document.bookingNumber}`;
    claimants.set(key, [...(claimants.get(key) ?? []), document]);
  }
  const links = new Map<NumberedDocument, Link>();
  for (const [key, group] of claimants) {
    const entry = entries.get(key);
    const owner = entry ? ownerOf(entry, group) : undefined;
    for (const document of group) {
      const entryId = document === owner ? entry!.id : nextGuid(state);
      links.set(document, { division, journal: document.journal, entryId });
    }
  }
  return links;
}

/** The document an entry stands for: the one its reference names, else (no reference) the latest claimant. */
function ownerOf(entry: SalesEntry, group: readonly NumberedDocument[]): NumberedDocument | undefined {
  if (entry.yourRef) return group.find((d) => d.number === entry.yourRef);
  return [...group].sort((a, b) => b.fiscalYear - a.fiscalYear || b.sequence - a.sequence)[0];
}
