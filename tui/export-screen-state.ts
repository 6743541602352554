// What the export screen draws and is configured with: the session's snapshot and options.

import type { Exporter, ExportPreview, ExportCost, WizardStep } from '../core/index.js';
import type { ExportForm } from './export-fields.js';
import type { ExportWriter } from './export-writer.js';

/** What the last action said: the core's refusal as it is, or what was done. */
export interface ExportMessage {
  text: string;
  tone: 'ok' | 'error' | 'info';
}

/** Everything the export screen draws; a new object after every change. */
export interface ExportScreenState {
  step: WizardStep;
  form: ExportForm;
  /** Booked invoices and credit notes of the chosen period. */
  documents: number;
  packages: readonly Exporter[];
  exporter: Exporter | null;
  /** Customers of the selection, and how many of them have no external ID (R18). */
  customers: number;
  missingIds: number;
  /** The cost step's quote (read again after a top-up), or what was paid (R22). */
  cost: ExportCost | null;
  preview: ExportPreview | null;
  /** The files written, with their paths (R24: only without errors). */
  files: Array<{ name: string; path: string }>;
  dir: string;
  /** Selected field or package. */
  selected: number;
  /** First preview line shown. */
  scroll: number;
  /** Files are being written. */
  busy: boolean;
  message?: ExportMessage;
}

/** Options of the export screen. */
export interface ExportSessionOptions {
  /** Where the files go; `booklab-export/` in the working directory by default. */
  dir?: string;
  /** Writes the files (tests may inject one); to disk by default. */
  write?: ExportWriter;
  /** Who exports: the demo's admin by default (generating external IDs is for admins, R18). */
  userId?: string;
}

/** The room the preview has: line width and the number of lines shown. */
export interface PreviewRoom {
  width: number;
  height: number;
}

/** A text field to ask for in the prompt. */
export interface FieldPrompt {
  key: string;
  label: string;
  value: string;
}
