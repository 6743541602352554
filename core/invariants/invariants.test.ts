import { describe, expect, it } from 'vitest';
import { cleanView, viewBooking, viewDocument, viewRelation } from '../../test/support/views.js';
import { evaluateInvariants, INVARIANTS } from './index.js';
import { euros } from '../words.js';

describe('evaluateInvariants on hand-built world views', () => {
  it('I1–I8: a consistent world gives no violation', () => {
    expect(evaluateInvariants(cleanView())).toEqual([]);
  });

  it('I1–I8: the checks run in the order of docs/rules.md', () => {
    expect(INVARIANTS.map((i) => i.id)).toEqual(['I1', 'I2', 'I3', 'I4', 'I5', 'I6', 'I7', 'I8']);
  });

  it('I1–I8: a Focus without an integration and an empty administration is consistent', () => {
    const view = cleanView();
    view.focus.integration = null;
    for (const document of Object.values(view.focus.documents)) Object.assign(document, { link: null, bookingNumber: null });
    view.accounting.bookings = [];
    expect(evaluateInvariants(view)).toEqual([]);
  });
});

describe('I1: every booked document from the start date is linked to exactly one booking', () => {
  it('I1: a booked document on or after the start date without a link is not synced', () => {
    const view = cleanView();
    Object.assign(view.focus.documents['invoice-2']!, { link: null, bookingNumber: null });
    view.accounting.bookings = view.accounting.bookings.filter((b) => b.entryNumber !== 1002);
    expect(evaluateInvariants(view)).toEqual([
      {
        invariant: 'I1',
        message: 'Invoice 2026/2 (2026-02-03) is not synced: it has no link to a booking in journal 70.',
        documents: ['2026/2'],
        bookings: [],
      },
    ]);
  });

  it('I1: a document dated before the start date need not be synced', () => {
    const view = cleanView();
    view.focus.documents['invoice-2025'] = viewDocument({ id: 'invoice-2025', kind: 'invoice', sequence: 1, date: '2025-12-31' });
    expect(evaluateInvariants(view)).toEqual([]);
  });

  it('I1: a document that stands twice in its journal (R10)', () => {
    const view = cleanView();
    view.accounting.bookings.push(viewBooking({ journal: '70', entryNumber: 1003, yourRef: '2026/1' }));
    view.accounting.journals[0]!.nextBookingNumber = 1004;
    expect(evaluateInvariants(view).filter((v) => v.invariant === 'I1')).toEqual([
      {
        invariant: 'I1',
        message: 'Invoice 2026/1 stands 2 times in journal 70: bookings 1001 and 1003.',
        documents: ['2026/1'],
        bookings: [1001, 1003],
      },
    ]);
  });

  it('I1: a document linked to a booking that was deleted in the bookkeeping tool (R9)', () => {
    const view = cleanView();
    view.accounting.bookings = view.accounting.bookings.filter((b) => b.entryNumber !== 1002);
    expect(evaluateInvariants(view)).toEqual([
      {
        invariant: 'I1',
        message: 'Invoice 2026/2 is linked to booking 1002 in journal 70, but that booking no longer exists in the bookkeeping tool.',
        documents: ['2026/2'],
        bookings: [1002],
      },
    ]);
  });
});

describe('I1: linked in the journal the integration books its kind in', () => {
  it('I1: an invoice linked to a booking in another journal than the invoice journal (R5: journals swapped when reconnecting)', () => {
    const view = cleanView();
    Object.assign(view.focus.integration!.settings, { invoiceJournal: '71', creditNoteJournal: '70' });
    expect(
      evaluateInvariants(view)
        .filter((v) => v.invariant === 'I1')
        .map((v) => v.message),
    ).toEqual([
      'Credit note 2026/1 is linked to booking 8001 in journal 71, but the integration books credit notes in journal 70: they now stand in two journals.',
      'Invoice 2026/1 is linked to booking 1001 in journal 70, but the integration books invoices in journal 71: they now stand in two journals.',
      'Invoice 2026/2 is linked to booking 1002 in journal 70, but the integration books invoices in journal 71: they now stand in two journals.',
    ]);
  });

  it('I1: a document standing three times is named with its three bookings', () => {
    const view = cleanView();
    view.accounting.bookings.push(
      viewBooking({ journal: '70', entryNumber: 1003, yourRef: '2026/1' }),
      viewBooking({ journal: '70', entryNumber: 1004, yourRef: '2026/1' }),
    );
    view.accounting.journals[0]!.nextBookingNumber = 1005;
    expect(
      evaluateInvariants(view)
        .filter((v) => v.invariant === 'I1')
        .map((v) => v.message),
    ).toEqual(['Invoice 2026/1 stands 3 times in journal 70: bookings 1001, 1003 and 1004.']);
  });
});

