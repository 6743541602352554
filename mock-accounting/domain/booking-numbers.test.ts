import { describe, expect, it } from 'vitest';
import { emptyState, type Journal, type SalesEntry } from '../store/index.js';
import {
  assignEntryNumber,
  DEFAULT_NUMBERING,
  nextBookingNumber,
  releaseEntryNumber,
  withBookingCounter,
  type NumberingPolicy,
} from './booking-numbers.js';
import { EntryNumberIndex } from './entry-number-index.js';
import { guidFor } from '../../primitives/index.js';

const DIVISION = 100001;
const COUNTER: NumberingPolicy = { mode: 'counter', perYear: false };
const MAX: NumberingPolicy = { mode: 'max', perYear: false };
const PER_YEAR: NumberingPolicy = { mode: 'counter', perYear: true };

function journal(overrides: Partial<Journal> = {}): Journal {
  return {
    id: guidFor(1),
    division: DIVISION,
    code: '70',
    description: 'Sales invoices',
    type: 20,
    glAccountId: null,
    isBlocked: false,
    firstEntryNumber: 1001,
    nextEntryNumber: 1001,
    nextEntryNumberByYear: {},
    ...overrides,
  };
}

let ids = 100;
function booking(entryNumber: number, { year = 2026, journalCode = '70', division = DIVISION } = {}): SalesEntry {
  ids += 1;
  return {
    id: guidFor(ids),
    division,
    journalCode,
    entryNumber,
    entryDate: `${year}-03-02`,
    dueDate: null,
    customerId: guidFor(2),
    yourRef: null,
    description: null,
    currency: 'EUR',
    reportingYear: year,
    reportingPeriod: 3,
    paymentCondition: null,
    paymentReference: null,
    orderNumber: null,
    document: null,
    lines: [],
    type: 20,
    status: 20,
    payments: [],
    hid: ids,
    created: 0,
    modified: 0,
    timestamp: 0,
  };
}

/**
 * A journal with bookings, numbered the way createSalesEntry/deleteSalesEntry do it: the index follows the
 * state, `book` assigns and stores, `remove` drops the booking from the index first and then releases its number.
 */
function bookkeeping(policy: NumberingPolicy, start: Journal = journal(), existing: SalesEntry[] = []) {
  const state = emptyState();
  for (const entry of existing) state.salesEntries[entry.id] = entry;
  const index = new EntryNumberIndex();
  index.rebuild(state);
  let current = start;
  return {
    index,
    get journal() {
      return current;
    },
    set journal(value: Journal) {
      current = value;
    },
    /** Books into the journal; returns the number or the problem code. */
    book(requested?: number, year = 2026): number | string {
      const result = assignEntryNumber(current, requested, year, index, policy);
      if (!result.ok) return result.problem.code;
      current = result.value.journal;
      const entry = booking(result.value.entryNumber, { year });
      state.salesEntries[entry.id] = entry;
      index.change('salesEntries', entry.id, undefined, entry);
      return result.value.entryNumber;
    },
    remove(entryNumber: number, year = 2026): void {
      const entry = Object.values(state.salesEntries).find((e) => e.entryNumber === entryNumber && e.reportingYear === year);
      if (!entry) throw new Error(`no booking ${entryNumber} in ${year}`);
      delete state.salesEntries[entry.id];
      index.change('salesEntries', entry.id, entry, undefined);
      current = releaseEntryNumber(current, entryNumber, year, index, policy);
    },
    next(year?: number): number {
      return nextBookingNumber(current, policy, year);
    },
  };
}

describe('the default numbering policy', () => {
  it('is one counter per journal, not per year (exact-api.md booklab decisions)', () => {
    expect(DEFAULT_NUMBERING).toEqual({ mode: 'counter', perYear: false });
  });
});

