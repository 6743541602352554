import type { DocumentKind, FocusDocument, FocusState } from './state.js';

/** The series key of a fiscal year and kind: invoices and credit notes are numbered apart (I7). */
export function seriesKey(fiscalYear: number, kind: DocumentKind): string {
  return `${fiscalYear}:${kind}`;
}

/** Formats a document number the way Focus shows it: `<fiscal year>/<sequence>`. */
export function formatNumber(fiscalYear: number, sequence: number): string {
  return `${fiscalYear}/${sequence}`;
}

/** Sort order of booked documents: invoices before credit notes, each series by fiscal year and number. */
export function invoicesFirstInNumberOrder(a: FocusDocument, b: FocusDocument): number {
  return (
    (a.kind === b.kind ? 0 : a.kind === 'invoice' ? -1 : 1) ||
    (a.fiscalYear ?? 0) - (b.fiscalYear ?? 0) ||
    (a.sequence ?? 0) - (b.sequence ?? 0)
  );
}

/** The last booked document of a series, the only one that may be deleted (R2). One pass: booking many invoices stays fast. */
export function lastOfSeries(state: FocusState, fiscalYear: number, kind: DocumentKind): FocusDocument | undefined {
  let last: FocusDocument | undefined;
  for (const d of Object.values(state.documents)) {
    if (
      d.status === 'booked' &&
      d.kind === kind &&
      d.fiscalYear === fiscalYear &&
      (last === undefined || (d.sequence ?? 0) > (last.sequence ?? 0))
    )
      last = d;
  }
  return last;
}

/**
 * The last booked document of each series, remembered between bookings so that booking thousands of
 * invoices does not scan them all each time. Focus tells it about every booking and deletion.
 */
export class SeriesIndex {
  private readonly last = new Map<string, FocusDocument | undefined>();

  constructor(private readonly state: () => FocusState) {}

  /** The last booked document of the series. */
  lastOf(fiscalYear: number, kind: DocumentKind): FocusDocument | undefined {
    const key = seriesKey(fiscalYear, kind);
    if (!this.last.has(key)) this.last.set(key, lastOfSeries(this.state(), fiscalYear, kind));
    return this.last.get(key);
  }

  /** The next number of the series: last + 1, or the year's start number (1 unless set). */
  nextOf(fiscalYear: number, kind: DocumentKind): number {
    const last = this.lastOf(fiscalYear, kind);
    return last?.sequence != null ? last.sequence + 1 : (this.state().startNumbers[seriesKey(fiscalYear, kind)] ?? 1);
  }

  /** Records a document just booked as the last of its series. */
  booked(document: FocusDocument): void {
    this.last.set(seriesKey(document.fiscalYear!, document.kind), document);
  }

  /** Forgets a series (after a deletion) or everything (after a restore). */
  forget(document?: FocusDocument): void {
    if (document?.fiscalYear != null) this.last.delete(seriesKey(document.fiscalYear, document.kind));
    else this.last.clear();
  }
}