describe('I2: booking numbers are unique per journal and equal the linked entry number', () => {
  it('I2: two invoices carrying the same booking number (R9)', () => {
    const view = cleanView();
    view.focus.documents['invoice-3'] = viewDocument({
      id: 'invoice-3',
      kind: 'invoice',
      sequence: 3,
      date: '2026-02-05',
      bookingNumber: 1002,
      link: { division: 100001, journal: '70', entryId: 'entry-1002' },
    });
    view.accounting.bookings[1]!.yourRef = '2026/3';
    expect(evaluateInvariants(view).filter((v) => v.invariant === 'I2')).toEqual([
      {
        invariant: 'I2',
        message: '2026/2 and 2026/3 carry the same booking number 1002 (journal 70).',
        documents: ['2026/2', '2026/3'],
        bookings: [1002],
      },
    ]);
  });

  it('I2: a booking number that differs from the linked booking', () => {
    const view = cleanView();
    view.focus.documents['invoice-2']!.bookingNumber = 1005;
    expect(evaluateInvariants(view)).toEqual([
      {
        invariant: 'I2',
        message: 'Invoice 2026/2 carries booking number 1005, but its booking in journal 70 has number 1002.',
        documents: ['2026/2'],
        bookings: [1005, 1002],
      },
    ]);
  });
});

describe("I3: each journal's next booking number is above every entry number in it", () => {
  it('I3: a next booking number set back onto a number in use (R8)', () => {
    const view = cleanView();
    view.accounting.journals[0]!.nextBookingNumber = 1002;
    expect(evaluateInvariants(view)).toEqual([
      {
        invariant: 'I3',
        message:
          "Journal 70's next booking number is 1002, not above its highest booking 1002: a new booking may get a number that is in use.",
        documents: [],
        bookings: [1002, 1002],
      },
    ]);
  });

  it('I3: an empty journal may have any next booking number', () => {
    const view = cleanView();
    view.accounting.journals.push({ ...view.accounting.journals[0]!, id: 'journal-72', code: '72', nextBookingNumber: 1 });
    expect(evaluateInvariants(view)).toEqual([]);
  });
});

describe('I4: no duplicate customers on either side', () => {
  it('I4: two Focus companies with the same name, ignoring case and spacing (R13)', () => {
    const view = cleanView();
    view.focus.companies['company-2'] = { ...view.focus.companies['company-1']!, id: 'company-2', name: ' brouwerij  de KROON' };
    expect(evaluateInvariants(view)).toEqual([
      { invariant: 'I4', message: "Focus has 2 companies named 'Brouwerij De Kroon' (company-1, company-2).", documents: [], bookings: [] },
    ]);
  });

  it('I4: two relations with the same name in the bookkeeping tool (R12)', () => {
    const view = cleanView();
    view.accounting.relations.push(viewRelation('2', 'Van Dijk Installaties'), viewRelation('5', 'Brouwerij De Kroon'));
    expect(evaluateInvariants(view)).toEqual([
      {
        invariant: 'I4',
        message: "The bookkeeping tool has 2 relations named 'Brouwerij De Kroon' (codes 1, 5).",
        documents: [],
        bookings: [],
      },
    ]);
  });
});

describe("I5: each booking's amounts equal its document's", () => {
  it('I5: an invoice edited in Focus after the sync (R11)', () => {
    const view = cleanView();
    view.focus.documents['invoice-1']!.lines[0]!.unitPriceCents = 20_000;
    expect(evaluateInvariants(view)).toEqual([
      {
        invariant: 'I5',
        message:
          'Invoice 2026/1 totals €242.00 (net €200.00, VAT €42.00) in Focus, but booking 1001 in journal 70 totals €121.00 (net €100.00, VAT €21.00).',
        documents: ['2026/1'],
        bookings: [1001],
      },
    ]);
  });

  it('I5: a credit note compares with the negative amounts of its booking', () => {
    const view = cleanView();
    view.focus.documents['credit-note-1']!.lines[0]!.quantity = 2;
    expect(evaluateInvariants(view)).toEqual([
      {
        invariant: 'I5',
        message:
          'Credit note 2026/1 totals -€242.00 (net -€200.00, VAT -€42.00) in Focus, but booking 8001 in journal 71 totals -€121.00 (net -€100.00, VAT -€21.00).',
        documents: ['2026/1'],
        bookings: [8001],
      },
    ]);
  });

  it('I5: the same total split over other lines', () => {
    const view = cleanView();
    const [line] = view.focus.documents['credit-note-1']!.lines;
    view.focus.documents['credit-note-1']!.lines = [
      { ...line!, unitPriceCents: 5_000 },
      { ...line!, unitPriceCents: 5_000 },
    ];
    expect(evaluateInvariants(view)).toEqual([
      {
        invariant: 'I5',
        message: "Credit note 2026/1 has the same total as booking 8001 in journal 71, but its 2 lines differ from the booking's 1.",
        documents: ['2026/1'],
        bookings: [8001],
      },
    ]);
  });
});

