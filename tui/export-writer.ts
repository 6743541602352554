// Where the export screen puts the files: a directory on disk, `booklab-export/` in the working directory by default.

import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ExportFile } from '../core/export/exporter.js';

/** Writes an export's files and returns the paths written. */
export type ExportWriter = (files: readonly ExportFile[], dir: string) => Promise<string[]>;

/** The directory the files go to unless the screen is given another. */
export const DEFAULT_EXPORT_DIR = 'booklab-export';

/** Writes each file into `dir` (created when missing), replacing a file of the same name. */
export const writeExportFiles: ExportWriter = async function writeExportFiles(files, dir) {
  const target = resolve(dir);
  await mkdir(target, { recursive: true });
  return Promise.all(
    files.map(async (file) => {
      const path = join(target, file.name);
      await writeFile(path, file.content, 'utf8');
      return path;
    }),
  );
};
