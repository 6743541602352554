import { addDays, isIsoDay, plainCopy, type Clock } from '../../primitives/index.js';
import { ring, unreadOf } from './bell.js';
import { editWarnings } from './edit-warnings.js';
import { FocusExport } from './focus-export.js';
import { FocusIntegration } from './focus-integration.js';
import { completeLine, type LineInput } from './lines.js';
import { formatNumber, SeriesIndex } from './numbering.js';
import { newCompany, newContact, type CompanyInput, type ContactInput } from './parties.js';
import { done, problems, refuse, type FocusResult } from './problems.js';
import {
  emptyFocusState,
  FocusStateSchema,
  type Company,
  type Contact,
  type DocumentKind,
  type FocusDocument,
  type FocusState,
  type FocusUser,
  type Notification,
} from './state.js';

export type { LineInput } from './lines.js';
export type { CompanyInput, ContactInput } from './parties.js';

/** A new invoice or credit note. */
export interface DraftInput {
  kind?: DocumentKind;
  companyId: string;
  /** Invoice date; today on the clock when absent. */
  date?: string;
  /** Due date; 30 days after the date when absent. */
  dueDate?: string;
  lines: LineInput[];
}

/**
 * The Focus invoicing app: companies, invoices and credit notes with their numbering and deletion rules
 * (R1–R3), and the bell (R15, R16). The integration reads it from `core/integration` and records its outcomes through
 * {@link Focus.integration}: nothing outside core/focus writes into the state.
 */
export class Focus {
  private current: FocusState;
  private readonly series = new SeriesIndex(() => this.current);
  /** What the bookkeeping integration records here (links, booking numbers, payment status, its settings and tokens). */
  readonly integration = new FocusIntegration(() => this.current);
  /** What the bookkeeping export records here (external IDs, imports, the wallet, ledger accounts, exports made). */
  readonly bookkeepingExport = new FocusExport(() => this.current);

  constructor(
    readonly clock: Clock,
    state: FocusState = emptyFocusState(),
  ) {
    this.current = state;
  }

  /** The live state, to read: change it through the methods (core/integration through {@link Focus.integration}). */
  get state(): FocusState {
    return this.current;
  }

  /** A deep copy of the state: plain data by its schema, so copied by hand in a third of structuredClone's time. */
  snapshot(): FocusState {
    return plainCopy(this.current);
  }

  /** Replaces the state with a validated copy of `state` (zod's parse builds the copy). */
  restore(state: unknown): FocusResult<void> {
    const parsed = FocusStateSchema.safeParse(state);
    if (!parsed.success)
      return refuse(
        problems.invalid(`Not a Focus state: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`),
      );
    this.adopt(parsed.data);
    return done(undefined);
  }

  /** Takes over a state the caller has just parsed (a world snapshot validates its Focus part already). */
  adopt(state: FocusState): void {
    this.current = state;
    this.series.forget();
  }

  /** A fresh id with a readable prefix (`invoice-3`). Ids are counters so runs are reproducible. */
  nextId(prefix: string): string {
    const n = (this.current.counters[prefix] ?? 0) + 1;
    this.current.counters[prefix] = n;
    return `${prefix}-${n}`;
  }

  /** The user, if it exists. */
  user(id: string): FocusUser | undefined {
    return this.current.users[id];
  }

  /** Adds a company. */
  addCompany(input: CompanyInput): Company {
    const company = newCompany(this.nextId('company'), input);
    this.current.companies[company.id] = company;
    return company;
  }

  /** Corrects a company's VAT number on its page in Focus (the fix for "Invalid VAT number"; the next sync sends it). */
  setVatNumber(companyId: string, vatNumber: string): FocusResult<Company> {
    const company = this.current.companies[companyId];
    if (!company) return refuse(problems.notFound('company', companyId));
    company.vatNumber = vatNumber;
    return done(company);
  }

  /** Adds a contact person. */
  addContact(input: ContactInput): Contact {
    const contact = newContact(this.nextId('contact'), input);
    this.current.contacts[contact.id] = contact;
    return contact;
  }

  /** Creates a draft invoice or credit note (R1: drafts are never synced). */
  createDraft({ kind = 'invoice', companyId, date, dueDate, lines }: DraftInput): FocusResult<FocusDocument> {
    if (!this.current.companies[companyId]) return refuse(problems.notFound('company', companyId));
    const day = date ?? this.clock.today();
    if (!isIsoDay(day) || (dueDate !== undefined && !isIsoDay(dueDate)))
      return refuse(problems.invalid('Dates must be existing days written YYYY-MM-DD.'));
    if (lines.length === 0) return refuse(problems.invalid('A document needs at least one line.'));
    const document: FocusDocument = {
      id: this.nextId(kind === 'invoice' ? 'invoice' : 'credit-note'),
      kind,
      status: 'draft',
      number: null,
      fiscalYear: null,
      sequence: null,
      date: day,
      dueDate: dueDate ?? addDays(day, 30),
      companyId,
      // New lines take the suggested account for their VAT rate (R21); edits keep what the line has.
      lines: lines.map((line) => completeLine(line, this.current.bookkeepingExport.ledger.autoSuggest)),
      bookingNumber: null,
      link: null,
      paymentStatus: 'unpaid',
      paidCents: 0,
      creditedInvoiceId: null,
      editedAfterSync: false,
      sent: false,
    };
    this.current.documents[document.id] = document;
    return done(document);
  }

