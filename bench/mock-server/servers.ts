import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChildServer, type ChildServer } from '../child-server.js';
import type { Cleanup } from '../cleanup.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `booklab serve` on a data file, the way a developer runs the mock. */
export function startBooklab(dataFile: string, cleanup: Cleanup): Promise<ChildServer> {
  return startChildServer({
    name: 'booklab serve',
    args: [join(REPO_ROOT, 'bin/booklab.js'), 'serve', '--host', '127.0.0.1', '--port', '{port}', '--data', dataFile],
    readyPath: '/',
    cleanup,
    cwd: REPO_ROOT,
  });
}

/** Runs json-server 0.17's own CLI on a db.json; `--quiet` so its request logging to a pipe does not slow it down. */
export function startJsonServer(dbFile: string, cleanup: Cleanup): Promise<ChildServer> {
  const require = createRequire(import.meta.url);
  const bin = join(dirname(require.resolve('json-server/package.json')), 'lib/cli/bin.js');
  return startChildServer({
    name: 'json-server',
    args: [bin, dbFile, '--host', '127.0.0.1', '--port', '{port}', '--quiet'],
    readyPath: '/salesEntries?_limit=1',
    cleanup,
    cwd: dirname(dbFile),
  });
}

/** Runs a bare Express handler serving the list page saved in `pageFile` from memory (bare-express-server.ts). */
export function startBareExpress(pageFile: string, cleanup: Cleanup): Promise<ChildServer> {
  return startChildServer({
    name: 'bare Express',
    args: ['--import', 'tsx', join(REPO_ROOT, 'bench/mock-server/bare-express-server.ts'), pageFile, '{port}'],
    readyPath: '/page',
    cleanup,
    cwd: REPO_ROOT,
  });
}
