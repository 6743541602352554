import { padAccountCode } from '../../domain/accounts.js';
import { centsToAmount } from '../../odata/edm.js';
import type { DeletedRecord, SalesEntry } from '../../store/index.js';
import { entryTotalCents } from '../../domain/entry-totals.js';
import { findJournal } from '../../domain/lookups.js';
import { DAY_MS, toEpochMs } from '../../../primitives/index.js';
import { defineEntitySet, field } from '../entity-set.js';
import type { RequestContext } from '../context.js';

/** One row of sync/Financial/TransactionLines: line 0 is the receivable, then one per revenue line. */
export interface TransactionLine {
  entry: SalesEntry;
  lineNumber: number;
}

/** Every booking of the division as transaction lines: line 0 (the receivable) and one per revenue line. */
export function transactionLines(ctx: RequestContext): TransactionLine[] {
  return ctx.ledger.divisions
    .of('salesEntries', ctx.division)
    .flatMap((entry) => [0, ...entry.lines.map((l) => l.lineNumber)].map((lineNumber) => ({ entry, lineNumber })));
}

/** sync/Financial/TransactionLines: each booking as journal lines, keyed by row version; only Timestamp filters. */
export const transactionLinesSet = defineEntitySet<TransactionLine>({
  path: 'sync/Financial/TransactionLines',
  typeName: 'SyncFinancialTransactionLine',
  key: 'Timestamp',
  pageSize: 1000,
  filterable: ['Timestamp'],
  fields: {
    Timestamp: field('Int64', 'r'),
    ID: field('Guid', 'r'),
    EntryID: field('Guid', 'r'),
    LineNumber: field('Int32', 'r'),
    EntryNumber: field('Int32', 'r'),
    InvoiceNumber: field('Int32', 'r'),
    JournalCode: field('String', 'r'),
    Type: field('Int32', 'r'),
    Status: field('Int16', 'r'),
    Date: field('DateTime', 'r'),
    FinancialYear: field('Int16', 'r'),
    FinancialPeriod: field('Int16', 'r'),
    Account: field('Guid', 'r'),
    AccountCode: field('String', 'r'),
    AmountDC: field('Double', 'r'),
    AmountFC: field('Double', 'r'),
    VATAmountDC: field('Double', 'r'),
    GLAccount: field('Guid', 'r'),
    VATCode: field('String', 'r'),
    Description: field('String', 'r'),
    YourRef: field('String', 'r'),
    Division: field('Int32', 'r'),
  },
  list: transactionLines,
  get: (ctx, key) => transactionLines(ctx).find((t) => t.entry.timestamp + t.lineNumber === key),
  toRow({ entry, lineNumber }, ctx) {
    const line = entry.lines.find((l) => l.lineNumber === lineNumber);
    const customer = ctx.ledger.store.state.accounts[entry.customerId];
    // Debits are positive: the receivable (line 0) is debited with the total, revenue lines are credited.
    const amount = line ? -line.amountCents : entryTotalCents(entry);
    return {
      Timestamp: entry.timestamp + lineNumber,
      ID: line?.id ?? entry.id,
      EntryID: entry.id,
      LineNumber: lineNumber,
      EntryNumber: entry.entryNumber,
      InvoiceNumber: entry.entryNumber,
      JournalCode: entry.journalCode,
      Type: entry.type,
      Status: entry.status,
      Date: toEpochMs(entry.entryDate),
      FinancialYear: entry.reportingYear,
      FinancialPeriod: entry.reportingPeriod,
      Account: entry.customerId,
      AccountCode: customer ? padAccountCode(customer.code) : null,
      AmountDC: centsToAmount(amount),
      AmountFC: centsToAmount(amount),
      VATAmountDC: line ? centsToAmount(-line.vatAmountCents) : 0,
      // The receivable (line 0) is booked on the journal's GL account.
      GLAccount: line ? line.glAccountId : (findJournal(ctx.ledger, entry.division, entry.journalCode)?.glAccountId ?? null),
      VATCode: line?.vatCode ?? null,
      Description: line?.description ?? entry.description,
      YourRef: entry.yourRef,
      Division: entry.division,
    };
  },
});

const RETENTION_MS = 61 * DAY_MS;

/** sync/Deleted: what was deleted, kept two months; filter on Timestamp and EntityType. */
export const deletedSet = defineEntitySet<DeletedRecord>({
  path: 'sync/Deleted',
  typeName: 'SyncDeleted',
  key: 'Timestamp',
  pageSize: 1000,
  filterable: ['Timestamp', 'EntityType'],
  fields: {
    Timestamp: field('Int64', 'r'),
    ID: field('Guid', 'r'),
    EntityKey: field('Guid', 'r'),
    EntityType: field('Int32', 'r'),
    DeletedBy: field('Guid', 'r'),
    DeletedDate: field('DateTime', 'r'),
    Division: field('Int32', 'r'),
  },
  listReadsClock: true,
  list: (ctx) => {
    const since = ctx.ledger.clock.now() - RETENTION_MS;
    return ctx.ledger.divisions.of('deleted', ctx.division).filter((d) => d.deletedDate >= since);
  },
  get: (ctx, key) => ctx.ledger.divisions.of('deleted', ctx.division).find((d) => d.timestamp === key),
  toRow: (d) => ({
    Timestamp: d.timestamp,
    ID: d.id,
    EntityKey: d.entityKey,
    EntityType: d.entityType,
    DeletedBy: d.deletedBy || null,
    DeletedDate: d.deletedDate,
    Division: d.division,
  }),
});
