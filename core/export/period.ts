import { isIsoDay } from '../../primitives/index.js';
import { invoicesFirstInNumberOrder } from '../focus/numbering.js';
import { done, problems, refuse, type FocusResult } from '../focus/problems.js';
import type { FocusDocument, FocusState } from '../focus/state.js';

/** The first step of the export wizard: the period whose invoices and credit notes are exported (R22). */
export interface ExportPeriod {
  from: string;
  to: string;
}

/** The period the wizard proposes: from 1 January of this year to `today`. */
export function defaultExportPeriod(today: string): ExportPeriod {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/**
 * The booked invoices and credit notes dated within the period, invoices first, each series in number
 * order. Drafts are never exported. An empty selection or a backwards period is refused with what to pick.
 */
export function documentsInPeriod(state: FocusState, { from, to }: ExportPeriod): FocusResult<FocusDocument[]> {
  if (!isIsoDay(from) || !isIsoDay(to))
    return refuse(problems.invalid(`The period ${from} – ${to} is not valid: write both days as YYYY-MM-DD.`));
  if (from > to) return refuse(problems.invalid(`The period starts (${from}) after it ends (${to}): swap the two days.`));
  const documents = Object.values(state.documents)
    .filter((d) => d.status === 'booked' && d.date >= from && d.date <= to)
    .sort(invoicesFirstInNumberOrder);
  if (documents.length === 0)
    return refuse(problems.invalid(`There are no booked invoices or credit notes between ${from} and ${to}: pick another period.`));
  return done(documents);
}
