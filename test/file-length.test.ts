// One concept per file: a product file past 250 lines says why on its first line (`// Over 250 lines: …`), so a reviewer
// sees the reason before the length. Tests, test support and the bench are exempt.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const LIMIT = 250;
const REASON = /^\/\/ Over 250 lines: \S.{15,}/;

/** The product's source files that git knows of (tracked or new), tests left out. */
function productFiles(): string[] {
  const listed = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '--', 'primitives', 'core', 'mock-accounting', 'scenarios', 'tui', 'bin'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  return [...new Set(listed.split('\n'))].filter((path) => /\.(ts|tsx|js)$/.test(path) && !/\.test\.tsx?$/.test(path));
}

describe('file length', () => {
  it(`gives every product file over ${LIMIT} lines a one-line reason at its top`, () => {
    const unexplained = productFiles().flatMap((path) => {
      const text = readFileSync(`${root}${path}`, 'utf8');
      const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
      const first = text.slice(0, text.indexOf('\n'));
      return lines > LIMIT && !REASON.test(first.startsWith('#!') ? text.split('\n')[1]! : first) ? [`${path} (${lines} lines)`] : [];
    });
    expect(unexplained, 'split these files by concept, or say on their first line "// Over 250 lines: <why>"').toEqual([]);
  });
});
