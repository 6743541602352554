import type { StoreIndex } from '../store/index.js';
import type { MockState, SalesEntry } from '../store/state.js';

/** The entry numbers in use, per journal and per journal and year: answers "is N taken?" and "what is the highest?" without scanning all bookings. */
export class EntryNumberIndex implements StoreIndex {
  private readonly numbers = new Map<string, Map<number, number>>();

  rebuild(state: MockState): void {
    this.numbers.clear();
    for (const entry of Object.values(state.salesEntries)) this.add(entry, 1);
  }

  change(collection: string, _key: string, previous: unknown, next: unknown): void {
    if (collection !== 'salesEntries') return;
    if (previous) this.add(previous as SalesEntry, -1);
    if (next) this.add(next as SalesEntry, 1);
  }

  /** True when a booking in the journal (in that year, when given) holds the number. */
  has(division: number, journal: string, entryNumber: number, year?: number): boolean {
    return (this.numbers.get(key(division, journal, year))?.get(entryNumber) ?? 0) > 0;
  }

  /** The highest number in use in the journal (in that year, when given). */
  highest(division: number, journal: string, year?: number): number | undefined {
    const counts = this.numbers.get(key(division, journal, year));
    let highest: number | undefined;
    for (const [entryNumber, count] of counts ?? []) if (count > 0 && (highest === undefined || entryNumber > highest)) highest = entryNumber;
    return highest;
  }

  private add(entry: SalesEntry, delta: 1 | -1): void {
    for (const k of [key(entry.division, entry.journalCode), key(entry.division, entry.journalCode, entry.reportingYear)]) {
      let counts = this.numbers.get(k);
      if (!counts) this.numbers.set(k, (counts = new Map()));
      const count = (counts.get(entry.entryNumber) ?? 0) + delta;
      if (count > 0) counts.set(entry.entryNumber, count);
      else counts.delete(entry.entryNumber);
    }
  }
}

function key(division: number, journal: string, year?: number): string {
  return year === undefined ? `${division}|${journal}` : `${division}|${journal}|${year}`;
}
