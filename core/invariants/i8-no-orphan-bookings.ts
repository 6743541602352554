import type { DocumentKind, FocusDocument } from '../focus/state.js';
import type { InvariantCheck, Violation } from './types.js';
import { bookedDocumentsOf, documentName } from './words.js';

/**
 * I8: no orphan bookings. Every booking of the integration's journals dated on or after the start date stands
 * for a booked Focus document linked to it; a booking whose document was deleted in Focus, or delinked and
 * never synced again (R12), or that a second post left beside the linked one (R10), is an orphan.
 */
export const noOrphanBookings: InvariantCheck = (view) => {
  const { focus, accounting } = view;
  const settings = focus.integration?.settings;
  if (!settings) return [];
  const booked = bookedDocumentsOf(view);
  const linkedIds = new Set(booked.flatMap((d) => (d.link ? [d.link.entryId] : [])));
  const kindsOf = (journal: string): DocumentKind[] => [
    ...(journal === settings.invoiceJournal ? (['invoice'] as const) : []),
    ...(journal === settings.creditNoteJournal ? (['credit_note'] as const) : []),
  ];
  const violations: Violation[] = [];
  for (const booking of accounting.bookings) {
    const kinds = kindsOf(booking.journal);
    if (kinds.length === 0 || booking.entryDate < settings.startDate || linkedIds.has(booking.id)) continue;
    const named = booking.yourRef === null ? undefined : booked.find((d) => kinds.includes(d.kind) && d.number === booking.yourRef);
    const reference = booking.yourRef === null ? 'no reference' : booking.yourRef;
    violations.push({
      invariant: 'I8',
      message: `Booking ${booking.entryNumber} in journal ${booking.journal} (${reference}, ${booking.entryDate}) is an orphan: ${why(named, booking.yourRef)}.`,
      documents: named ? [named.number!] : [],
      bookings: [booking.entryNumber],
    });
  }
  return violations;
};

/** Why no booked document is linked to the booking, in the words of the document its reference names. */
function why(named: FocusDocument | undefined, yourRef: string | null): string {
  if (!named)
    return yourRef === null ? 'it names no Focus document' : `Focus has no booked document ${yourRef} (deleted, or never booked there)`;
  if (named.link === null) return `${documentName(named)} has no link to it`;
  return `${documentName(named)} is linked to booking ${named.bookingNumber ?? '?'} instead`;
}
