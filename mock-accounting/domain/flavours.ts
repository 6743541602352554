import { OCTOPUS_SALES_TYPE } from '../../primitives/index.js';
import type { Flavour, Journal, MockState } from '../store/index.js';
import type { AccountingProblem } from './problems.js';

// What changes when a division imitates Octopus or Yuki instead of Exact Online (issue 6, R11, R17).
// Everything else (numbering, lines, payments) is the same for every flavour.

/**
 * Octopus's journal types by name. 'Sales bookings' and 'Invoices' are quoted by the Focus article;
 * the other three are inferred from Octopus's four bookkeeping journal kinds.
 */
export const OCTOPUS_JOURNAL_TYPES = [
  OCTOPUS_SALES_TYPE,
  'Purchase bookings',
  'Financial bookings',
  'Miscellaneous bookings',
  'Invoices',
] as const;

/** The flavour of a division; `exact` for one that does not exist (the caller refuses it elsewhere). */
export function flavourOf(state: MockState, division: number): Flavour {
  return state.divisions[String(division)]?.flavour ?? 'exact';
}

/** The journal's type in Octopus's words: its own name, else the one that matches Exact's numeric type. */
export function octopusTypeOf(journal: Journal): string {
  if (journal.typeName) return journal.typeName;
  if (journal.type === 20 || journal.type === 21) return OCTOPUS_SALES_TYPE;
  if (journal.type === 22 || journal.type === 23) return 'Purchase bookings';
  if (journal.type === 10 || journal.type === 12 || journal.type === 16) return 'Financial bookings';
  return 'Miscellaneous bookings';
}

/** The Yuki domain a division counts its API calls against (Yuki's quota is per domain, not per administration). */
export function quotaDomainOf(state: MockState, division: number): string {
  const found = state.divisions[String(division)];
  return found?.domain ?? String(division);
}

/** Why a change in a closed period is refused: Exact says "Period is closed", Octopus "Book year period is closed". */
export function closedPeriodProblem(state: MockState, division: number, date: string): AccountingProblem {
  return flavourOf(state, division) === 'octopus' ? { code: 'book_year_period_closed' } : { code: 'period_closed', date };
}

/** Why deleting a booking (or a line) in a closed period is refused, in the words of the division's flavour. */
export function lockedInClosedPeriod(state: MockState, division: number): AccountingProblem {
  return flavourOf(state, division) === 'octopus' ? { code: 'book_year_period_closed' } : { code: 'entry_locked', reason: 'period_closed' };
}
