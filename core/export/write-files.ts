import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { done, problems, refuse, type FocusResult } from '../focus/problems.js';
import type { ExportFile } from './exporter.js';

/**
 * Writes an export's files into `dir` (created when missing). A directory that already holds files is refused
 * unless `replace`: an export mixed with an earlier one's files gets those booked twice by whoever imports
 * the folder. With `replace`, files of the same name are replaced and the others stay. Returns the paths.
 */
export async function writeExportFiles(
  files: readonly ExportFile[],
  dir: string,
  { replace = false }: { replace?: boolean } = {},
): Promise<FocusResult<string[]>> {
  const target = resolve(dir);
  try {
    await mkdir(target, { recursive: true });
    const present = await readdir(target);
    if (present.length > 0 && !replace) return refuse(problems.directoryInUse(target, present.length));
    return done(await Promise.all(files.map(async (file) => writeOne(target, file))));
  } catch (error) {
    return refuse(problems.cannotWrite(target, describe(error)));
  }
}

/**
 * Writes an export into a new numbered folder under `base` (`export-1`, `export-2`, …), so that exports
 * made one after the other never mix and nothing is replaced. Returns the folder and the paths.
 */
export async function writeIntoNewFolder(
  files: readonly ExportFile[],
  base: string,
): Promise<FocusResult<{ dir: string; paths: string[] }>> {
  const root = resolve(base);
  try {
    await mkdir(root, { recursive: true });
    for (let n = 1; ; n += 1) {
      const dir = join(root, `export-${n}`);
      if (!(await createdNew(dir))) continue;
      return done({ dir, paths: await Promise.all(files.map(async (file) => writeOne(dir, file))) });
    }
  } catch (error) {
    return refuse(problems.cannotWrite(root, describe(error)));
  }
}

async function writeOne(dir: string, file: ExportFile): Promise<string> {
  const path = join(dir, file.name);
  await writeFile(path, file.content, 'utf8');
  return path;
}

/** Creates `dir`; false when it exists already (another export's folder), any other failure throws. */
async function createdNew(dir: string): Promise<boolean> {
  try {
    await mkdir(dir);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EEXIST' || code === 'ENOTDIR') return 'a file of that name is in the way (it is not a directory)';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
