#!/usr/bin/env node
// `npm test`'s first half (and, without the type check, `npm run lint`): the type check, ESLint, Prettier and the
// dependency walls side by side, or the npm scripts named as arguments. Each waits on its own files and parsers, so on
// CI's 2 cores they take about 33 s together instead of 44 s one after another. Each check's output is printed whole,
// in this order, once all have ended; any failure fails the run and is named.
import { spawn } from 'node:child_process';

const CHECKS = process.argv.length > 2 ? process.argv.slice(2) : ['typecheck', 'lint:eslint', 'format:check', 'lint:deps'];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs one npm script, its stdout and stderr kept together; resolves with its exit code and output. */
function run(script) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    child.on('error', (error) => resolve({ script, code: 1, output: `${error.message}\n` }));
    child.on('close', (code) => resolve({ script, code: code ?? 1, output: Buffer.concat(chunks).toString() }));
  });
}

const results = await Promise.all(CHECKS.map(run));
for (const { script, code, output } of results) {
  process.stdout.write(`${code === 0 ? '✓' : '✗'} ${script}\n${output}`);
}
const failed = results.filter(({ code }) => code !== 0).map(({ script }) => script);
if (failed.length > 0) {
  console.error(`[booklab] Static checks failed: ${failed.join(', ')} (output above). Run \`npm run <check>\` to repeat one.`);
  process.exit(1);
}
