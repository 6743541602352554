import { describe, expect, it } from 'vitest';
import { explainResult } from '../../test/support/catalogue-part.js';
import { runScenario } from '../run-scenario.js';
import { ONE_WAY_EXPORT } from './one-way-export.js';

// The catalogue tests play these scenarios whole; here a repair step is left out, and the scenario must then
// fail with its symptom still there (as test/scenarios-checks-bite.test.ts does for the sync scenarios).

interface Bite {
  rules: string;
  scenario: string;
  /** The repair step left out, exactly as the scenario names it. */
  skip: string;
  /** The step that then fails. */
  failsAt: string;
}

const BITES: Bite[] = [
  { rules: 'R22', scenario: 'export-fee-charged-once', skip: 'Export February again, generating the missing external ID', failsAt: "The file holds February's invoices with Focus's totals" },
  { rules: 'R21, R24', scenario: 'export-preview-blocks-errors', skip: 'Indicate the account for discounts', failsAt: 'Export January and February again' },
  { rules: 'R21, R24', scenario: 'export-preview-blocks-errors', skip: 'Set the accounts of all existing invoices by VAT rate', failsAt: 'Export January and February again' },
  { rules: 'R18, I4', scenario: 'export-import-duplicates-undo', skip: 'Undo the import', failsAt: "Enter each company's external ID from the accountant's file" },
  { rules: 'R18, R19', scenario: 'export-import-duplicates-undo', skip: "Enter each company's external ID from the accountant's file", failsAt: 'Every customer is in Focus once, with the number the package knows it by' },
  { rules: 'R20, R24', scenario: 'export-generated-ids-start-value', skip: 'Clear the IDs generated from start value 3', failsAt: 'Every customer has an external ID of its own' },
];

describe('the one-way export scenarios bite: a repair with a step left out fails', () => {
  it('registers the four scenarios of article 004', () => {
    expect(ONE_WAY_EXPORT.map((s) => s.id)).toEqual(['export-fee-charged-once', 'export-preview-blocks-errors', 'export-import-duplicates-undo', 'export-generated-ids-start-value']);
    for (const scenario of ONE_WAY_EXPORT) expect(scenario.sources).toEqual(['004']);
  });

  for (const { rules, scenario: id, skip, failsAt } of BITES) {
    it(`${rules}: ${id} without "${skip}" fails at "${failsAt}" with its symptom still there`, async () => {
      const scenario = ONE_WAY_EXPORT.find((s) => s.id === id)!;
      expect(scenario.steps.map((s) => s.title)).toContain(skip);
      const result = await runScenario(scenario, { skipSteps: [skip] });
      expect(result.status, explainResult(result)).toBe('failed');
      expect(result.steps.find((s) => s.status === 'failed')?.title, explainResult(result)).toBe(failsAt);
      expect(result.symptom?.after, explainResult(result)).toBe(true);
    });
  }
});
