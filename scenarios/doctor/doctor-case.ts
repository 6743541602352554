import type { CaseFile, World, WorldSnapshot } from '../../core/index.js';

/** What the doctor examines: a world as a snapshot (both sides and the clock) and how its accounting server behaves. */
export interface DoctorCase {
  title: string;
  snapshot: WorldSnapshot;
  accountingOptions: CaseFile['accountingOptions'];
  /** True when the snapshot is known to fit the schema (a live world's, or one read as a case file): restoring it skips a second check. */
  validated?: boolean;
}

/** The case of a world as it stands now (a scenario's, the dashboard's). */
export async function caseOfWorld(world: World, title: string): Promise<DoctorCase> {
  return {
    title,
    snapshot: await world.snapshot(),
    accountingOptions: { ...world.accountingOptions } as CaseFile['accountingOptions'],
    validated: true,
  };
}

/** The case of a case file as booklab saves it (readCaseFile and the input readers validate it as they read it). */
export function caseOfFile(file: CaseFile): DoctorCase {
  return { title: file.title, snapshot: file.snapshot, accountingOptions: file.accountingOptions, validated: true };
}

/** A case file holding `snapshot` (the world before or after a plan), for --save-case. */
export function caseFileOf(doctorCase: DoctorCase, snapshot: WorldSnapshot, notes: string): CaseFile {
  return {
    format: 'booklab-case',
    version: 1,
    title: doctorCase.title,
    notes,
    savedAt: new Date(snapshot.clock).toISOString(),
    accountingOptions: doctorCase.accountingOptions,
    snapshot,
  };
}
