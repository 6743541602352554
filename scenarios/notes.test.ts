import { describe, expect, it } from 'vitest';
import { note, Notebook } from './notes.js';
import { StepFailure } from './scenario.js';

const DELINK_DATE = note<string>('the delink date');
const WRITTEN = note<number[]>('the numbers written down');

describe('Notebook', () => {
  it('reads back what was written, under the note it was written as', () => {
    const notes = new Notebook();
    notes.write(DELINK_DATE, '2026-02-10');
    expect(notes.read(DELINK_DATE)).toBe('2026-02-10');
    // Another note with the same label is another note.
    expect(notes.has(note<string>('the delink date'))).toBe(false);
  });

  it('fails the step, naming the note, when it was never written down', () => {
    const read = () => new Notebook().read(DELINK_DATE);
    expect(read).toThrow(StepFailure);
    expect(read).toThrow('Nothing was written down as the delink date: the step that writes it down did not run.');
  });

  it('copies deeply, so going back in a walkthrough restores what was written then', () => {
    const notes = new Notebook();
    notes.write(WRITTEN, [1003]);
    const copy = notes.copy();
    notes.read(WRITTEN).push(1004);
    notes.write(DELINK_DATE, '2026-02-17');
    expect(copy.read(WRITTEN)).toEqual([1003]);
    expect(copy.has(DELINK_DATE)).toBe(false);
  });
});
