import type { Scenario } from '../scenario.js';
import sameBookingNumber from './same-booking-number.js';

/** Every scenario of the catalogue, in the order they are listed. Ids are part of the interface. */
export const CATALOGUE: readonly Scenario[] = [sameBookingNumber];
