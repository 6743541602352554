import type { DocumentKind, FocusDocument, FocusState } from '../focus/state.js';

/** Documents of one series that carry the same booking number (R9). */
export interface BookingNumberCollision {
  kind: DocumentKind;
  bookingNumber: number;
  /** Document numbers, in number order. */
  numbers: string[];
}

/** Where a document stands in its series: by fiscal year, then sequence. */
function seriesOrder(document: FocusDocument): number {
  return (document.fiscalYear ?? 0) * 1e7 + (document.sequence ?? 0);
}

/** Finds every booking number that two or more invoices (or credit notes) share. */
export function findCollisions(state: FocusState): BookingNumberCollision[] {
  // Each series' first document per booking number; a group is made only when a second one shows the same number.
  // A case of 10,000 invoices has a few groups, not 10,000 (the dashboard marks them before its first frame, and each
  // sync reports them: issue 16).
  const first = { invoice: new Map<number, FocusDocument>(), credit_note: new Map<number, FocusDocument>() };
  const groups = new Map<FocusDocument, FocusDocument[]>();
  for (const document of Object.values(state.documents)) {
    if (document.bookingNumber === null || document.number === null) continue;
    const seen = first[document.kind];
    const earlier = seen.get(document.bookingNumber);
    if (earlier === undefined) seen.set(document.bookingNumber, document);
    else {
      const group = groups.get(earlier);
      if (group) group.push(document);
      else groups.set(earlier, [earlier, document]);
    }
  }
  return [...groups.values()]
    .map((docs) => ({
      kind: docs[0]!.kind,
      bookingNumber: docs[0]!.bookingNumber!,
      numbers: docs.sort((a, b) => seriesOrder(a) - seriesOrder(b)).map((d) => d.number!),
    }))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.bookingNumber - b.bookingNumber);
}
