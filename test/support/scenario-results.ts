import type { WorldDiff } from '../../core/index.js';
import type { CatalogueRun } from '../../scenarios/run-catalogue.js';
import type { ScenarioResult } from '../../scenarios/run-scenario.js';
import type { Scenario } from '../../scenarios/scenario.js';

// Fixed scenarios and results for the unit tests of selection and reporters: no world is started.

/** A scenario with no steps, for selection tests (never played). */
export function fakeScenario(id: string, fields: Partial<Scenario> = {}): Scenario {
  return {
    id,
    title: `Title of ${id}`,
    sources: ['000'],
    rules: ['R1'],
    expected: 'fixed',
    symptomInvariants: ['I1'],
    steps: [],
    ...fields,
  };
}

/** A passed repair scenario with two steps. */
export function passedResult(id = 'same-booking-number', fields: Partial<ScenarioResult> = {}): ScenarioResult {
  return {
    id,
    title: 'The invoices X and Y have the same booking number',
    sources: ['002'],
    rules: ['R9', 'P-samenumber'],
    status: 'passed',
    expected: 'fixed',
    residualInvariants: [],
    strategy: 'faithful',
    durationMs: 120,
    violationsBeforeRepair: [{ invariant: 'I2', message: '2026/3 and 2026/4 carry the same booking number 1003 (journal 70).' }],
    violationsAfterRepair: [],
    steps: [
      { phase: 'setup', title: 'Connect Exact Online', narration: 'The company connects Exact Online.', status: 'passed', durationMs: 50 },
      {
        phase: 'verify',
        title: 'Every invoice has a booking number of its own',
        narration: 'The checker finds nothing wrong.',
        status: 'passed',
        durationMs: 1,
      },
    ],
    ...fields,
  };
}

/** A failed scenario whose repair step failed, with text that needs XML escaping. */
export function failedResult(id = 'invoice-shown-twice', fields: Partial<ScenarioResult> = {}): ScenarioResult {
  return {
    id,
    title: 'Invoice <2026/7> shown "twice" & more',
    sources: ['001'],
    rules: ['R10'],
    status: 'failed',
    expected: 'fixed',
    residualInvariants: [],
    strategy: 'faithful',
    durationMs: 80,
    violationsBeforeRepair: [{ invariant: 'I1', message: 'Invoice 2026/7 stands 2 times in journal 70: bookings 1007 & 1008.' }],
    violationsAfterRepair: [{ invariant: 'I1', message: 'Invoice 2026/7 stands 2 times in journal 70: <1007> and <1009>.' }],
    reason: 'Step "Delete the second booking" failed: In use: Entry number',
    steps: [
      { phase: 'setup', title: 'Connect Exact Online', narration: 'The company connects.', status: 'passed', durationMs: 40 },
      {
        phase: 'repair',
        title: 'Delete the second booking',
        narration: 'Delete booking 1008 in journal 70 <by hand>.',
        status: 'failed',
        durationMs: 5,
        error: 'In use: Entry number',
      },
      { phase: 'verify', title: 'Nothing is wrong', narration: '', status: 'skipped', durationMs: 0 },
    ],
    ...fields,
  };
}

/** A passed scenario that declares a finding, with a narration-only step: the article's procedure leaves I1. */
export function findingResult(fields: Partial<ScenarioResult> = {}): ScenarioResult {
  return passedResult('same-booking-number-earlier-date', {
    title: 'The same booking number, the deleted booking dated before the other invoice',
    expected: 'I1',
    residualInvariants: ['I1'],
    finding: "The article's procedure leaves invoice 2026/3 linked to booking 1003, which no longer exists in Exact Online.",
    violationsAfterRepair: [
      {
        invariant: 'I1',
        message: 'Invoice 2026/3 is linked to booking 1003 in journal 70, but that booking no longer exists in the bookkeeping tool.',
      },
    ],
    steps: [
      {
        phase: 'repair',
        title: "Add the 'booking number' column",
        narration: 'Go to Focus and add the column.',
        status: 'passed',
        durationMs: 0.1,
        narrationOnly: 'Adding a column changes neither system.',
      },
      {
        phase: 'repair',
        title: 'Correct the next booking number',
        narration: 'Exact says 1003, you wrote down 1004: correct it to 1004.',
        status: 'passed',
        durationMs: 3,
      },
    ],
    ...fields,
  });
}