describe('nextBookingNumber and withBookingCounter: the master-data next booking number (R8)', () => {
  it('reads the journal counter when not numbering per year, whatever year is asked', () => {
    const j = journal({ nextEntryNumber: 1043, nextEntryNumberByYear: { '2026': 2000 } });
    expect(nextBookingNumber(j, COUNTER)).toBe(1043);
    expect(nextBookingNumber(j, COUNTER, 2026)).toBe(1043);
  });

  it('reads the year counter when numbering per year, and the first number for a year without one', () => {
    const j = journal({ nextEntryNumber: 1043, nextEntryNumberByYear: { '2026': 1010 } });
    expect(nextBookingNumber(j, PER_YEAR, 2026)).toBe(1010);
    expect(nextBookingNumber(j, PER_YEAR, 2025)).toBe(1001);
    expect(nextBookingNumber(j, PER_YEAR)).toBe(1043);
  });

  it('sets the journal counter without changing the given journal object', () => {
    const j = journal();
    const updated = withBookingCounter(j, 1043, COUNTER);
    expect(updated).toEqual({ ...j, nextEntryNumber: 1043 });
    expect(j.nextEntryNumber).toBe(1001);
  });

  it('sets only that year counter when numbering per year, keeping the other years', () => {
    const j = journal({ nextEntryNumberByYear: { '2025': 1200 } });
    const updated = withBookingCounter(j, 1043, PER_YEAR, 2026);
    expect(updated.nextEntryNumberByYear).toEqual({ '2025': 1200, '2026': 1043 });
    expect(updated.nextEntryNumber).toBe(1001);
    expect(j.nextEntryNumberByYear).toEqual({ '2025': 1200 });
  });

  it('sets the journal counter when numbering per year but no year is given', () => {
    const updated = withBookingCounter(journal(), 1043, PER_YEAR);
    expect(updated.nextEntryNumber).toBe(1043);
    expect(updated.nextEntryNumberByYear).toEqual({});
  });
});

describe('assignEntryNumber in counter mode (R7, R8)', () => {
  it('R7: takes the next booking number and moves the counter up by one per booking', () => {
    const books = bookkeeping(COUNTER);
    expect(books.book()).toBe(1001);
    expect(books.book()).toBe(1002);
    expect(books.book()).toBe(1003);
    expect(books.next()).toBe(1004);
  });

  it('returns a new journal and leaves the given one as it was', () => {
    const start = journal();
    const result = assignEntryNumber(start, undefined, 2026, new EntryNumberIndex(), COUNTER);
    expect(result).toEqual({ ok: true, value: { entryNumber: 1001, journal: { ...start, nextEntryNumber: 1002 } } });
    expect(start.nextEntryNumber).toBe(1001);
  });

  it('R8: keeps a requested free number and lifts the counter above it', () => {
    const books = bookkeeping(COUNTER);
    expect(books.book(1010)).toBe(1010);
    expect(books.next()).toBe(1011);
    expect(books.book()).toBe(1011);
  });

  it('R8: keeps a requested free number below the counter and leaves the counter where it is', () => {
    const books = bookkeeping(COUNTER, journal({ nextEntryNumber: 1005 }));
    expect(books.book(1002)).toBe(1002);
    expect(books.next()).toBe(1005);
    expect(books.book()).toBe(1005);
  });

  it('R8: refuses a requested number in use with entry_number_in_use and keeps the counter', () => {
    const books = bookkeeping(COUNTER);
    books.book();
    books.book();
    const before = books.journal;
    const result = assignEntryNumber(before, 1001, 2026, books.index, COUNTER);
    expect(result).toEqual({ ok: false, problem: { code: 'entry_number_in_use', journal: '70', entryNumber: 1001 } });
    expect(books.next()).toBe(1003);
  });

  it('R8: a counter set onto a used number is refused as in use, and stays there so the next booking fails too', () => {
    const books = bookkeeping(COUNTER);
    books.book();
    books.book();
    books.book();
    books.journal = withBookingCounter(books.journal, 1002, COUNTER);
    expect(books.book()).toBe('entry_number_in_use');
    expect(books.next()).toBe(1002);
    expect(books.book()).toBe('entry_number_in_use');
    books.journal = withBookingCounter(books.journal, 1004, COUNTER);
    expect(books.book()).toBe(1004);
  });

  it('R8: a counter set into a gap hands out that number and moves up to the next number', () => {
    const books = bookkeeping(COUNTER, journal(), [booking(1001), booking(1003)]);
    books.journal = withBookingCounter(books.journal, 1002, COUNTER);
    expect(books.book()).toBe(1002);
    expect(books.next()).toBe(1003);
    // The counter is a plain counter: moved onto 1003, which is taken, the next booking is refused.
    expect(books.book()).toBe('entry_number_in_use');
  });

  it('R8: a counter set below the first number is used as set', () => {
    const books = bookkeeping(COUNTER);
    books.journal = withBookingCounter(books.journal, 5, COUNTER);
    expect(books.book()).toBe(5);
    expect(books.next()).toBe(6);
  });

  it('numbers each journal and each division on its own', () => {
    const state = emptyState();
    for (const entry of [booking(1001), booking(1002), booking(8001, { journalCode: '71', division: 100002 })]) {
      state.salesEntries[entry.id] = entry;
    }
    const index = new EntryNumberIndex();
    index.rebuild(state);
    const creditNotes = journal({ code: '71', firstEntryNumber: 8001, nextEntryNumber: 1001 });
    expect(assignEntryNumber(creditNotes, undefined, 2026, index, COUNTER)).toMatchObject({ ok: true, value: { entryNumber: 1001 } });
    expect(assignEntryNumber(journal({ division: 100002 }), undefined, 2026, index, COUNTER)).toMatchObject({
      ok: true,
      value: { entryNumber: 1001 },
    });
    expect(assignEntryNumber(creditNotes, undefined, 2026, index, MAX)).toMatchObject({ ok: true, value: { entryNumber: 8001 } });
    expect(assignEntryNumber(journal({ division: 100002 }), undefined, 2026, index, MAX)).toMatchObject({
      ok: true,
      value: { entryNumber: 1001 },
    });
  });
});

