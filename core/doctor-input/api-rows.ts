import type { ExactApiSession } from './exact-api-session.js';
import { apiProblem } from './exact-api-session.js';
import type { InputResult } from './problems.js';

/** A row of an API collection, as the client parsed it (dates as ISO strings). */
export type ApiRow = Record<string, unknown>;

/** What the reader asks for: each collection with the fields it keeps. */
const READS = {
  divisions: ['system/Divisions', 'Code,Description'],
  journals: ['financial/Journals', 'ID,Code,Description,Type,IsBlocked,GLAccount'],
  glAccounts: ['financial/GLAccounts', 'ID,Code,Description,Type,BalanceType,VATCode,IsBlocked'],
  vatCodes: ['vat/VATCodes', 'ID,Code,Description,Percentage,Type,VATTransactionType'],
  periods: ['financial/FinancialPeriods', 'ID,FinYear,FinPeriod,StartDate,EndDate'],
  accounts: ['crm/Accounts', 'ID,Code,Name,Status,IsSupplier,VATNumber,ChamberOfCommerce,Email,Country,Blocked,SearchCode'],
  entries: [
    'salesentry/SalesEntries',
    'EntryID,Journal,EntryNumber,EntryDate,DueDate,Customer,YourRef,Description,Currency,ReportingYear,ReportingPeriod,Type,Status,PaymentCondition,PaymentReference,OrderNumber,Document',
  ],
  lines: [
    'salesentry/SalesEntryLines',
    'ID,EntryID,LineNumber,Description,Quantity,GLAccount,AmountFC,VATCode,VATPercentage,VATAmountFC,CostCenter,CostUnit',
  ],
  open: ['read/financial/ReceivablesList', 'JournalCode,EntryNumber,Amount'],
  receivables: ['cashflow/Receivables', 'TransactionEntryID,LastPaymentDate'],
} as const;

/** The rows of every collection the reader needs. */
export type ApiRows = Record<keyof typeof READS, ApiRow[]>;

/** Every collection the reader needs, read one after the other (the API counts calls per minute), all pages each. */
export async function apiRows(session: ExactApiSession, url: string): Promise<InputResult<ApiRows>> {
  const result = {} as ApiRows;
  for (const [name, [path, select]] of Object.entries(READS) as Array<[keyof typeof READS, readonly [string, string]]>) {
    const rows = await session.exact.getAll<ApiRow>(session.division, path, { $select: select });
    if (!rows.ok)
      return apiProblem(
        url,
        `read ${path} of division ${session.division}`,
        rows.problem,
        "Check the division, the app's rights and the tokens, then try again.",
      );
    result[name] = rows.value;
  }
  return { ok: true, value: result };
}