/** A run of the given results. */
export function fakeRun(results: ScenarioResult[], fields: Partial<CatalogueRun> = {}): CatalogueRun {
  return { strategy: 'faithful', results, durationMs: 1_234, ...fields };
}

const NO_CHANGE: WorldDiff = {
  documents: [],
  bookings: [],
  journals: [],
  companies: [],
  relations: [],
  notifications: [],
  integration: [],
};

/** A passed repair recorded step by step (as `--reporter html` and `json` run it): delete booking 1003, sync, verify. */
export function recordedResult(fields: Partial<ScenarioResult> = {}): ScenarioResult {
  const invoice = {
    id: 'doc-3',
    kind: 'invoice',
    number: '2026/3',
    status: 'booked',
    date: '2026-02-10',
    customer: 'Atelier <Lumière>',
    total: '€1,210.00',
  } as const;
  const entry = (id: string, entryNumber: number) => ({ id, entryNumber, date: '2026-02-10', yourRef: '2026/3', amount: '€1,210.00' });
  return passedResult('recorded-repair', {
    title: 'Booking 1003 is deleted and 2026/3 synced again',
    worldAtStart: {
      documents: [{ ...invoice, bookingNumber: 1003 }],
      journals: [{ code: '70', nextBookingNumber: 1004, entries: [entry('booking-1', 1003)] }],
    },
    steps: [
      {
        phase: 'repair',
        title: 'Delete booking 1003 in Exact',
        narration: 'Delete booking 1003 in journal 70.',
        status: 'passed',
        durationMs: 4.2,
        world: { documents: [{ ...invoice, bookingNumber: 1003 }], journals: [{ code: '70', nextBookingNumber: 1004, entries: [] }] },
        changes: { ...NO_CHANGE, bookings: [{ id: 'booking-1', label: 'booking 1003 (70)', change: 'removed', fields: [] }] },
      },
      {
        phase: 'repair',
        title: 'Sync 2026/3 again',
        narration: 'Synchronise now: 2026/3 gets booking 1004.',
        status: 'passed',
        durationMs: 12.5,
        world: {
          documents: [{ ...invoice, bookingNumber: 1004 }],
          journals: [{ code: '70', nextBookingNumber: 1005, entries: [entry('booking-2', 1004)] }],
        },
        changes: {
          ...NO_CHANGE,
          documents: [{ id: 'doc-3', label: '2026/3', change: 'changed', fields: [{ field: 'bookingNumber', before: 1003, after: 1004 }] }],
          bookings: [{ id: 'booking-2', label: 'booking 1004 (70)', change: 'added', fields: [] }],
          journals: [
            { id: '70', label: 'journal 70', change: 'changed', fields: [{ field: 'nextBookingNumber', before: 1004, after: 1005 }] },
          ],
          notifications: ['Synchronisation finished: 0 customers, 1 invoice and 0 credit notes synced'],
        },
      },
      {
        phase: 'verify',
        title: 'Invoice 2026/3 has booking 1004',
        narration: 'The overview shows 2026/3 (1004).',
        status: 'passed',
        durationMs: 0.3,
        world: {
          documents: [{ ...invoice, bookingNumber: 1004 }],
          journals: [{ code: '70', nextBookingNumber: 1005, entries: [entry('booking-2', 1004)] }],
        },
        changes: NO_CHANGE,
      },
    ],
    ...fields,
  });
}
