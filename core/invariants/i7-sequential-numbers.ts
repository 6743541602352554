import { seriesKey } from '../focus/numbering.js';
import { kindTitle } from '../messages/document-kinds.js';
import type { DocumentKind } from '../focus/state.js';
import type { InvariantCheck, Violation } from './types.js';
import { bookedDocumentsOf } from './words.js';

/** I7: invoice and credit note numbers stay sequential without gaps, per fiscal year and series (R2). */
export const sequentialNumbers: InvariantCheck = (view) => {
  const { focus } = view;
  const series = new Map<string, number[]>();
  for (const document of bookedDocumentsOf(view)) {
    const key = seriesKey(document.fiscalYear!, document.kind);
    const sequences = series.get(key);
    if (sequences) sequences.push(document.sequence!);
    else series.set(key, [document.sequence!]);
  }
  const violations: Violation[] = [];
  for (const [key, sequences] of series) {
    const [year, kind] = key.split(':') as [string, DocumentKind];
    const start = focus.startNumbers[key] ?? 1;
    // Stryker disable next-line MethodExpression,ArrowFunction,ArithmeticOperator: bookedDocumentsOf hands each series over in number order already, so this sort never moves a number
    const sorted = sequences.sort((a, b) => a - b);
    const present = new Set(sorted);
    const missing = numbersFrom(start, sorted.at(-1)!).filter((n) => !present.has(n));
    // Sorted, a number used k times shows up k - 1 times here, as each repeat follows its neighbour.
    const doubled = sorted.filter((n, i) => i > 0 && sorted[i - 1] === n);
    if (missing.length === 0 && doubled.length === 0) continue;
    const parts = [
      missing.length ? `${missing.map((n) => `${year}/${n}`).join(', ')} missing` : '',
      doubled.length ? `${doubled.map((n) => `${year}/${n}`).join(', ')} used twice` : '',
    ].filter(Boolean);
    violations.push({
      invariant: 'I7',
      message: `${kindTitle(kind)} numbers of ${year} are not sequential: ${parts.join('; ')}.`,
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
