import type { StoreIndex } from '../store/index.js';
import type { MockState, SalesEntry } from '../store/state.js';

/** The bookings of one journal (or one journal and year) by number, with the highest number kept at hand. */
class NumberedEntries {
  readonly byNumber = new Map<number, Map<string, SalesEntry>>();
  /** The highest number in use (when `stale`, the one just removed: the highest is below it). */
  private top: number | undefined;
  private stale = false;

  add(key: string, entry: SalesEntry): void {
    let entries = this.byNumber.get(entry.entryNumber);
    if (!entries) this.byNumber.set(entry.entryNumber, (entries = new Map()));
    entries.set(key, entry);
    if (this.stale ? entry.entryNumber >= this.top! : this.top === undefined || entry.entryNumber > this.top) {
      this.top = entry.entryNumber;
      this.stale = false;
    }
  }

  remove(key: string, entry: SalesEntry): void {
    const entries = this.byNumber.get(entry.entryNumber);
    if (!entries?.delete(key) || entries.size > 0) return;
    this.byNumber.delete(entry.entryNumber);
    if (this.top === entry.entryNumber) this.stale = true;
  }

  highest(): number | undefined {
    if (this.stale) {
      this.top = this.lookForHighest(this.top!);
      this.stale = false;
    }
    return this.top;
  }

  /** Deleting highest first removes the top again and again: step down from it while that is cheaper than a scan. */
  private lookForHighest(removed: number): number | undefined {
    if (this.byNumber.size === 0) return undefined;
    for (let n = removed - 1, steps = 0; steps < this.byNumber.size; n -= 1, steps += 1) if (this.byNumber.has(n)) return n;
    let highest: number | undefined;
    for (const entryNumber of this.byNumber.keys()) if (highest === undefined || entryNumber > highest) highest = entryNumber;
    return highest;
  }
}

/** The entry numbers in use, per journal and per journal and year: answers "is N taken?", "which booking holds N?" and "what is the highest?" without scanning all bookings. */
export class EntryNumberIndex implements StoreIndex {
  private readonly journals = new Map<string, NumberedEntries>();

  rebuild(state: MockState): void {
    this.journals.clear();
    for (const [k, entry] of Object.entries(state.salesEntries)) this.add(k, entry);
  }

  change(collection: string, entityKey: string, previous: unknown, next: unknown): void {
    if (collection !== 'salesEntries') return;
    if (previous) this.remove(entityKey, previous as SalesEntry);
    if (next) this.add(entityKey, next as SalesEntry);
  }

  /** True when a booking in the journal (in that year, when given) holds the number. */
  has(division: number, journal: string, entryNumber: number, year?: number): boolean {
    return this.journals.get(key(division, journal, year))?.byNumber.has(entryNumber) ?? false;
  }

  /** The bookings in the journal (in that year, when given) that hold the number, in the order they were last changed. */
  holding(division: number, journal: string, entryNumber: number, year?: number): SalesEntry[] {
    return [
      ...(this.journals
        .get(key(division, journal, year))
        ?.byNumber.get(entryNumber)
        ?.values() ?? []),
    ];
  }

  /** The highest number in use in the journal (in that year, when given). */
  highest(division: number, journal: string, year?: number): number | undefined {
    return this.journals.get(key(division, journal, year))?.highest();
  }

  private add(entityKey: string, entry: SalesEntry): void {
    for (const k of keysOf(entry)) {
      let numbered = this.journals.get(k);
      if (!numbered) this.journals.set(k, (numbered = new NumberedEntries()));
      numbered.add(entityKey, entry);
    }
  }

  private remove(entityKey: string, entry: SalesEntry): void {
    for (const k of keysOf(entry)) this.journals.get(k)?.remove(entityKey, entry);
  }
}

function keysOf(entry: SalesEntry): string[] {
  return [key(entry.division, entry.journalCode), key(entry.division, entry.journalCode, entry.reportingYear)];
}

function key(division: number, journal: string, year?: number): string {
  return year === undefined ? `${division}|${journal}` : `${division}|${journal}|${year}`;
}
