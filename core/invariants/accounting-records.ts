// What the accounting package's screens show, as the invariants read it; the back office client fetches these.

/** A booking as the accounting package's screen shows it (amounts in cents). */
export interface Booking {
  id: string;
  division: number;
  journal: string;
  entryNumber: number;
  entryDate: string;
  dueDate: string | null;
  financialYear: number;
  financialPeriod: number;
  yourRef: string | null;
  description: string | null;
  customer: { id: string; code: string | null; name: string | null };
  type: number;
  netCents: number;
  vatCents: number;
  totalCents: number;
  outstandingCents: number;
  payments: Array<{ date: string; amountCents: number }>;
  lines: Array<{
    lineNumber: number;
    description: string | null;
    glAccount: string;
    netCents: number;
    vatCode: string | null;
    vatCents: number;
    costCenter?: string;
  }>;
}

/** A journal with its master-data next booking number (R8). */
export interface JournalInfo {
  id: string;
  division: number;
  code: string;
  description: string;
  type: number;
  firstBookingNumber: number;
  nextBookingNumber: number;
  /** Octopus: the journal's type by name ('Sales bookings', 'Invoices', …). */
  typeName?: string;
}

/** A relation of the administration, as the back office lists it. */
export interface Relation {
  id: string;
  code: string;
  name: string;
  vatNumber: string | null;
  country: string | null;
}
