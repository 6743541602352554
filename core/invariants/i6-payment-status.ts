import type { FocusDocument } from '../focus/state.js';
import { bookingIndex } from './booking-index.js';
import type { InvariantCheck, Violation } from './types.js';
import { bookedDocumentsOf, documentName } from './words.js';

const WORDS: Record<FocusDocument['paymentStatus'], string> = { paid: 'paid', partially_paid: 'partly paid', unpaid: 'unpaid' };

/**
 * I6: Focus's payment status equals the bookkeeping tool's for every linked document. "Dated on or after the
 * start date" is read as the start date the integration first synced from, i.e. every linked document: a
 * later start date (R14) must show up as the damage it does, not hide it.
 */
export const paymentStatusMatches: InvariantCheck = (view) => {
  const { accounting } = view;
  const violations: Violation[] = [];
  for (const document of bookedDocumentsOf(view)) {
    const booking = document.link && bookingIndex(accounting).byId.get(document.link.entryId);
    if (!booking) continue;
    const exact: FocusDocument['paymentStatus'] =
      booking.outstandingCents === 0 ? 'paid' : booking.outstandingCents === booking.totalCents ? 'unpaid' : 'partially_paid';
    if (exact === document.paymentStatus) continue;
    violations.push({
      invariant: 'I6',
      message: `${documentName(document)} is ${WORDS[exact]} in the bookkeeping tool (booking ${booking.entryNumber}), but Focus shows it ${WORDS[document.paymentStatus]}.`,
      documents: [document.number!],
      bookings: [booking.entryNumber],
    });
  }
  return violations;
};
