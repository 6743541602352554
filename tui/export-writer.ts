// Where the export screen puts the files: a new numbered folder under `booklab-export/` in the working directory.

import { type ExportFile, writeIntoNewFolder, type FocusResult } from '../core/index.js';

/** Writes an export's files into a new folder under `base`; returns the folder and the paths. */
export type ExportWriter = (files: readonly ExportFile[], base: string) => Promise<FocusResult<{ dir: string; paths: string[] }>>;

/** The directory the export folders go to unless the screen is given another. */
export const DEFAULT_EXPORT_DIR = 'booklab-export';

/** Each export gets a folder of its own (`export-1`, `export-2`, …), so exports never mix and nothing is replaced. */
export const writeExportFiles: ExportWriter = writeIntoNewFolder;
