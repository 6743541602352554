import type { DocumentKind, FocusDocument, FocusState } from './state.js';

/** The series key of a fiscal year and kind: invoices and credit notes are numbered apart (I7). */
export function seriesKey(fiscalYear: number, kind: DocumentKind): string {
  return `${fiscalYear}:${kind}`;
}

/** The next number of a series: last + 1, or the year's start number (1 unless set). */
export function nextSequence(state: FocusState, fiscalYear: number, kind: DocumentKind): number {
  const last = lastOfSeries(state, fiscalYear, kind);
  return last?.sequence != null ? last.sequence + 1 : (state.startNumbers[seriesKey(fiscalYear, kind)] ?? 1);
}

/** Formats a document number the way Focus shows it: `<fiscal year>/<sequence>`. */
export function formatNumber(fiscalYear: number, sequence: number): string {
  return `${fiscalYear}/${sequence}`;
}

/** The last booked document of a series, the only one that may be deleted (R2). One pass: booking many invoices stays fast. */
export function lastOfSeries(state: FocusState, fiscalYear: number, kind: DocumentKind): FocusDocument | undefined {
  let last: FocusDocument | undefined;
  for (const d of Object.values(state.documents)) {
    if (d.status === 'booked' && d.kind === kind && d.fiscalYear === fiscalYear && (last === undefined || (d.sequence ?? 0) > (last.sequence ?? 0))) last = d;
  }
  return last;
}
