import { bookingIndex } from './booking-index.js';
import type { InvariantCheck, Violation } from './types.js';
import { bookedDocumentsOf, documentName, journalFor } from './words.js';

/** I2: booking numbers are unique per journal in Focus and equal the entry number of the linked booking (R9). */
export const bookingNumbersMatch: InvariantCheck = (view) => {
  const { focus, accounting } = view;
  if (!focus.integration) return [];
  const violations: Violation[] = [];
  const byNumber = new Map<string, string[]>();
  for (const document of bookedDocumentsOf(view)) {
    if (document.bookingNumber === null) continue;
    const journal = document.link?.journal ?? journalFor(focus, document)!;
    const key = `${journal}|${document.bookingNumber}`;
    byNumber.set(key, [...(byNumber.get(key) ?? []), document.number!]);
    if (!document.link) continue;
    const booking = bookingIndex(accounting).byId.get(document.link.entryId);
    if (booking && booking.entryNumber !== document.bookingNumber) {
      violations.push({
        invariant: 'I2',
        message: `${documentName(document)} carries booking number ${document.bookingNumber}, but its booking in journal ${journal} has number ${booking.entryNumber}.`,
        documents: [document.number!],
        bookings: [document.bookingNumber, booking.entryNumber],
      });
    }
  }
  for (const [key, numbers] of byNumber) {
    if (numbers.length < 2) continue;
    const [journal, bookingNumber] = key.split('|') as [string, string];
    violations.push({
      invariant: 'I2',
      message: `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)} carry the same booking number ${bookingNumber} (journal ${journal}).`,
      documents: numbers,
      bookings: [Number(bookingNumber)],
    });
  }
  return violations;
};
