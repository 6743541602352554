import type { InvariantCheck, Violation } from './types.js';

/** I3: each journal's next booking number is above every entry number in it (R8). */
export const nextNumberAboveBookings: InvariantCheck = ({ accounting }) => {
  const violations: Violation[] = [];
  const highestByJournal = new Map<string, number>();
  for (const b of accounting.bookings)
    highestByJournal.set(b.journal, Math.max(highestByJournal.get(b.journal) ?? -Infinity, b.entryNumber));
  for (const journal of accounting.journals) {
    const highest = highestByJournal.get(journal.code);
    if (highest === undefined) continue;
    if (journal.nextBookingNumber > highest) continue;
    violations.push({
      invariant: 'I3',
      message: `Journal ${journal.code}'s next booking number is ${journal.nextBookingNumber}, not above its highest booking ${highest}: a new booking may get a number that is in use.`,
      documents: [],
      bookings: [journal.nextBookingNumber, highest],
    });
  }
  return violations;
};
