import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { done, problems, refuse, type FocusResult } from '../focus/problems.js';
import { NOT_QUICK, quickParser, type QuickParser } from './quick-parse.js';
import { CASE_ACCOUNTING_OPTIONS, CaseAccountingOptionsSchema, type CaseAccountingOptions } from './case-options.js';
import { WorldSnapshotSchema, type WorldSnapshot } from './snapshot.js';
import { World } from './world.js';
import type { WorldOptions } from './world-options.js';

/** A support case as one JSON file: both sides and the clock, with a title and notes for the ticket. */
export interface CaseFile {
  format: 'booklab-case';
  version: 1;
  title: string;
  notes: string;
  savedAt: string;
  /** How the accounting server behaved (numbering policy, deletion rules), so a reload behaves the same. */
  accountingOptions: CaseAccountingOptions;
  snapshot: WorldSnapshot;
}

const CaseFileSchema = z.object({
  format: z.literal('booklab-case'),
  version: z.literal(1),
  title: z.string(),
  notes: z.string(),
  savedAt: z.string(),
  accountingOptions: CaseAccountingOptionsSchema.strict(),
  snapshot: WorldSnapshotSchema,
});

/**
 * A plainly valid case is read without zod's walk over every object; zod reads, and refuses, anything else.
 * Compiled when the first case is read (some ms), not by every command that loads core.
 */
let quickCaseFile: QuickParser | undefined;

/** Saves a world as a case file that a developer can attach to a support ticket. */
export async function saveCaseFile(world: World, path: string, { title = 'booklab case', notes = '' } = {}): Promise<CaseFile> {
  const caseFile: CaseFile = {
    format: 'booklab-case',
    version: 1,
    title,
    notes,
    savedAt: new Date(world.clock.now()).toISOString(),
    // Only what a case file may carry: options given to the world in code (seeds) stay out of it.
    accountingOptions: CaseAccountingOptionsSchema.parse(world.accountingOptions),
    snapshot: await world.snapshot(),
  };
  await writeCaseFile(path, caseFile);
  return caseFile;
}

/**
 * Up to this size (about 900 invoices) a case file is indented, for reading and for a diff in review; a bigger one is
 * written on one line. A case of 10,000 invoices is then 18 MB instead of 30, and reading it back (the dashboard's
 * first frame, the doctor) parses it with a quarter less CPU (issue 16).
 */
export const INDENTED_CASE_MAX_BYTES = 1024 * 1024;

/** Writes a case file as booklab saves it: JSON with a final newline, indented unless it is big. */
export async function writeCaseFile(path: string, caseFile: CaseFile): Promise<void> {
  const compact = JSON.stringify(caseFile);
  await writeFile(path, `${compact.length > INDENTED_CASE_MAX_BYTES ? compact : JSON.stringify(caseFile, null, 2)}\n`, 'utf8');
}

/** Options of {@link readCaseFile} and {@link loadCaseFile}. */
export interface CaseReading {
  /**
   * The file's bytes, already being read (`fs.promises.readFile(path)`): a caller that knows the path early starts the
   * read while it loads its code, as the dashboard does. Read here when absent.
   */
  bytes?: Promise<Buffer>;
}

/** Reads and validates a case file; a bad file is refused with what is wrong and what to do. */
export async function readCaseFile(path: string, { bytes }: CaseReading = {}): Promise<FocusResult<CaseFile>> {
  let json: unknown;
  try {
    json = JSON.parse(bytes ? (await bytes).toString('utf8') : await readFile(path, 'utf8'));
  } catch (error) {
    return refuse(
      problems.invalid(`Cannot read the case file ${path}: ${(error as Error).message}. Give the path of a file saved by booklab.`),
    );
  }
  quickCaseFile ??= quickParser(CaseFileSchema);
  const quick = quickCaseFile(json);
  if (quick !== NOT_QUICK) return done(quick as CaseFile);
  const parsed = CaseFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.code === 'unrecognized_keys' && issue.path.join('.') === 'accountingOptions') {
      const keys = issue.keys.join(', ');
      return refuse(
        problems.invalid(
          `${path} sets accounting options a case file may not set (${keys}): a case file says how the server behaves (${CASE_ACCOUNTING_OPTIONS.join(', ')}), never where it runs or keeps its data. Remove them, or save the case again with booklab.`,
        ),
      );
    }
    return refuse(
      problems.invalid(
        `${path} is not a booklab case file (${issue?.path.join('.') || 'root'}: ${issue?.message}). Save one with saveCaseFile or the dashboard.`,
      ),
    );
  }
  return done(parsed.data as CaseFile);
}

/** Loads a case file into a new world (its own embedded server unless `serverUrl` is given). */
export async function loadCaseFile(
  path: string,
  { bytes, ...options }: Omit<WorldOptions, 'focus' | 'clock'> & CaseReading = {},
): Promise<FocusResult<World>> {
  const read = await readCaseFile(path, { bytes });
  if (!read.ok) return read;
  const { snapshot, accountingOptions } = read.value;
  const clock = new Date(snapshot.clock).toISOString();
  const accounting = { ...accountingOptions, ...options.accounting };
  // A new in-memory server starts from the case's state in this process: no restore over HTTP, no second parse.
  if (!options.serverUrl && !options.file)
    return done(await World.create({ ...options, accounting, clock, focus: snapshot.focus, accountingState: snapshot.accounting }));
  const world = await World.create({ ...options, accounting, clock });
  const restored = await world.restore(snapshot, { validated: true });
  if (!restored.ok) {
    await world.close();
    return restored;
  }
  return done(world);
}
