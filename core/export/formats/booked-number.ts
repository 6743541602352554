import type { FocusDocument } from '../../focus/state.js';
import type { ExportInput, FormatIssue } from '../exporter.js';

/** The number a file gives a document; only booked documents have one (R2), and `check()` reports the others first. */
export function bookedNumber(document: FocusDocument): string {
  // The wizard exports booked documents only, and the preview stops a draft before any file is written.
  if (document.number === null)
    throw new Error(`[booklab] Document ${document.id} is a draft without a number; it cannot be written to an export file.`);
  return document.number;
}

/** The documents of the input that have no number yet (drafts), as issues every format reports. */
export function unnumberedIssues(input: ExportInput): FormatIssue[] {
  return input.documents
    .filter(({ document }) => document.number === null)
    .map(({ document }) => ({
      subject: 'document' as const,
      id: document.id,
      message: `Document ${document.id} is a draft and has no number yet: book it first, or leave it out of the export.`,
    }));
}
