import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Inside node_modules, so that the bundle finds the packages it leaves out (express, lowdb, …) as the product does. */
const OUT_DIR = join(ROOT, 'node_modules', '.cache', 'booklab-bench');

/**
 * Compiles a bench script and the booklab code it imports into one JavaScript file with esbuild (the packages stay
 * outside, found in node_modules): the child then runs compiled code, as the `booklab` command runs its build.
 */
export async function compileChild(entry: string): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = join(OUT_DIR, `${entry.replace(/[^\w.-]+/g, '_')}.mjs`);
  await build({
    entryPoints: [join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  return outfile;
}

/** Runs `node <script> <args>` and returns what it printed on stdout; rejects with its stderr when it fails. */
export function runChild(script: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${script} exited with ${code}: ${err.slice(-2000)}`))));
  });
}
