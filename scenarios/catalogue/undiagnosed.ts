import type { Scenario } from '../scenario.js';
import invoiceShownTwiceTypedWithoutReference from './invoice-shown-twice-typed-without-reference.js';

/**
 * Repair scenarios whose case `booklab doctor` does not name yet, so they stay out of REPAIRS (whose every scenario
 * test/doctor-repairs.test.ts holds to a diagnosis): the doctor finds a document shown twice by the reference its
 * bookings carry, and a booking typed in without one names no document.
 */
export const UNDIAGNOSED: readonly Scenario[] = [invoiceShownTwiceTypedWithoutReference];
