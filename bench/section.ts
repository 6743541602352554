import type { Cleanup } from './cleanup.js';

/** A table of figures; cells are already formatted, the first column is a label. */
export interface Table {
  title: string;
  columns: string[];
  rows: string[][];
}

/** A target the figures are read against; printed as met or missed, never failed on. */
export interface Aim {
  text: string;
  met: boolean;
  /** The figure that decides it, e.g. `1.42x`. */
  figure: string;
}

/** A figure of the table (issue 16), gathered from every section into the summary at the end of a run. */
export interface Headline {
  /** What is measured, e.g. `booklab --help, wall (median)`. */
  figure: string;
  value: string;
  aim: string;
  met: boolean;
}

/** What a section measured. */
export interface Figures {
  tables: Table[];
  aims?: Aim[];
  /** Its figures for the summary of the run. */
  headlines?: Headline[];
  /** How to read the figures (conditions, caveats). */
  notes?: string[];
}

/** What the runner hands a section. */
export interface SectionContext {
  /** Undo steps (child processes, temp dirs) that run after the section, also on error or Ctrl-C. */
  cleanup: Cleanup;
  /** Prints a progress line (to stderr, so the report on stdout stays clean). */
  progress(message: string): void;
}

/** One independent benchmark, run by `npm run bench [-- <name>...]`. */
export interface Section {
  /** Kebab-case name used on the command line. */
  name: string;
  /** One line on what it measures. */
  description: string;
  run(ctx: SectionContext): Promise<Figures>;
}

/** Joins the figures of a section's parts into one report. */
export function mergeFigures(...parts: Figures[]): Figures {
  return {
    tables: parts.flatMap((part) => part.tables),
    aims: parts.flatMap((part) => part.aims ?? []),
    headlines: parts.flatMap((part) => part.headlines ?? []),
    notes: parts.flatMap((part) => part.notes ?? []),
  };
}
