import { writeFile } from 'node:fs/promises';
import type { SalesEntry } from '../../mock-accounting/index.js';

/** Writes a json-server database whose `salesEntries` are the given bookings, as booklab stores them (same ids, same fields). */
export async function writeJsonServerDb(file: string, entries: readonly SalesEntry[]): Promise<void> {
  // json-server 0.17 (lowdb 1) writes its file pretty-printed with 2 spaces; start from the same form.
  await writeFile(file, JSON.stringify({ salesEntries: entries }, null, 2));
}
