import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { access, appendFile, mkdtemp, readdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
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

/** Another project's use of booklab, by the package's own name (Node resolves it through the exports map). */
const CONSUMER = `
import { World } from 'booklab/core';
import { DEMO_DIVISIONS } from 'booklab/mock-accounting';
import { loadCatalogue } from 'booklab/scenarios';
const world = await World.create({ transport: 'in-process' });
const accounting = await world.readAccounting();
await world.close();
const scenarios = await loadCatalogue();
console.log(JSON.stringify({
  division: DEMO_DIVISIONS.main,
  journals: accounting.journals.map((journal) => [journal.code, journal.nextBookingNumber]),
  sameBookingNumber: scenarios.some((scenario) => scenario.id === 'same-booking-number'),
}));
`;

/** The same use in TypeScript, type-checked against the declarations of the build; a wrong option must not type. */
const TYPED_CONSUMER = `
import { World, type WorldOptions } from 'booklab/core';
import { startMockServer, type MockServer } from 'booklab/mock-accounting';
import { loadCatalogue, type Scenario } from 'booklab/scenarios';
const options: WorldOptions = { transport: 'in-process' };
const world: World = await World.create(options);
// @ts-expect-error: a transport booklab does not have
await World.create({ transport: 'carrier-pigeon' });
const server: MockServer = await startMockServer();
const scenarios: readonly Scenario[] = await loadCatalogue();
export { world, server, scenarios };
`;

/** The files of the bundle in `dir` that loading `entries` loads with them: their static imports, and theirs. */
async function loadedWith(dir: string, entries: string[]): Promise<Set<string>> {
  const loaded = new Set<string>();
  const queue = [...entries];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (loaded.has(file)) continue;
    loaded.add(file);
    const text = await readFile(join(dir, file), 'utf8');
    // esbuild writes a static import as `import … from "./chunk.js"` or `import "./chunk.js"`, a lazy one as import("./x.js").
    for (const [, imported] of text.matchAll(/(?:\bfrom\s*|^import\s*)"\.\/([\w.-]+\.js)"/gm)) queue.push(imported!);
  }
  return loaded;
}

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

  it('lets another project import booklab/core, booklab/mock-accounting and booklab/scenarios (the exports map)', async () => {
    await writeFile(join(clone, 'consumer.mjs'), CONSUMER);
    const ran = await run(process.execPath, ['consumer.mjs'], clone);
    expect(ran.code, ran.stderr).toBe(0);
    expect(JSON.parse(ran.stdout)).toEqual({
      division: 100001,
      journals: [
        ['70', 1001],
        ['71', 8001],
      ],
      sameBookingNumber: true,
    });
  });

  it('ships the declarations of every entry of the exports map, and they type another project', async () => {
    const manifest = JSON.parse(await readFile(join(clone, 'package.json'), 'utf8')) as {
      exports: Record<string, string | { types: string; default: string }>;
    };
    expect(Object.keys(manifest.exports)).toEqual(['./core', './mock-accounting', './scenarios', './package.json']);
    for (const [entry, target] of Object.entries(manifest.exports)) {
      if (typeof target === 'string') continue;
      await expect(access(join(clone, target.types)), `${entry} types`).resolves.toBeUndefined();
      await expect(access(join(clone, target.default)), `${entry} module`).resolves.toBeUndefined();
    }
    await writeFile(join(clone, 'consumer.mts'), TYPED_CONSUMER);
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const flags = [
      '--noEmit',
      '--strict',
      '--skipLibCheck',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--target',
      'es2022',
    ];
    const checked = await run(process.execPath, [tsc, ...flags, '--types', 'node', 'consumer.mts'], clone);
    expect(checked.stdout + checked.stderr).toBe('');
    expect(checked.code).toBe(0);
  }, 60_000);

  it("bundles Express and its parsers apart from the dashboard, which loads them at a mock server's first request", async () => {
    const bundle = join(clone, 'dist/bundle');
    const files = await readdir(bundle);
    const dashboard = files.filter((file) => /^run-tui-[\w-]+\.js$/.test(file));
    expect(dashboard).toHaveLength(1);
    const express = [];
    for (const file of files.filter((f) => f.endsWith('.js')))
      if (/^\/\/ \S*node_modules\/express\//m.test(await readFile(join(bundle, file), 'utf8'))) express.push(file);
    expect(express).toHaveLength(1);
    const loaded = await loadedWith(bundle, ['program.js', ...dashboard]);
    expect(loaded.size).toBeGreaterThan(2);
    expect([...loaded]).not.toContain(express[0]);
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
