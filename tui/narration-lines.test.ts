import { describe, expect, it } from 'vitest';
import { narrationLines, wrapWords } from './narration-lines.js';

describe('narrationLines', () => {
  it('puts each warning sentence on lines of its own, marked ⚠, and keeps every word', () => {
    const text =
      "Click 'Deactivate' and fill in the delink date 2026-02-19: every invoice and credit note from that date on is reset (2026/3). " +
      'Do NOT delink the contacts and companies: the slider stays off.';
    const lines = narrationLines(text, 40);
    expect(lines.filter((l) => l.tone === 'warn').map((l) => l.text)).toEqual([
      '⚠ Do NOT delink the contacts and',
      '  companies: the slider stays off.',
    ]);
    expect(lines.every((l) => l.text.length <= 40)).toBe(true);
    expect(
      lines
        .map((l) => l.text)
        .join(' ')
        .replace(/[⚠\s]+/g, ' ')
        .trim(),
    ).toBe(text.replace(/\s+/g, ' '));
  });

  it("marks the articles' shouted and quiet warnings alike", () => {
    const lines = narrationLines('Fill in the journals. DO NOT import companies/contacts in this step. Sync again.', 200);
    expect(lines).toEqual([
      { text: 'Fill in the journals.', tone: 'plain' },
      { text: '⚠ DO NOT import companies/contacts in this step.', tone: 'warn' },
      { text: 'Sync again.', tone: 'plain' },
    ]);
  });

  it('draws a failure or a changed line in its tone, without warning lines', () => {
    expect(narrationLines('Changed: do not care ◆', 80, 'changed')).toEqual([{ text: 'Changed: do not care ◆', tone: 'changed' }]);
  });
});

describe('wrapWords', () => {
  it('wraps at word ends and cuts a word longer than a line', () => {
    expect(wrapWords('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
    expect(wrapWords('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapWords('', 4)).toEqual(['']);
  });
});
