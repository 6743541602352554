import type { SyncStrategy } from '../../core/index.js';
import { summarize, type CatalogueRun, type Summary } from '../run-catalogue.js';
import type { ScenarioResult } from '../run-scenario.js';
import type { Shard } from '../select.js';

/** The version of the JSON contract this booklab writes (docs/report-json.md says what each version added). */
export const JSON_REPORT_VERSION = 2;

/**
 * The machine contract of `booklab scenarios run --reporter json` (docs/report-json.md). Fields may be added (with a
 * new `version`), never renamed or removed.
 */
export interface JsonReport {
  version: typeof JSON_REPORT_VERSION;
  strategy: SyncStrategy;
  /** Wall time of the run. */
  durationMs: number;
  /** The part of a split run this report holds (`--shard K/N`); absent for a whole run. */
  shard?: Shard;
  summary: Summary;
  scenarios: ScenarioResult[];
}

/** The report as a value, results in catalogue order. */
export function jsonReport(run: CatalogueRun): JsonReport {
  return {
    version: JSON_REPORT_VERSION,
    strategy: run.strategy,
    durationMs: run.durationMs,
    ...(run.shard ? { shard: { index: run.shard.index, count: run.shard.count } } : {}),
    summary: summarize(run.results),
    scenarios: run.results,
  };
}

/** The report as indented JSON with a final newline. */
export function renderJson(run: CatalogueRun): string {
  return `${JSON.stringify(jsonReport(run), null, 2)}\n`;
}
