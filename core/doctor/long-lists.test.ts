import { describe, expect, it } from 'vitest';
import { longListInWords, numbersInWords } from './long-lists.js';

const range = (from: number, to: number) => Array.from({ length: Math.abs(to - from) + 1 }, (_, i) => (from < to ? from + i : from - i));

describe('long lists in a plan read aloud', () => {
  it('names up to twelve items one by one, as before', () => {
    expect(numbersInWords([1003])).toBe('1003');
    expect(numbersInWords([1005, 1004, 1003])).toBe('1005, 1004 and 1003');
    expect(numbersInWords(range(1012, 1001))).toBe('1012, 1011, 1010, 1009, 1008, 1007, 1006, 1005, 1004, 1003, 1002 and 1001');
    expect(longListInWords(['invoice 2026/3', 'invoice 2026/4'])).toBe('invoice 2026/3 and invoice 2026/4');
  });

  it('tells thousands of booking numbers by their runs and count, highest first as deleted', () => {
    expect(numbersInWords(range(10999, 5901))).toBe('10999 down to 5901 (5,099 in all)');
    expect(numbersInWords([...range(10999, 10990), 8004, 8003, 8002, 8001])).toBe('10999 down to 10990 and 8004 down to 8001 (14 in all)');
    expect(numbersInWords([...range(1, 11), 20, 31, 32])).toBe('1 to 11, 20, 31 and 32 (14 in all)');
  });

  it('tells a long list without runs by its ends and count', () => {
    const odd = range(1, 40).filter((n) => n % 2 === 1);
    expect(numbersInWords(odd)).toBe('1, 3, 5, … and 39 (20 in all)');
    const documents = range(4901, 4920).map((n) => `invoice 2026/${n}`);
    expect(longListInWords(documents, (items) => items.join('; '))).toBe(
      'invoice 2026/4901; invoice 2026/4902; invoice 2026/4903; …; invoice 2026/4920 (20 in all)',
    );
  });
});
