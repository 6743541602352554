import { defineEntitySet, readOnlyFields, type EntitySet } from '../entity-set.js';
import { accounts } from './accounts.js';
import { glAccounts } from './reference-data.js';
import { transactionLines, transactionLinesSet, type TransactionLine } from './sync.js';

/** Rows per page on `bulk/*` (exact-api.md §4: "pages of either 60 or 1000"). */
const BULK_PAGE_SIZE = 1000;

/**
 * The `bulk/` twin of an entity set: the same rows, read-only, in pages of 1000, and a list GET must name `$select`
 * or ask `$top=1`. The mandatory filter stays: Exact applies it to bulk endpoints too. The fields are those the mock
 * keeps for the single endpoint, not every one of Exact's bulk reference.
 */
function bulkOf(set: EntitySet<unknown>, path: string, typeName: string): EntitySet<unknown> {
  return {
    path,
    typeName,
    key: set.key,
    fields: readOnlyFields(set.fields),
    pageSize: BULK_PAGE_SIZE,
    requiresSelect: true,
    ...(set.mandatoryFilter ? { mandatoryFilter: set.mandatoryFilter } : {}),
    list: set.list,
    get: set.get,
    toRow: set.toRow,
    ...(set.keyOf ? { keyOf: set.keyOf } : {}),
  };
}

/** bulk/CRM/Accounts: the relations, as crm/Accounts has them. */
export const bulkAccounts = bulkOf(accounts, 'bulk/CRM/Accounts', 'BulkCRMAccount');

/** bulk/Financial/GLAccounts: the G/L accounts, as financial/GLAccounts has them. */
export const bulkGLAccounts = bulkOf(glAccounts, 'bulk/Financial/GLAccounts', 'BulkFinancialGLAccount');

const { Timestamp: _rowVersion, ...lineFields } = transactionLinesSet.fields;

/** The id of a transaction line: its sales-entry line's, or for line 0 (the receivable) the entry's. */
const lineId = ({ entry, lineNumber }: TransactionLine) =>
  lineNumber === 0 ? entry.id : (entry.lines.find((l) => l.lineNumber === lineNumber)?.id ?? entry.id);

/** bulk/Financial/TransactionLines: the lines of sync/Financial/TransactionLines, keyed by ID instead of Timestamp. */
export const bulkTransactionLines = defineEntitySet<TransactionLine>({
  ...(bulkOf(transactionLinesSet, 'bulk/Financial/TransactionLines', 'BulkFinancialTransactionLine') as EntitySet<TransactionLine>),
  key: 'ID',
  fields: lineFields,
  keyOf: lineId,
  get: (ctx, key) => transactionLines(ctx).find((line) => lineId(line) === key),
});
