import { toEpochMs } from '../../../primitives/index.js';
import { padAccountCode } from '../../domain/accounts.js';
import { centsToAmount } from '../../odata/edm.js';
import type { SalesEntry } from '../../store/index.js';
import { entryTotalCents, outstandingCents, paidCents } from '../../domain/entry-totals.js';
import { defineEntitySet, field } from '../entity-set.js';
import type { RequestContext } from '../context.js';

const day = (date: string | null) => (date ? toEpochMs(date) : null);

function customerOf(entry: SalesEntry, ctx: RequestContext) {
  return ctx.ledger.store.state.accounts[entry.customerId];
}

/** read/financial/ReceivablesList: open items only. A settled booking is absent; a partial payment lowers Amount. */
export const receivablesList = defineEntitySet<SalesEntry>({
  path: 'read/financial/ReceivablesList',
  typeName: 'ReceivablesList',
  key: 'HID',
  fields: {
    HID: field('Int64', 'r'),
    AccountId: field('Guid', 'r'),
    AccountCode: field('String', 'r'),
    AccountName: field('String', 'r'),
    Amount: field('Double', 'r'),
    AmountInTransit: field('Double', 'r'),
    CurrencyCode: field('String', 'r'),
    Description: field('String', 'r'),
    DueDate: field('DateTime', 'r'),
    EntryNumber: field('Int32', 'r'),
    InvoiceDate: field('DateTime', 'r'),
    InvoiceNumber: field('Int32', 'r'),
    JournalCode: field('String', 'r'),
    YourRef: field('String', 'r'),
  },
  list: (ctx) => ctx.ledger.divisions.of('salesEntries', ctx.division).filter((e) => outstandingCents(e) !== 0),
  keyOf: (entry) => entry.hid,
  get: (ctx, key) => ctx.ledger.divisions.of('salesEntries', ctx.division).find((e) => e.hid === key && outstandingCents(e) !== 0),
  toRow(entry, ctx) {
    const customer = customerOf(entry, ctx);
    return {
      HID: entry.hid,
      AccountId: entry.customerId,
      AccountCode: customer ? padAccountCode(customer.code) : null,
      AccountName: customer?.name ?? null,
      Amount: centsToAmount(outstandingCents(entry)),
      AmountInTransit: 0,
      CurrencyCode: entry.currency,
      Description: entry.description,
      DueDate: day(entry.dueDate),
      EntryNumber: entry.entryNumber,
      InvoiceDate: day(entry.entryDate),
      InvoiceNumber: entry.entryNumber,
      JournalCode: entry.journalCode,
      YourRef: entry.yourRef,
    };
  },
});

/** The receivable id of a booking: stable and unique, derived from its receivable number (HID) without hashing, so listing thousands stays cheap. */
export function receivableId(entry: SalesEntry): string {
  return `00000000-0000-4000-a000-${entry.hid.toString(16).padStart(12, '0')}`;
}

/** cashflow/Receivables: one per booking, with IsFullyPaid; Status 20 open, 50 matched. */
export const receivables = defineEntitySet<SalesEntry>({
  path: 'cashflow/Receivables',
  typeName: 'Receivable',
  key: 'ID',
  fields: {
    ID: field('Guid', 'r'),
    Account: field('Guid', 'r'),
    AccountCode: field('String', 'r'),
    AccountName: field('String', 'r'),
    AmountDC: field('Double', 'r'),
    AmountFC: field('Double', 'r'),
    Currency: field('String', 'r'),
    Description: field('String', 'r'),
    DueDate: field('DateTime', 'r'),
    EntryDate: field('DateTime', 'r'),
    EntryNumber: field('Int32', 'r'),
    InvoiceNumber: field('Int32', 'r'),
    IsFullyPaid: field('Boolean', 'r'),
    JournalCode: field('String', 'r'),
    LastPaymentDate: field('DateTime', 'r'),
    Status: field('Int16', 'r'),
    TransactionEntryID: field('Guid', 'r'),
    YourRef: field('String', 'r'),
    Division: field('Int32', 'r'),
  },
  list: (ctx) => ctx.ledger.divisions.of('salesEntries', ctx.division),
  get: (ctx, key) => ctx.ledger.divisions.of('salesEntries', ctx.division).find((e) => receivableId(e) === key),
  keyOf: receivableId,
  toRow(entry, ctx) {
    const customer = customerOf(entry, ctx);
    const total = entryTotalCents(entry);
    const paid = total === paidCents(entry);
    const lastPayment = entry.payments.at(-1)?.date ?? null;
    return {
      ID: receivableId(entry),
      Account: entry.customerId,
      AccountCode: customer ? padAccountCode(customer.code) : null,
      AccountName: customer?.name ?? null,
      AmountDC: centsToAmount(total),
      AmountFC: centsToAmount(total),
      Currency: entry.currency,
      Description: entry.description,
      DueDate: day(entry.dueDate),
      EntryDate: day(entry.entryDate),
      EntryNumber: entry.entryNumber,
      InvoiceNumber: entry.entryNumber,
      IsFullyPaid: paid,
      JournalCode: entry.journalCode,
      LastPaymentDate: day(lastPayment),
      Status: paid ? 50 : 20,
      TransactionEntryID: entry.id,
      YourRef: entry.yourRef,
      Division: entry.division,
    };
  },
});
