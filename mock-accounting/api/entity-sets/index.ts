import type { EntitySet } from '../entity-set.js';
import { accounts, syncAccounts } from './accounts.js';
import { bulkAccounts, bulkGLAccounts, bulkTransactionLines } from './bulk.js';
import { currentMe } from './current-me.js';
import { journalStatusByFinancialPeriod, journalStatusList } from './journal-status.js';
import { receivables, receivablesList } from './payment-status.js';
import { financialPeriods, glAccounts, hrmDivisions, journals, systemDivisions, vatCodes } from './reference-data.js';
import { salesEntries } from './sales-entries.js';
import { salesEntryLines } from './sales-entry-lines.js';
import { deletedSet, transactionLinesSet } from './sync.js';

/** current/Me, the one entity set without a division in its path. */
export { currentMe };

/** Every division-scoped entity set the mock serves, by path. */
export const ENTITY_SETS: readonly EntitySet<unknown>[] = [
  systemDivisions,
  hrmDivisions,
  journals,
  glAccounts,
  vatCodes,
  financialPeriods,
  journalStatusList,
  journalStatusByFinancialPeriod,
  accounts,
  salesEntries,
  salesEntryLines,
  receivablesList,
  receivables,
  transactionLinesSet,
  deletedSet,
  syncAccounts,
  bulkAccounts,
  bulkGLAccounts,
  bulkTransactionLines,
];
