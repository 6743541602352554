import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { appendFile, mkdtemp, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A fresh clone is built the way `npm install` and `npm ci` build it (the `prepare` script), and bin/booklab.js
// runs that build; once a source changes, it says so and runs the sources instead of the stale build.
// By default the clone borrows this checkout's node_modules and runs only `npm run prepare`, which keeps the test
// within the suite's time. BOOKLAB_TEST_NPM_CI=1 runs the whole `npm ci --offline` in the clone instead (about
// 35 s; it needs the packages in npm's cache, where installing this checkout put them).

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FULL_NPM_CI = process.env.BOOKLAB_TEST_NPM_CI === '1';
const STALE_NOTICE = /The build in dist\/ is older than the sources \((.+) changed\)/;
/** What the test writes into the build, to see that it is what runs. */
const BUILD_MARK = '[built program loaded]';

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end in `cwd`, without the test run's BOOKLAB_FROM_SOURCES (the launcher must choose itself). */
async function run(command: string, args: string[], cwd: string, timeoutMs = 60_000): Promise<Ran> {
  const env = { ...process.env };
  delete env.BOOKLAB_FROM_SOURCES;
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const [code] = (await once(child, 'close')) as [number | null];
  clearTimeout(timer);
  return { code, stdout, stderr };
}

const booklab = (clone: string, ...args: string[]) => run(process.execPath, ['bin/booklab.js', ...args], clone);

describe(`a fresh clone, built by ${FULL_NPM_CI ? 'npm ci --offline' : 'the prepare script'}`, () => {
  let dir: string;
  let clone: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'booklab-build-'));
    clone = join(dir, 'clone');
    const cloned = await run('git', ['clone', '--quiet', '--no-hardlinks', ROOT, clone], dir);
    expect(cloned.code, cloned.stderr).toBe(0);
    const installed = FULL_NPM_CI
      ? await run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], clone, 240_000)
      : await symlink(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir').then(() =>
          run('npm', ['run', 'prepare'], clone, 240_000),
        );
    expect(installed.code, installed.stderr).toBe(0);
  }, 300_000);

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('leaves a build in dist/ that bin/booklab.js runs', async () => {
    await appendFile(join(clone, 'dist/bin/program.js'), `\nconsole.error(${JSON.stringify(BUILD_MARK)});\n`);
    const help = await booklab(clone, '--help');
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toContain('Usage: booklab');
    expect(help.stderr).toContain(BUILD_MARK);
    expect(help.stderr).not.toMatch(STALE_NOTICE);
  });

  it('keeps running the build when a source is only touched, not changed', async () => {
    const file = join(clone, 'core/words.ts');
    const later = new Date(Date.now() + 60_000);
    await utimes(file, later, later);
    const help = await booklab(clone, '--help');
    expect(help.stderr).toContain(BUILD_MARK);
    expect(help.stderr).not.toMatch(STALE_NOTICE);
  });

  it('says so when a source changed after the build, and runs the changed sources instead', async () => {
    const file = join(clone, 'bin/program.ts');
    const source = await readFile(file, 'utf8');
    const changed = source.replace('Reproduce, repair and verify', 'Reproduce (changed after the build), repair and verify');
    expect(changed).not.toBe(source);
    await writeFile(file, changed);
    const help = await booklab(clone, '--help');
    expect(help.code, help.stderr).toBe(0);
    expect(help.stderr.match(STALE_NOTICE)?.[1]).toBe('bin/program.ts');
    expect(help.stderr).toContain('npm run build');
    expect(help.stderr).not.toContain(BUILD_MARK);
    expect(help.stdout).toContain('Reproduce (changed after the build)');
  });

  it('counts a new source file as a change too', async () => {
    await writeFile(join(clone, 'core/added-after-build.ts'), 'export const added = 1;\n');
    const help = await booklab(clone, '--help');
    expect(help.stderr.match(STALE_NOTICE)?.[1]).toContain('core/added-after-build.ts');
  });
});
