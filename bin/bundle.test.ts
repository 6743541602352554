import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { editInkSource } from './bundle.js';

// The bundle's edits of Ink (issue 16: its text caches last across frames): they must still apply to the Ink installed,
// or an upgrade would silently bring back a redraw of every line on screen per key.
// Ink's package exports only its entry, build/index.js: its other files sit beside it.
const inkBuild = dirname(fileURLToPath(import.meta.resolve('ink')));

describe('the bundle edits Ink so that its text caches last across frames', () => {
  it("keeps one Output's caches for every frame, bounded", async () => {
    const path = join(inkBuild, 'output.js');
    const edited = editInkSource(path, await readFile(path, 'utf8'));
    expect(edited?.unchanged).toBeUndefined();
    expect(edited?.contents).toContain('caches = sharedCaches;');
    expect(edited?.contents).toContain('const sharedCaches = new OutputCaches();\nexport default class Output {');
    expect(edited?.contents.match(/if \(this\.\w+\.size > 20000\) this\.\w+\.clear\(\);/g)).toHaveLength(3);
  });

  it("measures a text node's width through Ink's measureText cache", async () => {
    const path = join(inkBuild, 'render-node-to-output.js');
    const edited = editInkSource(path, await readFile(path, 'utf8'));
    expect(edited?.contents).toContain("import measureText from './measure-text.js';");
    expect(edited?.contents).not.toContain("from 'widest-line'");
  });

  it('says which edit no longer applies, and leaves other files alone', () => {
    expect(editInkSource('/x/node_modules/ink/build/output.js', 'export default class Output {}')).toEqual({
      unchanged: expect.stringContaining('no longer reads as bin/bundle.js expects'),
    });
    expect(editInkSource('/x/node_modules/ink/build/ink.js', 'anything')).toBeUndefined();
  });
});
