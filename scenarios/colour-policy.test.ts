import { describe, expect, it } from 'vitest';
import { colourWanted } from './colour-policy.js';

// The policy as a table: the environment, whether the output is a terminal, and whether it is coloured.
const CASES: ReadonlyArray<[string, Record<string, string | undefined>, boolean, boolean]> = [
  ['a terminal, nothing set', {}, true, true],
  ['a pipe, nothing set', {}, false, false],
  ['NO_COLOR=1 on a terminal', { NO_COLOR: '1' }, true, false],
  ['an empty NO_COLOR does not count (no-color.org)', { NO_COLOR: '' }, true, true],
  ['NO_COLOR wins over FORCE_COLOR', { NO_COLOR: '1', FORCE_COLOR: '1' }, false, false],
  ['FORCE_COLOR=1 in a pipe', { FORCE_COLOR: '1' }, false, true],
  ['FORCE_COLOR=3 in a pipe', { FORCE_COLOR: '3' }, false, true],
  ['FORCE_COLOR=true in a pipe', { FORCE_COLOR: 'true' }, false, true],
  ['FORCE_COLOR=0 on a terminal', { FORCE_COLOR: '0' }, true, false],
  ['FORCE_COLOR=false on a terminal', { FORCE_COLOR: 'false' }, true, false],
  ['an empty FORCE_COLOR does not count', { FORCE_COLOR: '' }, false, false],
  ['TERM=dumb on a terminal', { TERM: 'dumb' }, true, false],
  ['FORCE_COLOR wins over TERM=dumb', { TERM: 'dumb', FORCE_COLOR: '1' }, false, true],
  ['TERM=xterm-256color on a terminal', { TERM: 'xterm-256color' }, true, true],
];

describe('colourWanted', () => {
  it.each(CASES)('%s', (_name, env, isTTY, coloured) => {
    expect(colourWanted({ env, isTTY })).toBe(coloured);
  });

  it('is off when the stream does not say it is a terminal', () => {
    expect(colourWanted({ env: {}, isTTY: undefined })).toBe(false);
  });
});
