import { describe, expect, it } from 'vitest';
import type { NarrationLine } from './narration-lines.js';
import { narrationWindow } from './walkthrough-panel.js';

const plain = (text: string): NarrationLine => ({ text, tone: 'plain' });
const warn = (text: string): NarrationLine => ({ text, tone: 'warn' });

describe('narrationWindow', () => {
  it('shows a narration that fits whole, with nothing to scroll', () => {
    expect(narrationWindow([plain('a'), plain('b')], 3, 5)).toEqual({ shown: [plain('a'), plain('b')], scroll: 0, maxScroll: 0, below: 0 });
  });

  it('keeps a row for the ▼ line and says how many lines are below', () => {
    const lines = ['a', 'b', 'c', 'd', 'e'].map(plain);
    expect(narrationWindow(lines, 3, 0)).toMatchObject({ shown: [plain('a'), plain('b')], below: 3, maxScroll: 3 });
    expect(narrationWindow(lines, 3, 99)).toMatchObject({ shown: [plain('d'), plain('e')], scroll: 3, below: 0 });
  });

  it('never cuts a warning at the bottom: it starts the next page instead', () => {
    const lines = [plain('a'), plain('b'), warn('⚠ DO NOT import'), warn('  companies/contacts'), plain('c')];
    const first = narrationWindow(lines, 4, 0);
    expect(first.shown).toEqual([plain('a'), plain('b')]);
    expect(first.below).toBe(3);
    const next = narrationWindow(lines, 4, first.shown.length - 1);
    expect(next.shown).toEqual([plain('b'), warn('⚠ DO NOT import'), warn('  companies/contacts')]);
  });
});
