import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../scenarios/catalogue/index.js';
import { DIVISION } from '../scenarios/actions.js';
import { runScenario } from '../scenarios/run-scenario.js';
import type { World } from '../core/index.js';

// The fix beside the reproduction (R9, R10, R15; P-twice, P-samenumber): booklab's safe strategy looks in the journals
// before it posts. Played on the reproductions of the cases it is meant to prevent, each world must end as the
// article's reader would wish it had: every document booked once, under the booking it already has in Exact, and the
// bell counting what was linked as synced. The values are each story's own, written out; the faithful catalogue
// (scenarios-catalogue-<K>.test.ts) keeps proving the fault itself.

interface SafeOutcome {
  /** Focus's booked documents after the reproduction: kind, number, booking number. */
  focus: string[];
  /** Exact's journals 70 and 71: journal/entry number and the booking's reference (Focus's number). */
  exact: string[];
  /** Every notification of the bell, oldest first. */
  bell: string[];
}

const synced = (invoices: number, creditNotes: number) =>
  `Synchronisation finished: 0 customers, ${invoices} invoice${invoices === 1 ? '' : 's'} and ${creditNotes} credit note${creditNotes === 1 ? '' : 's'} synced`;

/** Journals 70 and 71 after the cases with four invoices and three credit notes: each booked once, in number order. */
const FOUR_INVOICES_THREE_CREDIT_NOTES = [
  '70/1001: 2026/1',
  '70/1002: 2026/2',
  '70/1003: 2026/3',
  '70/1004: 2026/4',
  '71/8001: 2026/1',
  '71/8002: 2026/2',
  '71/8003: 2026/3',
];

const CASES: Record<string, SafeOutcome> = {
  // 001: 2026/1 was typed into Exact by hand as 1001; the sync links it instead of posting it as 1002.
  'invoice-shown-twice': {
    focus: ['invoice 2026/1: 1001', 'invoice 2026/2: 1002', 'invoice 2026/3: 1003'],
    exact: ['70/1001: 2026/1', '70/1002: 2026/2', '70/1003: 2026/3'],
    bell: [synced(3, 0)],
  },
  'invoice-shown-twice-credit-note': {
    focus: ['invoice 2026/1: 1001', 'invoice 2026/2: 1002', 'invoice 2026/3: 1003', 'credit note 2026/1: 8001', 'credit note 2026/2: 8002'],
    exact: ['70/1001: 2026/1', '70/1002: 2026/2', '70/1003: 2026/3', '71/8001: 2026/1', '71/8002: 2026/2'],
    bell: [synced(3, 2)],
  },
  // 001 with later documents: the hand-typed 1001 is invoice 2026/2 (3 February), so 2026/1 gets 1002.
  'invoice-shown-twice-later-documents': {
    focus: [
      'invoice 2026/1: 1002',
      'invoice 2026/2: 1001',
      'invoice 2026/3: 1003',
      'invoice 2026/4: 1004',
      'credit note 2026/1: 8001',
      'credit note 2026/2: 8002',
      'credit note 2026/3: 8003',
    ],
    exact: [
      '70/1001: 2026/2',
      '70/1002: 2026/1',
      '70/1003: 2026/3',
      '70/1004: 2026/4',
      '71/8001: 2026/1',
      '71/8002: 2026/2',
      '71/8003: 2026/3',
    ],
    bell: [synced(4, 3)],
  },
  // 002: booking 1003 of invoice 2026/3 was deleted in Exact; the next sync books 2026/3 again (1003) before 2026/4
  // (1004) instead of handing 2026/4 the number 2026/3 still shows.
  'same-booking-number': {
    focus: ['invoice 2026/1: 1001', 'invoice 2026/2: 1002', 'invoice 2026/3: 1003', 'invoice 2026/4: 1004'],
    exact: ['70/1001: 2026/1', '70/1002: 2026/2', '70/1003: 2026/3', '70/1004: 2026/4'],
    bell: [synced(3, 0), synced(2, 0)],
  },
  'same-booking-number-credit-note': {
    focus: [
      'invoice 2026/1: 1001',
      'invoice 2026/2: 1002',
      'invoice 2026/3: 1003',
      'invoice 2026/4: 1004',
      'credit note 2026/1: 8001',
      'credit note 2026/2: 8002',
      'credit note 2026/3: 8003',
    ],
    exact: FOUR_INVOICES_THREE_CREDIT_NOTES,
    bell: [synced(4, 2), synced(0, 2)],
  },
  'same-booking-number-later-credit-notes': {
    focus: [
      'invoice 2026/1: 1001',
      'invoice 2026/2: 1002',
      'invoice 2026/3: 1003',
      'credit note 2026/1: 8001',
      'credit note 2026/2: 8002',
      'invoice 2026/4: 1004',
      'credit note 2026/3: 8003',
    ],
    exact: FOUR_INVOICES_THREE_CREDIT_NOTES,
    bell: [synced(3, 2), synced(2, 1)],
  },
  // The answer to 2026/3's post was lost after Exact booked it as 1003: the next sync finds 1003 and links it.
  'lost-answer-double-booking': {
    focus: ['invoice 2026/1: 1001', 'invoice 2026/2: 1002', 'invoice 2026/3: 1003'],
    exact: ['70/1001: 2026/1', '70/1002: 2026/2', '70/1003: 2026/3'],
    bell: [
      synced(2, 0),
      'Invoice 2026/3 could not be synced: the connection to Exact Online was lost. It will be synced again next time.',
      synced(1, 0),
    ],
  },
};

/** What a person sees after the reproduction: Focus's overviews, Exact's two journals, the bell. */
async function seen(world: World): Promise<SafeOutcome> {
  const focus = Object.values(world.focus.state.documents)
    .filter((d) => d.status === 'booked')
    .map((d) => `${d.kind === 'invoice' ? 'invoice' : 'credit note'} ${d.number}: ${d.bookingNumber ?? 'none'}`);
  const exact: string[] = [];
  for (const journal of ['70', '71']) {
    const bookings = await world.backOffice.bookings(DIVISION, journal);
    if (!bookings.ok) throw new Error(`Journal ${journal} could not be read: ${bookings.problem.message}`);
    exact.push(...bookings.value.map((b) => `${b.journal}/${b.entryNumber}: ${b.yourRef}`));
  }
  return { focus, exact, bell: world.focus.state.bell.notifications.map((n) => n.message) };
}

describe('the safe strategy on the cases it is meant to prevent (R9, R10, R15)', () => {
  for (const [id, expected] of Object.entries(CASES)) {
    it(`${id}: every document is booked once, under the booking Exact holds`, async () => {
      const scenario = CATALOGUE.find((s) => s.id === id);
      expect(scenario, `the catalogue has no scenario ${id}`).toBeDefined();
      let outcome: SafeOutcome | undefined;
      const result = await runScenario(scenario!, { strategy: 'safe', onReproduced: async (world) => void (outcome = await seen(world)) });
      expect(result.status, result.reason).toBe('passed');
      expect(outcome).toEqual(expected);
      expect(result.stillHappens).toBe(false);
    });
  }
});
