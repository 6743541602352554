import { summarize, type CatalogueRun, type Summary } from '../run-catalogue.js';
import type { ScenarioResult } from '../run-scenario.js';

/**
 * The machine contract of `booklab scenarios run --reporter json`. Fields may be added (a result also
 * carries `strategy` and `residualInvariants`, and `finding`, `symptom`, `stillHappens`, `reason` when they
 * apply; a step carries `narrationOnly` when it only told), never renamed or removed.
 */
export interface JsonReport {
  summary: Summary;
  scenarios: ScenarioResult[];
}

/** The report as a value, results in catalogue order. */
export function jsonReport(run: CatalogueRun): JsonReport {
  return { summary: summarize(run.results), scenarios: run.results };
}

/** The report as indented JSON with a final newline. */
export function renderJson(run: CatalogueRun): string {
  return `${JSON.stringify(jsonReport(run), null, 2)}\n`;
}
