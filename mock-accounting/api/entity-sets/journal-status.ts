import type { FinancialPeriod, Journal } from '../../store/index.js';
import type { RequestContext } from '../context.js';
import { defineEntitySet, field } from '../entity-set.js';

/** One journal in one financial period: open, or closed when the period is closed in the back office. */
interface JournalInPeriod {
  journal: Journal;
  period: FinancialPeriod;
}

/** Journal types as Exact's reference names them (financial/Journals `Type`, exact-api.md §6). */
const JOURNAL_TYPES: Record<number, string> = {
  10: 'Cash',
  12: 'Bank',
  16: 'Payment service',
  20: 'Sales',
  21: 'Return invoice',
  22: 'Purchase',
  23: 'Received return invoice',
  90: 'General journal',
};

function journalsInPeriods(ctx: RequestContext): JournalInPeriod[] {
  const periods = ctx.ledger.divisions.of('periods', ctx.division);
  return ctx.ledger.divisions.of('journals', ctx.division).flatMap((journal) => periods.map((period) => ({ journal, period })));
}

/**
 * The status of every journal in every financial period, as `read/financial/JournalStatusList` and
 * `JournalStatusByFinancialPeriod` show it (exact-api.md §6): Status 1 where the period is closed, else 0. The mock
 * closes periods for all journals at once, so a journal's status is its period's. The key is composite, Journal,
 * Period and Year, in that order, which is also the order of the rows and of a `$skiptoken` such as `'70',3,2026`.
 */
function journalStatusSet(path: string, typeName: string) {
  return defineEntitySet<JournalInPeriod>({
    path,
    typeName,
    key: 'Journal',
    keyFields: ['Journal', 'Period', 'Year'],
    fields: {
      Journal: field('String', 'r'),
      Period: field('Int32', 'r'),
      Year: field('Int32', 'r'),
      JournalDescription: field('String', 'r'),
      JournalType: field('Int32', 'r'),
      JournalTypeDescription: field('String', 'r'),
      Status: field('Int32', 'r'),
      StatusDescription: field('String', 'r'),
    },
    list: journalsInPeriods,
    get: (ctx, key) => {
      const [code, period, year] = Array.isArray(key) ? key : [];
      return journalsInPeriods(ctx).find((j) => j.journal.code === code && j.period.finPeriod === period && j.period.finYear === year);
    },
    keyOf: ({ journal, period }) => [journal.code, period.finPeriod, period.finYear],
    toRow: ({ journal, period }) => ({
      Journal: journal.code,
      Period: period.finPeriod,
      Year: period.finYear,
      JournalDescription: journal.description,
      JournalType: journal.type,
      JournalTypeDescription: JOURNAL_TYPES[journal.type] ?? null,
      Status: period.closed ? 1 : 0,
      StatusDescription: period.closed ? 'Closed' : 'Open',
    }),
  });
}

/** read/financial/JournalStatusList: where clients read which periods are closed. */
export const journalStatusList = journalStatusSet('read/financial/JournalStatusList', 'JournalStatusList');

/**
 * read/financial/JournalStatusByFinancialPeriod: Exact's older function over the same rows (its reference calls it
 * obsolete in favour of JournalStatusList). Its parameters are not public; like any parameter without `$` they are
 * ignored, so a client narrows the rows with `$filter=Year eq 2026 and Period eq 3`.
 */
export const journalStatusByFinancialPeriod = journalStatusSet(
  'read/financial/JournalStatusByFinancialPeriod',
  'JournalStatusByFinancialPeriod',
);
