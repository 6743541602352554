import { lineNetCents, lineVatCents, bookSign } from '../focus/totals.js';
import { bookingIndex } from './booking-index.js';
import type { InvariantCheck, Violation } from './types.js';
import { euros, plural } from '../words.js';
import { bookedAmounts, bookedDocumentsOf, documentName } from './words.js';

/** I5: each booking's amounts (net, VAT, total, per line) equal its document's (R11: edits are not pushed). */
export const amountsMatch: InvariantCheck = (view) => {
  const { accounting } = view;
  const violations: Violation[] = [];
  for (const document of bookedDocumentsOf(view)) {
    const booking = document.link && bookingIndex(accounting).byId.get(document.link.entryId);
    if (!booking) continue;
    const focusAmounts = bookedAmounts(document);
    const name = documentName(document);
    const where = `booking ${booking.entryNumber} in journal ${booking.journal}`;
    if (
      focusAmounts.totalCents !== booking.totalCents ||
      focusAmounts.vatCents !== booking.vatCents ||
      focusAmounts.netCents !== booking.netCents
    ) {
      violations.push({
        invariant: 'I5',
        message:
          `${name} totals ${euros(focusAmounts.totalCents)} (net ${euros(focusAmounts.netCents)}, VAT ${euros(focusAmounts.vatCents)}) in Focus, ` +
          `but ${where} totals ${euros(booking.totalCents)} (net ${euros(booking.netCents)}, VAT ${euros(booking.vatCents)}).`,
        documents: [document.number!],
        bookings: [booking.entryNumber],
      });
      continue;
    }
    const sign = bookSign(document);
    const lines = [...booking.lines].sort((a, b) => a.lineNumber - b.lineNumber);
    const differs =
      lines.length !== document.lines.length ||
      document.lines.some(
        (line, i) => sign * lineNetCents(line) !== lines[i]!.netCents || sign * lineVatCents(line) !== lines[i]!.vatCents,
      );
    if (differs) {
      violations.push({
        invariant: 'I5',
        message: `${name} has the same total as ${where}, but its ${plural(document.lines.length, 'line differs', 'lines differ')} from the booking's ${lines.length}.`,
        documents: [document.number!],
        bookings: [booking.entryNumber],
      });
    }
  }
  return violations;
};
