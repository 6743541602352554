import type { InvariantCheck, Violation } from './types.js';

/** I3: each journal's next booking number is above every entry number in it (R8). */
export const nextNumberAboveBookings: InvariantCheck = ({ accounting }) => {
  const violations: Violation[] = [];
  for (const journal of accounting.journals) {
    const numbers = accounting.bookings.filter((b) => b.journal === journal.code).map((b) => b.entryNumber);
    if (numbers.length === 0) continue;
    const highest = Math.max(...numbers);
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
