import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { editPackageSource } from './bundle.js';

// The bundle's edits of Ink (issue 16: its text caches last across frames): they must still apply to the Ink installed,
// or an upgrade would silently bring back a redraw of every line on screen per key.
// Ink's package exports only its entry, build/index.js: its other files sit beside it.
const inkBuild = dirname(fileURLToPath(import.meta.resolve('ink')));

describe('the bundle edits Ink so that its text caches last across frames', () => {
  it("keeps one Output's caches for every frame, bounded", async () => {
    const path = join(inkBuild, 'output.js');
    const edited = editPackageSource(path, await readFile(path, 'utf8'));
    expect(edited?.unchanged).toBeUndefined();
    expect(edited?.contents).toContain('caches = sharedCaches;');
    expect(edited?.contents).toContain('const sharedCaches = new OutputCaches();\nexport default class Output {');
    expect(edited?.contents.match(/if \(this\.\w+\.size > 20000\) this\.\w+\.clear\(\);/g)).toHaveLength(3);
  });

  it("measures a text node's width through Ink's measureText cache", async () => {
    const path = join(inkBuild, 'render-node-to-output.js');
    const edited = editPackageSource(path, await readFile(path, 'utf8'));
    expect(edited?.contents).toContain("import measureText from './measure-text.js';");
    expect(edited?.contents).not.toContain("from 'widest-line'");
  });

  it('says which edit no longer applies, and leaves other files alone', () => {
    expect(editPackageSource('/x/node_modules/ink/build/output.js', 'export default class Output {}')).toEqual({
      unchanged: expect.stringContaining('no longer reads as bin/bundle.js expects'),
      cost: 'and the dashboard redraws slower',
    });
    expect(editPackageSource('/x/node_modules/ink/build/ink.js', 'anything')).toBeUndefined();
  });
});

// Yoga reads its WebAssembly through fetch() when there is one, and Node's fetch loads undici on first use (issue 16).
describe('the bundle edits Yoga so that it loads without fetch', () => {
  const yogaBinary = join(dirname(fileURLToPath(import.meta.resolve('yoga-layout'))), '..', 'binaries', 'yoga-wasm-base64-esm.js');

  /** Loads Yoga's WebAssembly from `text` (its binaries module), counting the calls of the global fetch meanwhile. */
  async function loadWith(text: string): Promise<{ fetched: number; loaded: boolean }> {
    const dir = await mkdtemp(join(tmpdir(), 'booklab-yoga-'));
    const realFetch = globalThis.fetch;
    let fetched = 0;
    globalThis.fetch = (...args: Parameters<typeof fetch>) => {
      fetched += 1;
      return realFetch(...args);
    };
    try {
      const file = join(dir, 'yoga.mjs');
      await writeFile(file, text);
      const { default: loadYoga } = (await import(pathToFileURL(file).href)) as { default: () => Promise<{ HEAPU8: Uint8Array }> };
      const yoga = await loadYoga();
      return { fetched, loaded: yoga.HEAPU8.length > 0 };
    } finally {
      globalThis.fetch = realFetch;
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('reads the WebAssembly without calling fetch, where the package as published calls it', async () => {
    const text = await readFile(yogaBinary, 'utf8');
    const edited = editPackageSource(yogaBinary, text);
    expect(edited?.unchanged).toBeUndefined();
    expect(await loadWith(edited!.contents!)).toEqual({ fetched: 0, loaded: true });
    expect((await loadWith(text)).fetched).toBe(1);
  });
});