describe("I6: Focus payment status equals the bookkeeping tool's", () => {
  it('I6: paid in the bookkeeping tool, unpaid in Focus (R14)', () => {
    const view = cleanView();
    view.accounting.bookings[0]!.outstandingCents = 0;
    expect(evaluateInvariants(view)).toEqual([
      {
        invariant: 'I6',
        message: 'Invoice 2026/1 is paid in the bookkeeping tool (booking 1001), but Focus shows it unpaid.',
        documents: ['2026/1'],
        bookings: [1001],
      },
    ]);
  });

  it('I6: partly paid in the bookkeeping tool, paid in Focus', () => {
    const view = cleanView();
    view.accounting.bookings[1]!.outstandingCents = 7_100;
    Object.assign(view.focus.documents['invoice-2']!, { paymentStatus: 'paid', paidCents: 12_100 });
    expect(evaluateInvariants(view)).toEqual([
      {
        invariant: 'I6',
        message: 'Invoice 2026/2 is partly paid in the bookkeeping tool (booking 1002), but Focus shows it paid.',
        documents: ['2026/2'],
        bookings: [1002],
      },
    ]);
  });

  it('I6: documents before the start date are checked too, so a later start date shows its damage', () => {
    const view = cleanView();
    view.focus.integration!.settings.startDate = '2026-02-03';
    view.accounting.bookings[0]!.outstandingCents = 0;
    expect(evaluateInvariants(view).map((v) => v.message)).toEqual([
      'Invoice 2026/1 is paid in the bookkeeping tool (booking 1001), but Focus shows it unpaid.',
    ]);
  });
});

describe('I7: invoice and credit note numbers are sequential without gaps', () => {
  it('I7: a gap in the invoice series (R2)', () => {
    const view = cleanView();
    view.focus.documents['invoice-2025-1'] = viewDocument({ id: 'invoice-2025-1', kind: 'invoice', sequence: 1, date: '2025-12-01' });
    view.focus.documents['invoice-2025-3'] = viewDocument({ id: 'invoice-2025-3', kind: 'invoice', sequence: 3, date: '2025-12-03' });
    expect(evaluateInvariants(view)).toEqual([
      { invariant: 'I7', message: 'Invoice numbers of 2025 are not sequential: 2025/2 missing.', documents: ['2025/2'], bookings: [] },
    ]);
  });

  it('I7: a number used twice is reported without inventing a missing one', () => {
    const view = cleanView();
    view.focus.documents['invoice-2025-1'] = viewDocument({ id: 'invoice-2025-1', kind: 'invoice', sequence: 1, date: '2025-12-01' });
    view.focus.documents['invoice-2025-1b'] = viewDocument({ id: 'invoice-2025-1b', kind: 'invoice', sequence: 1, date: '2025-12-01' });
    view.focus.documents['invoice-2025-2'] = viewDocument({ id: 'invoice-2025-2', kind: 'invoice', sequence: 2, date: '2025-12-02' });
    expect(evaluateInvariants(view)).toEqual([
      { invariant: 'I7', message: 'Invoice numbers of 2025 are not sequential: 2025/1 used twice.', documents: ['2025/1'], bookings: [] },
    ]);
  });

  it('I7: a credit note series that does not start at its start number', () => {
    const view = cleanView();
    view.focus.startNumbers['2025:credit_note'] = 501;
    view.focus.documents['credit-note-2025'] = viewDocument({
      id: 'credit-note-2025',
      kind: 'credit_note',
      sequence: 502,
      date: '2025-12-01',
    });
    expect(evaluateInvariants(view)).toEqual([
      {
        invariant: 'I7',
        message: 'Credit note numbers of 2025 are not sequential: 2025/501 missing.',
        documents: ['2025/501'],
        bookings: [],
      },
    ]);
  });

  it('I7: drafts do not count, and a series from its start number is sequential', () => {
    const view = cleanView();
    view.focus.startNumbers['2025:invoice'] = 1001;
    view.focus.documents['invoice-2025-1'] = viewDocument({ id: 'invoice-2025-1', kind: 'invoice', sequence: 1001, date: '2025-12-01' });
    view.focus.documents['invoice-2025-2'] = viewDocument({ id: 'invoice-2025-2', kind: 'invoice', sequence: 1002, date: '2025-12-02' });
    view.focus.documents['draft'] = viewDocument({
      id: 'draft',
      kind: 'invoice',
      sequence: null,
      date: '2025-12-03',
      status: 'draft',
      number: null,
      fiscalYear: null,
    });
    expect(evaluateInvariants(view)).toEqual([]);
  });
});

