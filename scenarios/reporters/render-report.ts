import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CatalogueRun } from '../run-catalogue.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';

/** The report formats of `booklab scenarios run --reporter`. */
export const REPORTERS = ['pretty', 'json', 'junit', 'html'] as const;

/** A report format. */
export type ReporterName = (typeof REPORTERS)[number];

/** The formats a whole run is rendered in at once (pretty is also written line by line as scenarios end). */
export const RENDER: Record<Exclude<ReporterName, 'pretty'>, (run: CatalogueRun) => string> = {
  json: renderJson,
  junit: renderJunit,
  html: renderHtml,
};

/** The formats whose results carry both systems per step: the HTML report shows them, a JSON report keeps them for a merge. */
export function recordsWorld(reporter: ReporterName): boolean {
  return reporter === 'html' || reporter === 'json';
}

/** Writes a report to `file`, making its folder; a failure says which path and what to do. */
export async function writeReport(file: string, text: string): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
  } catch (error) {
    throw new Error(
      `Could not write the report to ${file}: ${error instanceof Error ? error.message : String(error)}. Choose a writable path for --output, or leave it out to print the report.`,
      { cause: error },
    );
  }
}
