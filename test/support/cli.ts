import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/** The real `booklab` command. */
export const BIN = fileURLToPath(new URL('../../bin/booklab.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** How a `booklab` child process ended and what it printed. */
export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const live = new Set<ChildProcess>();

/**
 * Runs `node bin/booklab.js …args` to its end. A child still running after `timeoutMs` is killed and the
 * promise rejects with what it printed, so a hung CLI fails its test instead of the run.
 */
export async function runCli(
  args: string[],
  { timeoutMs = 45_000, env = {}, cwd = ROOT }: { timeoutMs?: number; env?: Record<string, string>; cwd?: string } = {},
): Promise<CliRun> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
    if (signal === 'SIGKILL') throw new Error(`booklab ${args.join(' ')} did not finish within ${timeoutMs} ms and was killed.\nstdout:\n${stdout}\nstderr:\n${stderr}`);
    return { code, signal, stdout, stderr };
  } finally {
    clearTimeout(timer);
    live.delete(child);
  }
}

/** Kills every child {@link runCli} started that is still running (for afterEach, after a test timed out). */
export async function killLeftoverChildren(): Promise<void> {
  await Promise.all(
    [...live].map(async (child) => {
      const closed = once(child, 'close');
      child.kill('SIGKILL');
      await closed;
      live.delete(child);
    }),
  );
}
