import type { Account, FinancialPeriod, GLAccount, Journal, MockState, SalesEntry, VATCode } from '../store/index.js';
import type { Ledger } from './ledger.js';

/** The journal with this code in the division, among the division's own journals (a row of a list asks it per booking). */
export function findJournal(ledger: Pick<Ledger, 'divisions'>, division: number, code: string): Journal | undefined {
  return ledger.divisions.find('journals', division, (j) => j.code === code);
}

/** A G/L account of the division, by id or by code. */
export function findGLAccount(state: MockState, division: number, ref: { id: string } | { code: string }): GLAccount | undefined {
  if ('id' in ref) {
    const account = state.glAccounts[ref.id];
    return account?.division === division ? account : undefined;
  }
  return Object.values(state.glAccounts).find((g) => g.division === division && g.code === ref.code);
}

/** The VAT code of the division (codes are compared trimmed: osso sends `'2  '`). */
export function findVATCode(state: MockState, division: number, code: string): VATCode | undefined {
  const wanted = code.trim();
  return firstOf(state.vatCodes, (v) => v.division === division && v.code.trim() === wanted);
}

/** A relation of the division, by id or by (trimmed) code. */
export function findAccount(state: MockState, division: number, ref: { id: string } | { code: string }): Account | undefined {
  if ('id' in ref) {
    const account = state.accounts[ref.id];
    return account?.division === division ? account : undefined;
  }
  return Object.values(state.accounts).find((a) => a.division === division && a.code === ref.code.trim());
}

/** The financial period that holds the date, or the one named by year and period. */
export function findPeriod(
  state: MockState,
  division: number,
  at: { date: string } | { year: number; period: number },
): FinancialPeriod | undefined {
  if ('date' in at) return firstOf(state.periods, (p) => p.division === division && p.startDate <= at.date && at.date <= p.endDate);
  return firstOf(state.periods, (p) => p.division === division && p.finYear === at.year && p.finPeriod === at.period);
}

/** The first entity of a collection (in the order of `Object.values`) that passes `test`, without copying the collection: every booking asks for its period. */
function firstOf<T>(collection: Record<string, T>, test: (entity: T) => boolean): T | undefined {
  for (const key in collection) {
    const entity = collection[key]!;
    if (test(entity)) return entity;
  }
  return undefined;
}

/** The financial period a booking was booked in. */
export function periodOfEntry(state: MockState, entry: SalesEntry): FinancialPeriod | undefined {
  return findPeriod(state, entry.division, { year: entry.reportingYear, period: entry.reportingPeriod });
}