describe('releaseEntryNumber after deleting a booking (R7)', () => {
  it('R7: deleting the highest booking hands its number out again (counter = highest remaining + 1)', () => {
    const books = bookkeeping(COUNTER);
    books.book();
    books.book();
    books.book();
    books.remove(1003);
    expect(books.next()).toBe(1003);
    expect(books.book()).toBe(1003);
  });

  it('R7: deleting the highest after a gap moves the counter to just above the highest remaining one', () => {
    const books = bookkeeping(COUNTER, journal({ nextEntryNumber: 1011 }), [booking(1001), booking(1002), booking(1010)]);
    books.remove(1010);
    expect(books.next()).toBe(1003);
  });

  it('R7: deleting the highest when the counter was set higher still moves the counter back', () => {
    const books = bookkeeping(COUNTER, journal({ nextEntryNumber: 1050 }), [booking(1001), booking(1002)]);
    books.remove(1002);
    expect(books.next()).toBe(1002);
  });

  it('R7: deleting a booking that is not the highest leaves a gap and the counter where it is', () => {
    const books = bookkeeping(COUNTER);
    books.book();
    books.book();
    books.book();
    const before = books.journal;
    books.remove(1002);
    expect(books.journal).toBe(before);
    expect(books.next()).toBe(1004);
    expect(books.book()).toBe(1004);
  });

  it('R7: deleting the only booking moves the counter back to the first number of the journal', () => {
    const books = bookkeeping(COUNTER, journal({ firstEntryNumber: 8001, nextEntryNumber: 8001 }));
    expect(books.book()).toBe(8001);
    books.remove(8001);
    expect(books.next()).toBe(8001);
  });

  it('R7: deleting bookings from the top down hands the numbers out again from the lowest deleted one', () => {
    const books = bookkeeping(COUNTER);
    for (let i = 0; i < 5; i += 1) books.book();
    books.remove(1005);
    books.remove(1004);
    expect(books.next()).toBe(1004);
    expect(books.book()).toBe(1004);
    expect(books.book()).toBe(1005);
  });
});

describe('assignEntryNumber in max mode (highest + 1, ignoring the counter)', () => {
  it('takes highest + 1 even when the counter was set elsewhere', () => {
    const books = bookkeeping(MAX);
    expect(books.book()).toBe(1001);
    expect(books.book()).toBe(1002);
    books.journal = withBookingCounter(books.journal, 2000, MAX);
    expect(books.book()).toBe(1003);
    books.journal = withBookingCounter(books.journal, 1001, MAX);
    expect(books.book()).toBe(1004);
  });

  it('starts an empty journal at its first number', () => {
    const books = bookkeeping(MAX, journal({ firstEntryNumber: 8001, nextEntryNumber: 9999 }));
    expect(books.book()).toBe(8001);
  });

  it('does not fill a gap left by deleting a booking that is not the highest', () => {
    const books = bookkeeping(MAX);
    books.book();
    books.book();
    books.book();
    books.remove(1002);
    expect(books.book()).toBe(1004);
  });

  it('R7: hands out a deleted highest number again', () => {
    const books = bookkeeping(MAX);
    books.book();
    books.book();
    books.remove(1002);
    expect(books.book()).toBe(1002);
  });

  it('keeps a requested free number and refuses a used one', () => {
    const books = bookkeeping(MAX);
    expect(books.book(1500)).toBe(1500);
    expect(books.book()).toBe(1501);
    expect(books.book(1500)).toBe('entry_number_in_use');
  });
});

