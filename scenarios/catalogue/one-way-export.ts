import type { Scenario } from '../scenario.js';
import exportFeeChargedOnce from './export-fee-charged-once.js';
import exportGeneratedIdsStartValue from './export-generated-ids-start-value.js';
import exportImportDuplicatesUndo from './export-import-duplicates-undo.js';
import exportPreviewBlocksErrors from './export-preview-blocks-errors.js';

/** The scenarios of article 004: the one-way bookkeeping export, its fee, preview and external IDs. */
export const ONE_WAY_EXPORT: readonly Scenario[] = [
  exportFeeChargedOnce,
  exportPreviewBlocksErrors,
  exportImportDuplicatesUndo,
  exportGeneratedIdsStartValue,
];
