import type { Scenario } from '../scenario.js';
import accidentalBookingCreditNote from './accidental-booking-credit-note.js';
import accidentalBookingDraftBookedLater from './accidental-booking-draft-booked-later.js';
import accidentalBookingLastInvoice from './accidental-booking-last-invoice.js';
import accidentalBookingLaterCreditNotes from './accidental-booking-later-credit-notes.js';
import accidentalBookingNotLastCredit from './accidental-booking-not-last-credit.js';
import accidentalBookingNotLast from './accidental-booking-not-last.js';
import accidentalBookingUnsyncedCreditNote from './accidental-booking-unsynced-credit-note.js';
import accidentalBookingTwoInvoices from './accidental-booking-two-invoices.js';
import invoiceShownTwiceCreditNote from './invoice-shown-twice-credit-note.js';
import invoiceShownTwiceLaterDocuments from './invoice-shown-twice-later-documents.js';
import invoiceShownTwiceOwnDescription from './invoice-shown-twice-own-description.js';
import invoiceShownTwice from './invoice-shown-twice.js';
import invoiceShownTwiceTypedWithoutReference from './invoice-shown-twice-typed-without-reference.js';
import lostAnswerDoubleBooking from './lost-answer-double-booking.js';
import reconnectStartDateCreditNoteFirst from './reconnect-start-date-credit-note-first.js';
import reconnectStartDateFirstSynced from './reconnect-start-date-first-synced.js';
import sameBookingNumberBackdated from './same-booking-number-backdated.js';
import sameBookingNumberCreditNoteEarlierDate from './same-booking-number-credit-note-earlier-date.js';
import sameBookingNumberCreditNote from './same-booking-number-credit-note.js';
import sameBookingNumberEarlierDateComplete from './same-booking-number-earlier-date-complete.js';
import sameBookingNumberEarlierDate from './same-booking-number-earlier-date.js';
import sameBookingNumberNewYear from './same-booking-number-new-year.js';
import sameBookingNumberTwoDeleted from './same-booking-number-two-deleted.js';
import sameBookingNumberLaterCreditNotes from './same-booking-number-later-credit-notes.js';
import sameBookingNumberThreeInvoices from './same-booking-number-three-invoices.js';
import sameBookingNumber from './same-booking-number.js';

/** The repair scenarios of articles 000, 001 and 002, their variants, and the lost answer. */
export const REPAIRS: readonly Scenario[] = [
  accidentalBookingLastInvoice,
  accidentalBookingNotLast,
  invoiceShownTwice,
  invoiceShownTwiceTypedWithoutReference,
  sameBookingNumber,
  sameBookingNumberCreditNote,
  accidentalBookingCreditNote,
  accidentalBookingLaterCreditNotes,
  accidentalBookingNotLastCredit,
  reconnectStartDateFirstSynced,
  invoiceShownTwiceCreditNote,
  invoiceShownTwiceLaterDocuments,
  sameBookingNumberLaterCreditNotes,
  sameBookingNumberEarlierDate,
  sameBookingNumberEarlierDateComplete,
  lostAnswerDoubleBooking,
  sameBookingNumberNewYear,
  sameBookingNumberTwoDeleted,
  sameBookingNumberThreeInvoices,
  accidentalBookingTwoInvoices,
  reconnectStartDateCreditNoteFirst,
  sameBookingNumberBackdated,
  accidentalBookingUnsyncedCreditNote,
  invoiceShownTwiceOwnDescription,
  sameBookingNumberCreditNoteEarlierDate,
  accidentalBookingDraftBookedLater,
];
