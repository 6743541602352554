import { describe, expect, it } from 'vitest';
import { commandFor, contextsOf, footerText, KEYMAP, keyName } from './keymap.js';

describe('keymap', () => {
  it('names keys the way the table writes them', () => {
    expect(keyName('', { upArrow: true })).toBe('up');
    expect(keyName('', { tab: true, shift: true })).toBe('shift+tab');
    expect(keyName('c', { ctrl: true })).toBe('ctrl+c');
    expect(keyName(' ', {})).toBe('space');
    expect(keyName('G', { shift: true })).toBe('G');
    expect(keyName('', { return: true })).toBe('enter');
  });

  it('finds a command in the first context that binds the key', () => {
    expect(commandFor('q', ['global'])).toBe('quit');
    expect(commandFor('l', ['walkthrough', 'lists', 'global'])).toBe('step-next');
    expect(commandFor('l', ['lists', 'global'])).toBeUndefined();
    expect(commandFor('G', ['lists'])).toBe('bottom');
    expect(commandFor('g', ['lists'])).toBe('top');
  });

  it('binds every key at most once per context', () => {
    const seen = new Set<string>();
    for (const binding of KEYMAP) {
      for (const key of binding.keys) {
        const id = `${binding.context}|${key}`;
        expect(seen.has(id), id).toBe(false);
        seen.add(id);
      }
    }
  });

  it('writes the footer from the table, most specific context first, with help and quit at the end', () => {
    const footer = footerText(['global', 'lists', 'walkthrough'], 200);
    expect(footer.startsWith('→/l next step')).toBe(true);
    expect(footer).toContain('s sync');
    expect(footer.endsWith('? help  q/ctrl+c quit')).toBe(true);
  });

  it('cuts the footer to the width with an ellipsis and keeps help and quit', () => {
    const footer = footerText(['global', 'lists'], 60);
    expect(footer.length).toBeLessThanOrEqual(60);
    expect(footer).toContain('…');
    expect(footer.endsWith('q/ctrl+c quit')).toBe(true);
  });
});

describe('contextsOf', () => {
  it('offers enter only where it chooses: in the menus, not in the help or the alerts', () => {
    expect(contextsOf('picker', ['global'])).toEqual(['menu', 'overlay']);
    expect(contextsOf('help', ['global'])).toEqual(['overlay']);
    expect(footerText(contextsOf('notifications', ['global']), 100)).toBe('? help  q/ctrl+c quit');
    expect(footerText(contextsOf('settings', ['global']), 100)).toBe('enter choose  ? help  q/ctrl+c quit');
  });
});
