import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
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

// The colour policy reads these: a child's output is plain (it is a pipe) unless the test sets them itself, even
// when the run's own environment forces colour (as some CI services do).
const { NO_COLOR: _noColor, FORCE_COLOR: _forceColor, ...INHERITED } = process.env;

/**
 * Runs `node bin/booklab.js …args` to its end. A child still running after `timeoutMs` is killed and the
 * promise rejects with what it printed, so a hung CLI fails its test instead of the run.
 */
export async function runCli(
  args: string[],
  { timeoutMs = 45_000, env = {}, cwd = ROOT }: { timeoutMs?: number; env?: Record<string, string>; cwd?: string } = {},
): Promise<CliRun> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...INHERITED, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
    if (signal === 'SIGKILL')
      throw new Error(
        `booklab ${args.join(' ')} did not finish within ${timeoutMs} ms and was killed.\nstdout:\n${stdout}\nstderr:\n${stderr}`,
      );
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

/** A running `booklab serve` child and the base URL it printed. */
export interface ServedCli {
  child: ChildProcess;
  url: string;
  /** What it has printed to stderr so far. */
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `booklab serve …args` and resolves once it printed its URL (its one line on stdout); rejects with its
 * stderr when it exits first or takes longer than `timeoutMs`. The caller stops it (SIGTERM or SIGKILL).
 */
export async function startServeCli(
  args: string[],
  { timeoutMs = 15_000, cwd = ROOT }: { timeoutMs?: number; cwd?: string } = {},
): Promise<ServedCli> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => {
      live.delete(child);
      resolve({ code, signal });
    }),
  );
  const firstLine = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    void exited.then(({ code, signal }) =>
      reject(new Error(`booklab serve exited (${code ?? signal}) before printing its URL: ${stderr}`)),
    );
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`booklab serve printed no URL within ${timeoutMs} ms (stderr: ${stderr})`)), timeoutMs);
  });
  try {
    const url = await Promise.race([firstLine, timeout]);
    return { child, url, stderr: () => stderr, exited };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