  /** The number booking a document of `kind` dated `date` would get now (what a person expects to see). */
  nextNumber(kind: FocusDocument['kind'], date: string): string {
    const fiscalYear = Number(date.slice(0, 4));
    return formatNumber(fiscalYear, this.series.nextOf(fiscalYear, kind));
  }

  /** Books a draft: it gets the next number of its series, `YYYY/N`, without gaps (R2, I7). */
  book(documentId: string): FocusResult<FocusDocument> {
    const document = this.current.documents[documentId];
    if (!document) return refuse(problems.notFound('document', documentId));
    if (document.status !== 'draft') return refuse(problems.notDraft(documentId, document.number));
    const fiscalYear = Number(document.date.slice(0, 4));
    const sequence = this.series.nextOf(fiscalYear, document.kind);
    Object.assign(document, { status: 'booked', fiscalYear, sequence, number: formatNumber(fiscalYear, sequence) });
    this.series.booked(document);
    return done(document);
  }

  /**
   * Changes a document's lines. A synced document is marked as edited (R11): Exact and Yuki never get the
   * change, Octopus gets it at the next sync, so with Octopus the result warns that its cost centres will be reset.
   */
  editLines(documentId: string, lines: LineInput[]): FocusResult<FocusDocument> {
    const document = this.current.documents[documentId];
    if (!document) return refuse(problems.notFound('document', documentId));
    if (lines.length === 0) return refuse(problems.invalid('A document needs at least one line.'));
    document.lines = lines.map((line) => completeLine(line));
    if (document.link) document.editedAfterSync = true;
    const warnings = editWarnings(this.current, document);
    return warnings.length > 0 ? { ok: true, value: document, warnings } : done(document);
  }

  /** Sets every line's price to zero: the way out for a booked test invoice that is not the last one (R2). */
  setAmountToZero(documentId: string): FocusResult<FocusDocument> {
    const document = this.current.documents[documentId];
    if (!document) return refuse(problems.notFound('document', documentId));
    return this.editLines(
      documentId,
      document.lines.map((line) => ({ ...line, unitPriceCents: 0 })),
    );
  }

  /** Credits a booked invoice: a booked credit note with the same lines, in the credit note series. */
  credit(invoiceId: string, { date }: { date?: string } = {}): FocusResult<FocusDocument> {
    const invoice = this.current.documents[invoiceId];
    if (!invoice || invoice.kind !== 'invoice') return refuse(problems.notFound('invoice', invoiceId));
    if (invoice.status !== 'booked') return refuse(problems.notBooked(invoiceId));
    const draft = this.createDraft({ kind: 'credit_note', companyId: invoice.companyId, date, lines: invoice.lines });
    if (!draft.ok) return draft;
    draft.value.creditedInvoiceId = invoice.id;
    return this.book(draft.value.id);
  }

  /**
   * Deletes a document. A draft always goes. A booked one only when it is the last of its series (R2)
   * and carries no booking number (R3); the refusal says why and what to do instead.
   */
  deleteDocument(documentId: string): FocusResult<FocusDocument> {
    const document = this.current.documents[documentId];
    if (!document) return refuse(problems.notFound('document', documentId));
    if (document.status === 'booked') {
      const last = this.series.lastOf(document.fiscalYear!, document.kind);
      if (last && last.id !== document.id) return refuse(problems.notLast(document.kind, document.id, document.number!, last.number!));
      if (document.bookingNumber !== null) {
        return refuse(problems.hasBookingNumber(document.kind, document.id, document.number!, document.bookingNumber, document.date));
      }
    }
    delete this.current.documents[documentId];
    this.series.forget(document);
    return done(document);
  }

  /** Marks a document as sent to the customer (irrelevant to syncing, R1). */
  markSent(documentId: string): FocusResult<FocusDocument> {
    const document = this.current.documents[documentId];
    if (!document) return refuse(problems.notFound('document', documentId));
    document.sent = true;
    return done(document);
  }

  /**
   * Puts a notification in the bell. When the unread list is full the notification cannot be shown: it is
   * kept aside as hidden and `false` is returned (R16).
   */
  notify(kind: Notification['kind'], message: string): boolean {
    const id = this.nextId('notification');
    return ring(this.current.bell, { id, at: new Date(this.clock.now()).toISOString(), kind, message, read: false });
  }

  /** Marks every notification read and clears them from the list, making room in the bell (R16). */
  clearNotifications(): number {
    const count = this.current.bell.notifications.length;
    this.current.bell.notifications = [];
    return count;
  }

  /** The unread notifications, oldest first. */
  unreadNotifications(): Notification[] {
    return unreadOf(this.current.bell);
  }
}
