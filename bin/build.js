#!/usr/bin/env node
// `npm run build` (and `prepare`, so `npm install` and `npm ci` run it): compiles the TypeScript sources into dist/
// with tsconfig.build.json, then records what they were, so that bin/booklab.js can tell a build from a stale one.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fingerprint, writeStamp } from './build-state.js';
import { bundleProgram } from './bundle.js';

const root = fileURLToPath(new URL('..', import.meta.url));
let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  // An install without dev dependencies: booklab then runs its sources through tsx, which is a dependency.
  console.error(
    '[booklab] No build: TypeScript is not installed (dev dependencies left out?). booklab runs its sources through tsx instead; `npm install` with dev dependencies builds it.',
  );
  process.exit(0);
}
// Taken before compiling: a source edited while tsc runs then counts as changed since the build.
const sources = fingerprint(root);
// A fresh directory, so that no module of a deleted source survives in the build.
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const compiled = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (compiled.status !== 0) {
  console.error(
    '[booklab] The build failed (see the errors above); bin/booklab.js runs the sources through tsx until it succeeds. Fix them and run `npm run build`.',
  );
  process.exit(compiled.status ?? 1);
}
await bundleProgram(root);
writeStamp(root, sources);
