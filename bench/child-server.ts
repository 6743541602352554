import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import type { Cleanup } from './cleanup.js';
import { processCpuMs } from './process-cpu.js';

/** A server running in its own Node process, so it has a core of its own and the load generator does not share its event loop. */
export interface ChildServer {
  /** Base URL on 127.0.0.1. */
  url: string;
  /** CPU time the process has used so far, in ms; undefined when it cannot be read (not Linux). */
  cpuMs(): number | undefined;
  /** Stops the process (SIGTERM, then SIGKILL after a grace period). */
  stop(): Promise<void>;
}

/** Options for {@link startChildServer}. */
export interface ChildServerOptions {
  /** Name used in error messages. */
  name: string;
  /** Script and arguments for `node`; `{port}` in an argument is replaced by the chosen port. */
  args: string[];
  /** A path answered once the server is up (any HTTP status below 500). */
  readyPath: string;
  cleanup: Cleanup;
  cwd?: string;
  readyTimeoutMs?: number;
}

const OUTPUT_TAIL_CHARS = 2_000;
const STOP_GRACE_MS = 15_000;

/** Starts `node <args>` on a free port of 127.0.0.1 and resolves once it answers; it is stopped at cleanup. */
export async function startChildServer({
  name,
  args,
  readyPath,
  cleanup,
  cwd,
  readyTimeoutMs = 30_000,
}: ChildServerOptions): Promise<ChildServer> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    args.map((arg) => arg.replaceAll('{port}', String(port))),
    {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const keepTail = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on('data', keepTail);
  child.stderr?.on('data', keepTail);
  const stop = () => stopChild(child);
  cleanup.defer(stop);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(child, `${url}${readyPath}`, readyTimeoutMs);
  } catch (error) {
    throw new Error(`[bench] ${name} did not start: ${(error as Error).message}\n${output}`, { cause: error });
  }
  return { url, stop, cpuMs: () => processCpuMs(child.pid) };
}

async function waitUntilAnswering(child: ChildProcess, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`it exited (${child.exitCode ?? child.signalCode}).`);
    const status = await fetch(url).then(
      async (response) => {
        await response.arrayBuffer();
        return response.status;
      },
      () => 0,
    );
    if (status > 0 && status < 500) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no answer on ${url} within ${timeoutMs} ms.`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const force = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(force);
}

/** A port that is free right now (the OS picks it); the child binds it a moment later. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
