import { isoDate, toEpochMs } from '../../../primitives/index.js';
import { centsToAmount, type Row } from '../../odata/edm.js';
import type { SalesEntry } from '../../store/index.js';
import { createSalesEntry, deleteSalesEntry, updateSalesEntry } from '../../domain/sales-entries.js';
import { entryTotalCents, entryVatCents } from '../../domain/entry-totals.js';
import { fail } from '../../domain/result.js';
import { findJournal } from '../../domain/lookups.js';
import { defineEntitySet, field, type Body } from '../entity-set.js';
import type { RequestContext } from '../context.js';
import { inDivision } from './reference-data.js';
import { SALES_ENTRY_UNKEPT_FIELDS } from './unkept-fields.js';
import { lineInput, salesEntryLines, text } from './sales-entry-lines.js';

/** A sales entry as the API shows it. */
function salesEntryRow(entry: SalesEntry, ctx: RequestContext): Row {
  const state = ctx.ledger.store.state;
  const total = entryTotalCents(entry);
  const vat = entryVatCents(entry);
  const journal = findJournal(ctx.ledger, entry.division, entry.journalCode);
  return {
    EntryID: entry.id,
    Division: entry.division,
    Journal: entry.journalCode,
    JournalDescription: journal?.description ?? null,
    EntryNumber: entry.entryNumber,
    InvoiceNumber: entry.entryNumber,
    EntryDate: toEpochMs(entry.entryDate),
    DueDate: entry.dueDate ? toEpochMs(entry.dueDate) : null,
    Customer: entry.customerId,
    CustomerName: state.accounts[entry.customerId]?.name ?? null,
    YourRef: entry.yourRef,
    Description: entry.description,
    Currency: entry.currency,
    Rate: 1,
    ReportingYear: entry.reportingYear,
    ReportingPeriod: entry.reportingPeriod,
    PaymentCondition: entry.paymentCondition,
    PaymentReference: entry.paymentReference,
    OrderNumber: entry.orderNumber,
    Document: entry.document,
    AmountDC: centsToAmount(total),
    AmountFC: centsToAmount(total),
    VATAmountDC: centsToAmount(vat),
    VATAmountFC: centsToAmount(vat),
    GAccountAmountFC: null,
    Reversal: false,
    Type: entry.type,
    Status: entry.status,
    Created: entry.created,
    Modified: entry.modified,
    TypeDescription: entry.type === 21 ? 'Sales credit note' : 'Sales entry',
    StatusDescription: entry.status === 50 ? 'Processed' : 'Open',
    IsExtraDuty: false,
  };
}

/** Properties fixed once booked: a PUT may repeat them (picqer PUTs every attribute) but not change them. */
const FIXED_AFTER_BOOKING = ['Journal', 'Customer', 'EntryNumber', 'InvoiceNumber', 'EntryDate', 'ReportingYear', 'ReportingPeriod'];

/** salesentry/SalesEntries: bookings in sales journals, numbered per journal (R7), lines inline on POST. */
export const salesEntries = defineEntitySet<SalesEntry>({
  path: 'salesentry/SalesEntries',
  typeName: 'SalesEntry',
  key: 'EntryID',
  fields: {
    EntryID: field('Guid', 'r'),
    Division: field('Int32', 'r'),
    Journal: field('String'),
    JournalDescription: field('String', 'c'),
    EntryNumber: field('Int32'),
    InvoiceNumber: field('Int32'),
    EntryDate: field('DateTime'),
    DueDate: field('DateTime'),
    Customer: field('Guid'),
    CustomerName: field('String', 'c'),
    YourRef: field('String'),
    Description: field('String'),
    Currency: field('String'),
    Rate: field('Double'),
    ReportingYear: field('Int16'),
    ReportingPeriod: field('Int16'),
    PaymentCondition: field('String'),
    PaymentReference: field('String'),
    OrderNumber: field('Int32'),
    Document: field('Guid'),
    AmountDC: field('Double', 'c'),
    AmountFC: field('Double', 'c'),
    VATAmountDC: field('Double', 'c'),
    VATAmountFC: field('Double'),
    GAccountAmountFC: field('Double'),
    Reversal: field('Boolean'),
    Type: field('Int32', 'c'),
    Status: field('Int16', 'c'),
    Created: field('DateTime', 'c'),
    Modified: field('DateTime', 'c'),
    TypeDescription: field('String', 'c'),
    StatusDescription: field('String', 'c'),
    IsExtraDuty: field('Boolean', 'r'),
    ...SALES_ENTRY_UNKEPT_FIELDS,
  },
  navigations: {
    SalesEntryLines: { target: salesEntryLines, items: (entry) => entry.lines.map((line) => ({ entry, line })) },
  },
  list: (ctx) => ctx.ledger.divisions.of('salesEntries', ctx.division),
  get: (ctx, key) => inDivision(ctx.ledger.store.state.salesEntries[String(key)], ctx.division),
  keyOf: (entry) => entry.id,
  toRow: salesEntryRow,
  create(ctx: RequestContext, body) {
    const lines = body.SalesEntryLines as Body[] | undefined;
    const number = (body.EntryNumber ?? body.InvoiceNumber ?? undefined) as number | undefined;
    return ctx.ledger.store.attempt((tx) =>
      createSalesEntry(tx, ctx.ledger, ctx.division, {
        journalCode: typeof body.Journal === 'string' ? body.Journal : undefined,
        customer: typeof body.Customer === 'string' ? { id: body.Customer } : undefined,
        entryDate: typeof body.EntryDate === 'number' ? isoDate(body.EntryDate) : undefined,
        dueDate: typeof body.DueDate === 'number' ? isoDate(body.DueDate) : undefined,
        entryNumber: number,
        yourRef: text(body.YourRef),
        description: text(body.Description),
        currency: typeof body.Currency === 'string' ? body.Currency : undefined,
        reportingYear: (body.ReportingYear ?? undefined) as number | undefined,
        reportingPeriod: (body.ReportingPeriod ?? undefined) as number | undefined,
        paymentCondition: text(body.PaymentCondition),
        paymentReference: text(body.PaymentReference),
        orderNumber: body.OrderNumber as number | null | undefined,
        document: text(body.Document),
        lines: lines?.map(lineInput),
      }),
    );
  },
  async update(ctx, entry, body) {
    if (body.SalesEntryLines !== undefined) return fail({ code: 'binding_new_entities' });
    const current = salesEntryRow(entry, ctx);
    const sameDay = (a: unknown, b: unknown) => typeof a === 'number' && typeof b === 'number' && isoDate(a) === isoDate(b);
    const fixed = FIXED_AFTER_BOOKING.find(
      (name) => body[name] !== undefined && body[name] !== current[name] && !(name === 'EntryDate' && sameDay(body[name], current[name])),
    );
    if (fixed) {
      return fail({
        code: 'bad_request',
        message: `Error processing request stream. The property '${fixed}' cannot be changed on a booked entry. Delete the entry and book it again.`,
      });
    }
    return ctx.ledger.store.attempt((tx) =>
      updateSalesEntry(tx, ctx.ledger, entry, {
        yourRef: text(body.YourRef),
        description: text(body.Description),
        dueDate: typeof body.DueDate === 'number' ? isoDate(body.DueDate) : undefined,
        paymentReference: text(body.PaymentReference),
        paymentCondition: text(body.PaymentCondition),
        orderNumber: body.OrderNumber as number | null | undefined,
        document: text(body.Document),
      }),
    );
  },
  remove: (ctx, entry) => ctx.ledger.store.attempt((tx) => deleteSalesEntry(tx, ctx.ledger, entry, ctx.user.id)),
});
