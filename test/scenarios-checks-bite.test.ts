import { describe, expect, it } from 'vitest';
import type { InvariantId } from '../core/index.js';
import { CATALOGUE } from '../scenarios/catalogue/index.js';
import { runScenario } from '../scenarios/run-scenario.js';
import { explainResult } from './support/catalogue-part.js';

// A scenario that passes proves little unless leaving out a step of its repair makes it fail: each row
// drops steps of a repair and names the invariants the checker must then find after the repair.

interface Bite {
  scenario: string;
  /** Titles of the steps to leave out, exactly as the scenario names them. */
  skip: string[];
  /** Invariants the checker must find after the (incomplete) repair; none when only the scenario's own symptom stays. */
  violatedAfterRepair: InvariantId[];
}

const BITES: Bite[] = [
  { scenario: 'same-booking-number', skip: ['Delete the bookings from the delink date on in Exact Online'], violatedAfterRepair: ['I1'] },
  { scenario: 'same-booking-number-credit-note', skip: ['Delete the bookings from the delink date on in Exact Online'], violatedAfterRepair: ['I1'] },
  { scenario: 'invoice-shown-twice', skip: ['Delete the bookings from the delink date on in Exact Online'], violatedAfterRepair: ['I1'] },
  { scenario: 'lost-answer-double-booking', skip: ['Delete the bookings from the delink date on in Exact Online'], violatedAfterRepair: ['I1'] },
  { scenario: 'accidental-booking-not-last', skip: ["Set the test invoice's booking to zero in Exact Online by hand"], violatedAfterRepair: ['I5'] },
  { scenario: 'edit-after-sync-not-pushed', skip: ['Edit the booking in Exact Online by hand'], violatedAfterRepair: ['I5'] },
  { scenario: 'accidental-booking-last-invoice', skip: ['Delete the test invoice in Focus, from the highest number down'], violatedAfterRepair: [] },
  { scenario: 'draft-not-synced', skip: ['Book the invoice'], violatedAfterRepair: [] },
  { scenario: 'bell-full-hides-error', skip: ["Set the ledger account on the invoice's line"], violatedAfterRepair: ['I1'] },
  { scenario: 'octopus-edit-pushed-resets-cost-centres', skip: ['Assign the cost centres again in Octopus'], violatedAfterRepair: [] },
  { scenario: 'octopus-closed-period', skip: ['Re-open the period in Octopus'], violatedAfterRepair: ['I1'] },
  { scenario: 'yuki-quota-exhausted', skip: ['Wait for the next night'], violatedAfterRepair: ['I1'] },
];

describe('the checks bite: a repair with a step left out fails', () => {
  for (const { scenario: id, skip, violatedAfterRepair } of BITES) {
    it(`${id} without "${skip.join('", "')}" ends with ${violatedAfterRepair.join(', ')} after the repair`, async () => {
      const scenario = CATALOGUE.find((s) => s.id === id);
      expect(scenario, `no scenario "${id}" in the catalogue`).toBeDefined();
      const titles = scenario!.steps.map((s) => s.title);
      for (const title of skip) expect(titles, `scenario ${id} has no step "${title}"`).toContain(title);
      const complete = await runScenario(scenario!);
      expect(complete.status, explainResult(complete)).toBe('passed');
      const incomplete = await runScenario(scenario!, { skipSteps: skip });
      expect(incomplete.status, explainResult(incomplete)).toBe('failed');
      const found = new Set(incomplete.violationsAfterRepair.map((v) => v.invariant));
      for (const invariant of violatedAfterRepair) expect([...found], explainResult(incomplete)).toContain(invariant);
    });
  }
});
