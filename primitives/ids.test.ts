import { describe, expect, it } from 'vitest';
import { guidFor } from './ids.js';

describe('ids', () => {
  it('gives the same version-4-shaped GUID for the same counter on every run, and another for the next', () => {
    expect(guidFor(1)).toBe('11394692-e451-403a-9cae-dd11a25d3de2');
    expect(guidFor(2)).toBe('e740ce13-0c5d-4d62-8e2e-e9fd561a2260');
    expect(guidFor(3)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives the same GUID when asked again, on either side of the GUIDs it keeps', () => {
    for (let round = 0; round < 2; round += 1) {
      expect(guidFor(1)).toBe('11394692-e451-403a-9cae-dd11a25d3de2');
      expect(guidFor(4095)).toBe('18a95013-9187-4fee-af17-62a75688254e');
      expect(guidFor(4096)).toBe('c6f2ecea-1a58-4af2-bd30-740619c969af');
    }
  });

  it('gives a distinct GUID to each of the first 4,200 counters, each the same when asked again', () => {
    const first = Array.from({ length: 4_200 }, (_, n) => guidFor(n));
    expect(new Set(first).size).toBe(4_200);
    expect(Array.from({ length: 4_200 }, (_, n) => guidFor(n))).toEqual(first);
  });
});
