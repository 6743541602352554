import { seriesKey } from '../focus/numbering.js';
import type { InvariantCheck, Violation } from './types.js';
import { bookedDocuments } from './words.js';

/** I7: invoice and credit note numbers stay sequential without gaps, per fiscal year and series (R2). */
export const sequentialNumbers: InvariantCheck = ({ focus }) => {
  const series = new Map<string, number[]>();
  for (const document of bookedDocuments(focus)) {
    const key = seriesKey(document.fiscalYear!, document.kind);
    series.set(key, [...(series.get(key) ?? []), document.sequence!]);
  }
  const violations: Violation[] = [];
  for (const [key, sequences] of series) {
    const [year, kind] = key.split(':') as [string, string];
    const start = focus.startNumbers[key] ?? 1;
    const sorted = [...sequences].sort((a, b) => a - b);
    const missing = numbersFrom(start, sorted.at(-1)!).filter((n) => !sorted.includes(n));
    const doubled = sorted.filter((n, i) => sorted.indexOf(n) !== i);
    if (missing.length === 0 && doubled.length === 0) continue;
    const words = kind === 'invoice' ? 'Invoice' : 'Credit note';
    const parts = [
      missing.length ? `${missing.map((n) => `${year}/${n}`).join(', ')} missing` : '',
      doubled.length ? `${doubled.map((n) => `${year}/${n}`).join(', ')} used twice` : '',
    ].filter(Boolean);
    violations.push({
      invariant: 'I7',
      message: `${words} numbers of ${year} are not sequential: ${parts.join('; ')}.`,
      documents: [...missing, ...doubled].map((n) => `${year}/${n}`),
      bookings: [],
    });
  }
  return violations;
};

/** The numbers from `first` up to and including `last` (a series runs from its start number to its highest). */
function numbersFrom(first: number, last: number): number[] {
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}
