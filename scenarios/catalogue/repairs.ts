import type { Scenario } from '../scenario.js';
import accidentalBookingLastInvoice from './accidental-booking-last-invoice.js';
import accidentalBookingNotLast from './accidental-booking-not-last.js';
import invoiceShownTwice from './invoice-shown-twice.js';
import lostAnswerDoubleBooking from './lost-answer-double-booking.js';
import sameBookingNumberCreditNote from './same-booking-number-credit-note.js';
import sameBookingNumber from './same-booking-number.js';

/** The repair scenarios of articles 000, 001 and 002, and the lost answer. */
export const REPAIRS: readonly Scenario[] = [
  accidentalBookingLastInvoice,
  accidentalBookingNotLast,
  invoiceShownTwice,
  sameBookingNumber,
  sameBookingNumberCreditNote,
  lostAnswerDoubleBooking,
];
