#!/usr/bin/env node
// The booklab command. It runs the JavaScript build in dist/ (made by `npm install` through `prepare`, or by
// `npm run build`). Without a build, or when a source changed after it, it runs the TypeScript sources through
// tsx instead, which starts slower; for a changed source it says so, since the build would be stale.
import { fileURLToPath } from 'node:url';
import { buildState } from './build-state.js';
import { applyHeapPolicy } from './heap-policy.js';

applyHeapPolicy();

// React and Ink run their development builds (extra checks, several times slower to render) unless told
// otherwise; a command-line tool is production unless the person running it says differently.
process.env.NODE_ENV ??= 'production';

const root = fileURLToPath(new URL('..', import.meta.url));
const build = process.env.BOOKLAB_FROM_SOURCES ? { state: 'skipped' } : buildState(root);
let main;
if (build.state === 'fresh') {
  ({ main } = await import('../dist/bin/program.js'));
} else {
  if (build.state === 'stale') {
    const shown = build.changed.slice(0, 3).join(', ') + (build.changed.length > 3 ? ` and ${build.changed.length - 3} more` : '');
    console.error(
      `[booklab] The build in dist/ is older than the sources (${shown} changed), so booklab runs the sources through tsx (a slower start). Run \`npm run build\` to start from the build again.`,
    );
  }
  const { register } = await import('tsx/esm/api');
  // The project's tsconfig by path, not the one tsx finds from the working directory: run from anywhere
  // else, the dashboard's JSX would compile without React's automatic runtime ("React is not defined").
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
  ({ main } = await import('./program.ts'));
}
process.exitCode = await main(process.argv);
