import {
  emptyFocusState,
  type Booking,
  type FocusDocument,
  type FocusState,
  type JournalInfo,
  type Relation,
  type WorldView,
} from '../../core/index.js';

// Hand-built world views for the invariant checks: a clean one to start from, and builders to spoil it.

const DIVISION = 100001;

/** A booked document numbered `2026/<sequence>`, €100 + 21 % VAT on 700000, linked to booking `bookingNumber` when given. */
export function viewDocument(overrides: Partial<FocusDocument> & Pick<FocusDocument, 'id' | 'kind' | 'sequence' | 'date'>): FocusDocument {
  const fiscalYear = overrides.fiscalYear ?? Number(overrides.date.slice(0, 4));
  const bookingNumber = overrides.bookingNumber ?? null;
  return {
    status: 'booked',
    number: `${fiscalYear}/${overrides.sequence}`,
    fiscalYear,
    dueDate: '2026-03-31',
    companyId: 'company-1',
    lines: [
      {
        description: 'Consulting',
        quantity: 1,
        unitPriceCents: 10_000,
        vatRateBp: 2100,
        ledgerAccount: '700000',
        discountBp: 0,
        costCentre: null,
      },
    ],
    bookingNumber,
    link:
      bookingNumber === null
        ? null
        : { division: DIVISION, journal: overrides.kind === 'invoice' ? '70' : '71', entryId: `entry-${bookingNumber}` },
    paymentStatus: 'unpaid',
    paidCents: 0,
    creditedInvoiceId: null,
    editedAfterSync: false,
    sent: false,
    ...overrides,
  };
}

/** A booking of €100 + 21 % VAT (negative in journal 71), unpaid, with id `entry-<entryNumber>`. */
export function viewBooking(overrides: Partial<Booking> & Pick<Booking, 'journal' | 'entryNumber'>): Booking {
  const sign = overrides.journal === '71' ? -1 : 1;
  return {
    id: `entry-${overrides.entryNumber}`,
    division: DIVISION,
    entryDate: '2026-02-02',
    dueDate: '2026-03-04',
    financialYear: 2026,
    financialPeriod: 2,
    yourRef: null,
    description: null,
    customer: { id: 'account-1', code: '1', name: 'Brouwerij De Kroon' },
    type: sign === 1 ? 20 : 21,
    netCents: sign * 10_000,
    vatCents: sign * 2_100,
    totalCents: sign * 12_100,
    outstandingCents: sign * 12_100,
    payments: [],
    lines: [
      { lineNumber: 1, description: 'Consulting', glAccount: '700000', netCents: sign * 10_000, vatCode: '21', vatCents: sign * 2_100 },
    ],
    ...overrides,
  };
}

/** A journal of the demo administration with its next booking number. */
export function viewJournal(code: string, nextBookingNumber: number): JournalInfo {
  return {
    id: `journal-${code}`,
    division: DIVISION,
    code,
    description: code === '70' ? 'Sales invoices' : 'Sales credit notes',
    type: 20,
    firstBookingNumber: code === '70' ? 1001 : 8001,
    nextBookingNumber,
  };
}

/** A relation of the administration. */
export function viewRelation(code: string, name: string): Relation {
  return { id: `account-${code}`, code, name, vatNumber: null, country: null };
}

/** A Focus state connected from 2026-01-01 with journals 70/71 and one linked company. */
export function viewFocus(documents: FocusDocument[] = []): FocusState {
  const focus = emptyFocusState();
  focus.companies['company-1'] = {
    id: 'company-1',
    name: 'Brouwerij De Kroon',
    vatNumber: 'BE0412345678',
    country: 'BE',
    email: null,
    externalId: null,
    accountingId: 'account-1',
    accountingCode: '1',
    origin: 'import-1',
  };
  focus.integration = {
    active: true,
    settings: {
      tool: 'exact',
      division: DIVISION,
      startDate: '2026-01-01',
      invoiceJournal: '70',
      creditNoteJournal: '71',
      nightlySync: false,
      ledgerMap: {},
      vatMap: { '0': '0', '600': '6', '1200': '12', '2100': '21' },
      strategy: 'faithful',
    },
    tokens: null,
    lastNightlyRun: null,
  };
  for (const document of documents) focus.documents[document.id] = document;
  return focus;
}

/**
 * A consistent world: invoices 2026/1 and 2026/2 booked as 1001 and 1002, credit note 2026/1 as 8001, every
 * amount and payment status equal, next booking numbers above the bookings, one customer on each side.
 */
export function cleanView(): WorldView {
  const focus = viewFocus([
    viewDocument({ id: 'invoice-1', kind: 'invoice', sequence: 1, date: '2026-02-02', bookingNumber: 1001 }),
    viewDocument({ id: 'invoice-2', kind: 'invoice', sequence: 2, date: '2026-02-03', bookingNumber: 1002 }),
    viewDocument({ id: 'credit-note-1', kind: 'credit_note', sequence: 1, date: '2026-02-04', bookingNumber: 8001 }),
  ]);
  return {
    focus,
    accounting: {
      division: DIVISION,
      journals: [viewJournal('70', 1003), viewJournal('71', 8002)],
      bookings: [
        viewBooking({ journal: '70', entryNumber: 1001, yourRef: '2026/1' }),
        viewBooking({ journal: '70', entryNumber: 1002, yourRef: '2026/2', entryDate: '2026-02-03' }),
        viewBooking({ journal: '71', entryNumber: 8001, yourRef: '2026/1', entryDate: '2026-02-04' }),
      ],
      relations: [viewRelation('1', 'Brouwerij De Kroon')],
    },
  };
}
