import { describe, expect, it } from 'vitest';
import { emptyFocusState, type DocumentKind, type FocusDocument, type FocusState } from '../focus/state.js';
import { findCollisions } from './collisions.js';
import { syncMessages } from '../messages/sync-messages.js';

/** A booked document numbered `year/sequence` with a booking number (or a draft when `sequence` is null). */
function document(kind: DocumentKind, year: number, sequence: number | null, bookingNumber: number | null): FocusDocument {
  const id = `${kind}-${year}-${sequence ?? 'draft'}-${bookingNumber ?? 'none'}`;
  return {
    id,
    kind,
    status: sequence === null ? 'draft' : 'booked',
    number: sequence === null ? null : `${year}/${sequence}`,
    fiscalYear: sequence === null ? null : year,
    sequence,
    date: `${year}-02-01`,
    dueDate: `${year}-03-03`,
    companyId: 'company-1',
    lines: [],
    bookingNumber,
    link: null,
    paymentStatus: 'unpaid',
    paidCents: 0,
    creditedInvoiceId: null,
    editedAfterSync: false,
    sent: false,
  };
}

function state(...documents: FocusDocument[]): FocusState {
  const focus = emptyFocusState();
  for (const d of documents) focus.documents[d.id] = d;
  return focus;
}

describe('R9: booking numbers that two documents share', () => {
  it('R9: finds two invoices with the same booking number, in number order', () => {
    const found = findCollisions(
      state(document('invoice', 2026, 4, 1003), document('invoice', 2026, 3, 1003), document('invoice', 2026, 2, 1002)),
    );
    expect(found).toEqual([{ kind: 'invoice', bookingNumber: 1003, numbers: ['2026/3', '2026/4'] }]);
    expect(syncMessages.sameBookingNumber('invoice', found[0]!.numbers)).toBe(
      'The invoices 2026/3 and 2026/4 have the same booking number',
    );
  });

  it('R9: orders by number, not by text (2026/9 before 2026/10, 2025/12 before 2026/1)', () => {
    const found = findCollisions(
      state(
        document('invoice', 2026, 10, 1010),
        document('invoice', 2026, 9, 1010),
        document('invoice', 2026, 1, 1020),
        document('invoice', 2025, 12, 1020),
      ),
    );
    expect(found).toEqual([
      { kind: 'invoice', bookingNumber: 1010, numbers: ['2026/9', '2026/10'] },
      { kind: 'invoice', bookingNumber: 1020, numbers: ['2025/12', '2026/1'] },
    ]);
  });

  it('R9: three documents sharing one number are named together', () => {
    const found = findCollisions(
      state(document('invoice', 2026, 1, 1001), document('invoice', 2026, 2, 1001), document('invoice', 2026, 3, 1001)),
    );
    expect(found).toEqual([{ kind: 'invoice', bookingNumber: 1001, numbers: ['2026/1', '2026/2', '2026/3'] }]);
    expect(syncMessages.sameBookingNumber('invoice', found[0]!.numbers)).toBe(
      'The invoices 2026/1, 2026/2 and 2026/3 have the same booking number',
    );
  });

  it('R9: credit notes collide among themselves, with their own words, listed before invoices', () => {
    const found = findCollisions(
      state(
        document('invoice', 2026, 1, 8001),
        document('credit_note', 2026, 1, 8001),
        document('credit_note', 2026, 2, 8001),
        document('invoice', 2026, 2, 1002),
        document('invoice', 2026, 3, 1002),
      ),
    );
    expect(found).toEqual([
      { kind: 'credit_note', bookingNumber: 8001, numbers: ['2026/1', '2026/2'] },
      { kind: 'invoice', bookingNumber: 1002, numbers: ['2026/2', '2026/3'] },
    ]);
    expect(syncMessages.sameBookingNumber('credit_note', found[0]!.numbers)).toBe(
      'The credit notes 2026/1 and 2026/2 have the same booking number',
    );
  });

  it('R9: an invoice and a credit note with the same booking number do not collide', () => {
    expect(findCollisions(state(document('invoice', 2026, 1, 1001), document('credit_note', 2026, 1, 1001)))).toEqual([]);
  });

  it('R6: documents without a booking number, and drafts, never collide', () => {
    expect(
      findCollisions(
        state(
          document('invoice', 2026, 1, null),
          document('invoice', 2026, 2, null),
          document('invoice', 2026, null, 1001),
          document('invoice', 2026, 3, 1001),
        ),
      ),
    ).toEqual([]);
    expect(findCollisions(emptyFocusState())).toEqual([]);
  });
});
