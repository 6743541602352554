import type { Booking } from './accounting-records.js';
import type { AccountingView } from './types.js';

/** The bookings of a view by id and by journal and reference, built once per view so each check stays linear. */
export interface BookingIndex {
  byId: Map<string, Booking>;
  /** `journal|yourRef` → the bookings that carry that reference. */
  byRef: Map<string, Booking[]>;
}

const cache = new WeakMap<AccountingView, BookingIndex>();

/** The index of a view's bookings (cached for the view object). */
export function bookingIndex(accounting: AccountingView): BookingIndex {
  let index = cache.get(accounting);
  if (!index) {
    index = { byId: new Map(), byRef: new Map() };
    for (const booking of accounting.bookings) {
      index.byId.set(booking.id, booking);
      if (booking.yourRef === null) continue;
      const key = `${booking.journal}|${booking.yourRef}`;
      index.byRef.set(key, [...(index.byRef.get(key) ?? []), booking]);
    }
    cache.set(accounting, index);
  }
  return index;
}
