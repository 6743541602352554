import { fileURLToPath } from 'node:url';
import { buildState } from '../../bin/build-state.js';

/**
 * Runs once before the test files. The tests check the sources as they are: when the build in dist/ is older than
 * them, the `booklab` processes the tests start run the sources (as the launcher would, but without its notice on
 * stderr, which tests of the output would trip on). test/build.test.ts covers the launcher's choice itself.
 */
export default function setup(): void {
  if (buildState(fileURLToPath(new URL('../..', import.meta.url))).state === 'stale') process.env.BOOKLAB_FROM_SOURCES = '1';
}
