import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../scenarios/catalogue/index.js';

// docs/rules.md is the one source of the rule, procedure and invariant ids (R1…, P-…, I1…): every id the code,
// the tests or a scenario cites must be defined there, in the project's own words.

const ROOT = new URL('..', import.meta.url).pathname;
const SOURCE_DIRS = ['bin', 'bench', 'core', 'mock-accounting', 'primitives', 'scenarios', 'test', 'tui'];
const ID = /\b(?:R\d{1,2}|I\d|P-[a-z]+)\b/g;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory() ? sourceFiles(join(dir, e.name)) : Promise.resolve(/\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []),
    ),
  );
  return nested.flat();
}

/** The ids docs/rules.md defines: the bold `**R7**` that starts each definition. */
async function definedIds(): Promise<Set<string>> {
  const text = await readFile(join(ROOT, 'docs/rules.md'), 'utf8');
  return new Set([...text.matchAll(/^- \*\*((?:R\d{1,2}|I\d|P-[a-z]+))\*\*/gm)].map((m) => m[1]!));
}

describe('docs/rules.md', () => {
  it('defines every rule, procedure and invariant id used in the code and tests', async () => {
    const defined = await definedIds();
    const undefinedIds: string[] = [];
    for (const file of (await Promise.all(SOURCE_DIRS.map((d) => sourceFiles(join(ROOT, d))))).flat()) {
      for (const id of new Set((await readFile(file, 'utf8')).match(ID) ?? []))
        if (!defined.has(id)) undefinedIds.push(`${id} in ${relative(ROOT, file)}`);
    }
    expect(undefinedIds).toEqual([]);
    expect(defined.size).toBe(24 + 3 + 8);
  });

  it('defines every id a scenario cites in its rules', async () => {
    const defined = await definedIds();
    const cited = CATALOGUE.flatMap((s) => s.rules.map((id) => ({ scenario: s.id, id })));
    expect(cited.filter(({ id }) => !defined.has(id))).toEqual([]);
  });

  it('is what the README links to, never a folder outside the clone', async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('](docs/rules.md)');
    expect(readme).not.toMatch(/\]\(\.\.\//);
  });
});
