import { StepFailure } from './step-failure.js';

/** A value the person writes down (on paper, as the articles say), under a name that says what it is. */
export interface Note<T> {
  /** How the narration and a failure name it: "the delink date". */
  readonly label: string;
  /** Only carries the type; never set. */
  readonly type?: T;
}

/**
 * Declares a note once, at module level (a note is known by its identity, not its label).
 * @example const DELINK_DATE = note<string>('the delink date');
 */
export function note<T>(label: string): Note<T> {
  return Object.freeze({ label });
}

/**
 * The person's paper: what a step writes down, read back by the steps that need it. Reading a note that was
 * never written fails the step and names it, so leaving out the step that writes it down is caught.
 */
export class Notebook {
  private readonly values: Map<Note<unknown>, unknown>;

  constructor(values?: Map<Note<unknown>, unknown>) {
    this.values = values ?? new Map();
  }

  /** Writes `value` down under `note` (replacing what was there) and returns it. */
  write<T>(note: Note<T>, value: T): T {
    this.values.set(note, value);
    return value;
  }

  /** The value written down under `note`; fails the step when nothing was. */
  read<T>(note: Note<T>): T {
    if (!this.values.has(note))
      throw new StepFailure(`Nothing was written down as ${note.label}: the step that writes it down did not run.`);
    return this.values.get(note) as T;
  }

  /** True when something was written down under `note`. */
  has(note: Note<unknown>): boolean {
    return this.values.has(note);
  }

  /** A copy that later writes do not change (the walkthrough keeps one per step to go back to). */
  copy(): Notebook {
    return new Notebook(new Map([...this.values].map(([key, value]) => [key, structuredClone(value)])));
  }
}
