import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { WriteAt } from '../../mock-accounting/index.js';
import type { Problem, Result } from '../../primitives/index.js';

const run = promisify(execFile);

/** A disk with room for a set number of bytes, injected as the store's write function. */
export interface FullDisk {
  writeAt: WriteAt;
  /** Leaves room for `bytes` more bytes from now on (Infinity: unlimited again). */
  room(bytes: number): void;
  /** Writes that failed or were cut short so far. */
  readonly refusals: number;
}

/**
 * Simulates a disk filling up: writes go through until the room is used, the one that crosses it is cut short
 * (as write(2) does), and the ones after fail with ENOSPC. Writes matching `only` are the only ones counted.
 */
export function fullDisk({ only = () => true }: { only?: (path: string) => boolean } = {}): FullDisk {
  let room = Number.POSITIVE_INFINITY;
  let refusals = 0;
  return {
    async writeAt(handle, bytes, position, path) {
      if (!only(path)) return (await handle.write(bytes, 0, bytes.length, position)).bytesWritten;
      if (room <= 0) {
        refusals += 1;
        throw Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), { code: 'ENOSPC' });
      }
      const length = Math.min(bytes.length, room);
      if (length < bytes.length) refusals += 1;
      const { bytesWritten } = await handle.write(bytes, 0, length, position);
      room -= bytesWritten;
      return bytesWritten;
    },
    room(bytes) {
      room = bytes;
    },
    get refusals() {
      return refusals;
    },
  };
}

/** A small tmpfs mounted for a test, or why it cannot be (not root, no mount in this sandbox). */
export type Tmpfs = Result<{ path: string; unmount(): Promise<void> }, Problem<'cannot_mount'>>;

/** Mounts a tmpfs of `size` (mount's notation: `256k`) at `dir`/tmpfs: a real disk that fills up. */
export async function mountTmpfs(dir: string, size: string): Promise<Tmpfs> {
  const path = join(dir, 'tmpfs');
  await mkdir(path);
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', path]);
  } catch (error) {
    return {
      ok: false,
      problem: {
        code: 'cannot_mount',
        message: `cannot mount a tmpfs here (${(error as Error).message.trim().split('\n').at(-1)}); the injected full disk covers the same ground`,
      },
    };
  }
  // Lazily: a server the test could not stop yet may still hold files there.
  return { ok: true, value: { path, unmount: () => run('umount', ['-l', path]).then(() => {}) } };
}