describe('assignEntryNumber and releaseEntryNumber numbering per year', () => {
  it('keeps a separate sequence per financial year, each starting at the first number', () => {
    const books = bookkeeping(PER_YEAR);
    expect(books.book(undefined, 2025)).toBe(1001);
    expect(books.book(undefined, 2026)).toBe(1001);
    expect(books.book(undefined, 2026)).toBe(1002);
    expect(books.book(undefined, 2025)).toBe(1002);
    expect(books.journal.nextEntryNumberByYear).toEqual({ '2025': 1003, '2026': 1003 });
    expect(books.journal.nextEntryNumber).toBe(1001);
  });

  it('allows the same requested number in different years but not twice in one year', () => {
    const books = bookkeeping(PER_YEAR);
    expect(books.book(1500, 2025)).toBe(1500);
    expect(books.book(1500, 2026)).toBe(1500);
    expect(books.book(1500, 2026)).toBe('entry_number_in_use');
    expect(books.next(2025)).toBe(1501);
    expect(books.next(2026)).toBe(1501);
  });

  it('uses the counter of the booking year only', () => {
    const books = bookkeeping(PER_YEAR);
    books.journal = withBookingCounter(books.journal, 1050, PER_YEAR, 2025);
    expect(books.book(undefined, 2025)).toBe(1050);
    expect(books.book(undefined, 2026)).toBe(1001);
  });

  it('R7: deleting the highest of a year hands it out again in that year only', () => {
    const books = bookkeeping(PER_YEAR);
    books.book(undefined, 2025);
    books.book(undefined, 2025);
    books.book(undefined, 2026);
    books.book(undefined, 2026);
    books.book(undefined, 2026);
    books.remove(1002, 2025);
    expect(books.next(2025)).toBe(1002);
    expect(books.next(2026)).toBe(1004);
    books.remove(1001, 2026);
    expect(books.next(2026)).toBe(1004);
    books.remove(1003, 2026);
    expect(books.next(2026)).toBe(1003);
  });

  it('R7: deleting the only booking of a year moves that year back to the first number', () => {
    const books = bookkeeping(PER_YEAR);
    books.book(undefined, 2025);
    books.book(undefined, 2026);
    books.remove(1001, 2025);
    expect(books.journal.nextEntryNumberByYear).toEqual({ '2025': 1001, '2026': 1002 });
  });
});

describe('EntryNumberIndex', () => {
  it('answers has and highest per journal, and per journal and year', () => {
    const state = emptyState();
    for (const entry of [
      booking(1001, { year: 2025 }),
      booking(1007, { year: 2025 }),
      booking(1003),
      booking(8001, { journalCode: '71' }),
    ]) {
      state.salesEntries[entry.id] = entry;
    }
    const index = new EntryNumberIndex();
    index.rebuild(state);
    expect(index.highest(DIVISION, '70')).toBe(1007);
    expect(index.highest(DIVISION, '70', 2026)).toBe(1003);
    expect(index.highest(DIVISION, '70', 2024)).toBeUndefined();
    expect(index.highest(DIVISION, '72')).toBeUndefined();
    expect(index.has(DIVISION, '70', 1007)).toBe(true);
    expect(index.has(DIVISION, '70', 1007, 2026)).toBe(false);
    expect(index.has(DIVISION, '71', 8001, 2026)).toBe(true);
    expect(index.has(100002, '70', 1001)).toBe(false);
  });

  it('follows changes: a number stays taken while another booking still holds it', () => {
    const index = new EntryNumberIndex();
    index.rebuild(emptyState());
    const a = booking(1001);
    const b = booking(1001);
    index.change('salesEntries', a.id, undefined, a);
    index.change('salesEntries', b.id, undefined, b);
    index.change('salesEntries', a.id, a, undefined);
    expect(index.has(DIVISION, '70', 1001)).toBe(true);
    index.change('salesEntries', b.id, b, undefined);
    expect(index.has(DIVISION, '70', 1001)).toBe(false);
    expect(index.highest(DIVISION, '70')).toBeUndefined();
  });

  it('ignores changes to other collections', () => {
    const index = new EntryNumberIndex();
    index.rebuild(emptyState());
    index.change('journals', 'x', undefined, booking(1001));
    expect(index.has(DIVISION, '70', 1001)).toBe(false);
  });
});
