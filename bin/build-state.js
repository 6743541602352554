// Whether dist/ holds a build of the sources as they are now. Plain JavaScript, so that the launcher can ask it
// before anything is compiled. Checked on every start, so it must stay cheap: one stat per source file, and a
// file is read and hashed only when its size or modification time differs from what the build recorded.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the build records the sources it was made from, inside the build's own directory. */
export const STAMP = join('dist', '.sources.json');

/** The configs of the build; what it compiles is the TypeScript in the directories of the second one's `include`, tests excluded. */
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json'];
/** The packages the build bundled (bin/bundle.js), as installed: a changed lockfile makes the bundle's copies old. */
const LOCKFILE = 'package-lock.json';
const SOURCE = /\.tsx?$/;
const TEST = /\.test\.tsx?$/;

/** The source files of the build, as paths relative to `root` with forward slashes, sorted. */
export function sourceFiles(root) {
  const files = [...CONFIGS, ...(existsSync(join(root, LOCKFILE)) ? [LOCKFILE] : [])];
  const walk = (dir) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (SOURCE.test(entry.name) && !TEST.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
    }
  };
  for (const dir of JSON.parse(readFileSync(join(root, CONFIGS[1]), 'utf8')).include) walk(dir);
  return files.sort();
}

const hashOf = (file) => createHash('sha1').update(readFileSync(file)).digest('hex');

/** Size, modification time and content hash of every source file, as the build records them. */
export function fingerprint(root) {
  const files = {};
  for (const path of sourceFiles(root)) {
    const file = join(root, path);
    const { size, mtimeMs } = statSync(file);
    files[path] = { size, mtimeMs, sha1: hashOf(file) };
  }
  return { version: 1, files };
}

/** Records the fingerprint the build was made from (taken before compiling, so an edit made meanwhile counts as a change). */
export function writeStamp(root, sources) {
  writeFileSync(join(root, STAMP), `${JSON.stringify(sources)}\n`);
}

/**
 * The state of the build in `root`: `none` (no build, or one that never finished), `fresh`, or `stale` with the
 * source files added, changed or removed since it was made.
 */
export function buildState(root) {
  const stampFile = join(root, STAMP);
  if (!existsSync(stampFile)) return { state: 'none' };
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(stampFile, 'utf8')).files;
  } catch {
    return { state: 'none' };
  }
  const changed = [];
  const now = sourceFiles(root);
  for (const path of now) {
    const before = recorded[path];
    if (!before) {
      changed.push(path);
      continue;
    }
    const file = join(root, path);
    const { size, mtimeMs } = statSync(file);
    // A touched file (a checkout, an editor's save without changes) is compared by content before it counts.
    if (size !== before.size || (mtimeMs !== before.mtimeMs && hashOf(file) !== before.sha1)) changed.push(path);
  }
  const present = new Set(now);
  for (const path of Object.keys(recorded)) if (!present.has(path)) changed.push(path);
  return changed.length ? { state: 'stale', changed } : { state: 'fresh' };
}