describe('I8: every booking from the start date stands for a booked document linked to it', () => {
  it('I8: the booking of an invoice deleted in Focus is an orphan', () => {
    const view = cleanView();
    delete view.focus.documents['invoice-2'];
    expect(evaluateInvariants(view)).toEqual([
      {
        invariant: 'I8',
        message:
          'Booking 1002 in journal 70 (2026/2, 2026-02-03) is an orphan: Focus has no booked document 2026/2 (deleted, or never booked there).',
        documents: [],
        bookings: [1002],
      },
    ]);
  });

  it('I8: the booking of a delinked credit note that was not synced again is an orphan (R12)', () => {
    const view = cleanView();
    view.focus.integration!.active = false;
    Object.assign(view.focus.documents['credit-note-1']!, { link: null, bookingNumber: null });
    expect(evaluateInvariants(view).filter((v) => v.invariant === 'I8')).toEqual([
      {
        invariant: 'I8',
        message: 'Booking 8001 in journal 71 (2026/1, 2026-02-04) is an orphan: Credit note 2026/1 has no link to it.',
        documents: ['2026/1'],
        bookings: [8001],
      },
    ]);
  });

  it('I8: a second booking of an invoice beside the linked one is an orphan, and so is a booking without reference (R10)', () => {
    const view = cleanView();
    view.accounting.bookings.push(
      viewBooking({ journal: '70', entryNumber: 1003, yourRef: '2026/1' }),
      viewBooking({ journal: '70', entryNumber: 1004 }),
    );
    view.accounting.journals[0]!.nextBookingNumber = 1005;
    expect(
      evaluateInvariants(view)
        .filter((v) => v.invariant === 'I8')
        .map((v) => v.message),
    ).toEqual([
      'Booking 1003 in journal 70 (2026/1, 2026-02-02) is an orphan: Invoice 2026/1 is linked to booking 1001 instead.',
      'Booking 1004 in journal 70 (no reference, 2026-02-02) is an orphan: it names no Focus document.',
    ]);
  });

  it("I8: bookings before the start date, in other journals, or without an integration are not the integration's", () => {
    const view = cleanView();
    view.accounting.bookings.push(
      viewBooking({ journal: '70', entryNumber: 1003, yourRef: '2025/9', entryDate: '2025-12-31' }),
      viewBooking({ journal: '72', entryNumber: 1, yourRef: '2026/1' }),
    );
    view.accounting.journals[0]!.nextBookingNumber = 1004;
    expect(evaluateInvariants(view)).toEqual([]);
    view.focus.integration = null;
    view.accounting.bookings.push(viewBooking({ journal: '70', entryNumber: 1005, yourRef: '2026/9' }));
    view.accounting.journals[0]!.nextBookingNumber = 1006;
    expect(evaluateInvariants(view).filter((v) => v.invariant === 'I8')).toEqual([]);
  });

  it('I8: a booking dated on the start date counts, and one journal may hold both kinds', () => {
    const view = cleanView();
    view.focus.integration!.settings.creditNoteJournal = '70';
    view.accounting.bookings.push(viewBooking({ journal: '70', entryNumber: 1003, yourRef: '2026/2', entryDate: '2026-01-01' }));
    view.accounting.journals[0]!.nextBookingNumber = 1004;
    expect(evaluateInvariants(view).filter((v) => v.invariant === 'I8')).toEqual([
      {
        invariant: 'I8',
        message: 'Booking 1003 in journal 70 (2026/2, 2026-01-01) is an orphan: Invoice 2026/2 is linked to booking 1002 instead.',
        documents: ['2026/2'],
        bookings: [1003],
      },
    ]);
  });
});

describe('I5: amounts in words', () => {
  it('I5: euros formats cents with thousands and a sign', () => {
    expect([euros(0), euros(5), euros(123_456), euros(-5_000), euros(100_000_000)]).toEqual([
      '€0.00',
      '€0.05',
      '€1,234.56',
      '-€50.00',
      '€1,000,000.00',
    ]);
  });
});
