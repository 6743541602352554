import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cleanup } from './cleanup.js';

/** Creates a fresh directory under the system temp dir, removed again at cleanup. */
export async function tempDir(cleanup: Cleanup, prefix = 'booklab-bench-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  cleanup.defer(() => rm(dir, { recursive: true, force: true }));
  return dir;
}
