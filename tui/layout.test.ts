import { describe, expect, it } from 'vitest';
import { layoutFor } from './layout.js';
import { COLOUR_THEME, MONOCHROME_THEME, pickTheme } from './theme.js';

describe('layoutFor', () => {
  it('lays panes side by side from 100×30, one at a time from 80×24, and refuses below', () => {
    expect(layoutFor({ columns: 100, rows: 30 }).kind).toBe('standard');
    expect(layoutFor({ columns: 99, rows: 40 }).kind).toBe('compact');
    expect(layoutFor({ columns: 80, rows: 24 }).kind).toBe('compact');
    expect(layoutFor({ columns: 79, rows: 24 })).toMatchObject({ kind: 'too-small', message: 'Terminal too small: 79×24 — needs 80×24' });
  });

  it('fits header, panes, panel and footer in rows - 1', () => {
    for (const size of [
      { columns: 100, rows: 30 },
      { columns: 80, rows: 24 },
      { columns: 200, rows: 60 },
    ]) {
      for (const walkthrough of [false, true]) {
        const layout = layoutFor(size, { walkthrough });
        if (layout.kind === 'too-small') throw new Error('unexpected');
        expect(1 + layout.paneHeight + layout.panelHeight + 1).toBeLessThanOrEqual(size.rows - 1);
        expect(layout.listHeight).toBeGreaterThan(0);
      }
    }
  });
});

describe('layoutFor with a long narration', () => {
  it('grows the walkthrough pane with its narration while the lists keep three rows, at 100×30 and 80×24', () => {
    for (const size of [
      { columns: 100, rows: 30 },
      { columns: 80, rows: 24 },
    ]) {
      const short = layoutFor(size, { walkthrough: true, narration: 2 });
      const long = layoutFor(size, { walkthrough: true, narration: 12 });
      const huge = layoutFor(size, { walkthrough: true, narration: 60 });
      if (short.kind === 'too-small' || long.kind === 'too-small' || huge.kind === 'too-small') throw new Error('unexpected');
      expect(long.panelHeight).toBeGreaterThan(short.panelHeight);
      expect(huge.listHeight).toBe(3);
      expect(1 + huge.paneHeight + huge.panelHeight + 1).toBe(size.rows - 1);
    }
    const compact = layoutFor({ columns: 80, rows: 24 }, { walkthrough: true, narration: 6 });
    if (compact.kind === 'too-small') throw new Error('unexpected');
    expect(compact.narrationLines).toBe(6);
    expect(compact.narrationWidth).toBe(78);
  });
});

describe('pickTheme', () => {
  it('goes monochrome for NO_COLOR, FORCE_COLOR=0, --no-color and TERM=dumb, as the reporters do', () => {
    expect(pickTheme({ env: {} })).toBe(COLOUR_THEME);
    expect(pickTheme({ env: { NO_COLOR: '1' } })).toBe(MONOCHROME_THEME);
    // no-color.org: an empty NO_COLOR does not count.
    expect(pickTheme({ env: { NO_COLOR: '' } })).toBe(COLOUR_THEME);
    expect(pickTheme({ env: { FORCE_COLOR: '0' } })).toBe(MONOCHROME_THEME);
    expect(pickTheme({ env: { TERM: 'dumb' } })).toBe(MONOCHROME_THEME);
    expect(pickTheme({ env: { TERM: 'dumb', FORCE_COLOR: '1' } })).toBe(COLOUR_THEME);
    expect(pickTheme({ env: {}, isTTY: false })).toBe(MONOCHROME_THEME);
    expect(pickTheme({ env: { FORCE_COLOR: '1' }, noColorFlag: true })).toBe(MONOCHROME_THEME);
    expect(Object.values(MONOCHROME_THEME.roles).every((style) => style.color === undefined)).toBe(true);
  });
});
