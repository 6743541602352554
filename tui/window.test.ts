import { describe, expect, it } from 'vitest';
import { clampSelection, follow, positionLabel, windowOf } from './window.js';

describe('window', () => {
  it('shows the rows that fit and keeps the selection in view', () => {
    expect(windowOf({ length: 10_000, height: 10, scroll: 0, selected: 42 })).toEqual({ start: 33, end: 43 });
    expect(windowOf({ length: 3, height: 10, scroll: 5, selected: 2 })).toEqual({ start: 0, end: 3 });
  });

  it('clamps the selection and the scroll to the list', () => {
    expect(clampSelection(12, 5)).toBe(4);
    expect(clampSelection(-1, 5)).toBe(0);
    expect(clampSelection(3, 0)).toBe(0);
    expect(follow(90, 95, 10, 50)).toBe(40);
  });

  it('labels the position', () => {
    expect(positionLabel({ start: 11, end: 24 }, 310)).toBe('12–24 of 310');
    expect(positionLabel({ start: 0, end: 0 }, 0)).toBe('empty');
  });
});
