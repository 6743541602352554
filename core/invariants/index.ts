import { linkedOnce } from './i1-linked-once.js';
import { bookingNumbersMatch } from './i2-booking-numbers.js';
import { nextNumberAboveBookings } from './i3-next-number.js';
import { noDuplicateCustomers } from './i4-no-duplicate-customers.js';
import { amountsMatch } from './i5-amounts-match.js';
import { paymentStatusMatches } from './i6-payment-status.js';
import { sequentialNumbers } from './i7-sequential-numbers.js';
import { noOrphanBookings } from './i8-no-orphan-bookings.js';
import type { InvariantCheck, InvariantId, Violation, WorldView } from './types.js';

/** The invariants of docs/rules.md ("what fixed means"), by id, with their one-line statement. */
export const INVARIANTS: ReadonlyArray<{ id: InvariantId; statement: string; check: InvariantCheck }> = [
  {
    id: 'I1',
    statement: 'Every booked document from the start date is linked to exactly one booking; none stands twice',
    check: linkedOnce,
  },
  { id: 'I2', statement: 'Booking numbers are unique per journal and equal the linked entry number', check: bookingNumbersMatch },
  { id: 'I3', statement: "Each journal's next booking number is above every entry number in it", check: nextNumberAboveBookings },
  { id: 'I4', statement: 'No duplicate customers on either side', check: noDuplicateCustomers },
  { id: 'I5', statement: "Each booking's amounts equal its document's", check: amountsMatch },
  { id: 'I6', statement: "Focus payment status equals the bookkeeping tool's", check: paymentStatusMatches },
  { id: 'I7', statement: 'Invoice and credit note numbers are sequential without gaps', check: sequentialNumbers },
  {
    id: 'I8',
    statement: 'Every booking from the start date stands for a booked document linked to it; no orphans',
    check: noOrphanBookings,
  },
];

/** Checks a world view against I1–I8; an empty list means consistent. */
export function evaluateInvariants(view: WorldView): Violation[] {
  // A view object of this evaluation's own: the checks share its sorted documents (bookedDocumentsOf).
  const scoped = { ...view };
  return INVARIANTS.flatMap(({ check }) => check(scoped));
}

export type { InvariantId, Violation, WorldView, AccountingView } from './types.js';
