import type { Scenario } from '../scenario.js';
import sameBookingNumber from './same-booking-number.js';

/** The repair scenarios of articles 000, 001 and 002, and the lost answer. */
export const REPAIRS: readonly Scenario[] = [sameBookingNumber];
