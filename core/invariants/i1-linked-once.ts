import { kindWord } from '../messages/document-kinds.js';
import { joinWords } from '../words.js';
import { bookingIndex } from './booking-index.js';
import type { InvariantCheck, Violation } from './types.js';
import { bookedDocumentsOf, documentName, journalFor } from './words.js';

/**
 * I1: every booked document dated on or after the start date is linked to exactly one booking, in the journal the
 * integration books its kind in (R5), and no booking of the integration's journals stands for a document twice
 * (R10: shown twice).
 */
export const linkedOnce: InvariantCheck = (view) => {
  const { focus, accounting } = view;
  const settings = focus.integration?.settings;
  if (!settings) return [];
  const violations: Violation[] = [];
  for (const document of bookedDocumentsOf(view)) {
    if (document.date < settings.startDate) continue;
    const journal = journalFor(focus, document)!;
    const name = documentName(document);
    const { byId, byRef } = bookingIndex(accounting);
    const linked = document.link ? byId.get(document.link.entryId) : undefined;
    const byReference = byRef.get(`${journal}|${document.number}`) ?? [];
    const standing = [...byReference, ...(linked && linked.journal === journal && !byReference.includes(linked) ? [linked] : [])];
    if (standing.length > 1) {
      const numbers = standing.map((b) => b.entryNumber).sort((a, b) => a - b);
      violations.push({
        invariant: 'I1',
        message: `${name} stands ${standing.length} times in journal ${journal}: bookings ${joinWords(numbers.map(String))}.`,
        documents: [document.number!],
        bookings: numbers,
      });
    }
    if (!document.link) {
      violations.push({
        invariant: 'I1',
        message: `${name} (${document.date}) is not synced: it has no link to a booking in journal ${journal}.`,
        documents: [document.number!],
        bookings: [],
      });
    } else if (!linked) {
      violations.push({
        invariant: 'I1',
        message: `${name} is linked to booking ${document.bookingNumber ?? '?'} in journal ${document.link.journal}, but that booking no longer exists in the bookkeeping tool.`,
        documents: [document.number!],
        bookings: document.bookingNumber === null ? [] : [document.bookingNumber],
      });
    } else if (linked.journal !== journal) {
      violations.push({
        invariant: 'I1',
        message: `${name} is linked to booking ${linked.entryNumber} in journal ${linked.journal}, but the integration books ${kindWord(document.kind)}s in journal ${journal}: they now stand in two journals.`,
        documents: [document.number!],
        bookings: [linked.entryNumber],
      });
    }
  }
  return violations;
};
