import type { DocumentKind, FocusState } from '../focus/state.js';

/** Documents of one series that carry the same booking number (R9). */
export interface BookingNumberCollision {
  kind: DocumentKind;
  bookingNumber: number;
  /** Document numbers, in number order. */
  numbers: string[];
}

/** Finds every booking number that two or more invoices (or credit notes) share. */
export function findCollisions(state: FocusState): BookingNumberCollision[] {
  const groups = new Map<string, { kind: DocumentKind; bookingNumber: number; docs: Array<{ number: string; order: number }> }>();
  for (const document of Object.values(state.documents)) {
    if (document.bookingNumber === null || document.number === null) continue;
    const key = `${document.kind}|${document.bookingNumber}`;
    const group = groups.get(key) ?? { kind: document.kind, bookingNumber: document.bookingNumber, docs: [] };
    group.docs.push({ number: document.number, order: (document.fiscalYear ?? 0) * 1e7 + (document.sequence ?? 0) });
    groups.set(key, group);
  }
  return [...groups.values()]
    .filter((g) => g.docs.length > 1)
    .map((g) => ({ kind: g.kind, bookingNumber: g.bookingNumber, numbers: g.docs.sort((a, b) => a.order - b.order).map((d) => d.number) }))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.bookingNumber - b.bookingNumber);
}
