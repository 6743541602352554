// The walls in .dependency-cruiser.cjs must bite: a small tree that keeps every rule passes, and the same tree with
// one violation of each rule planted fails, naming the rule and the import. `npm run lint:deps` runs the same config
// on booklab itself in `npm test`.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { temporaryDirectory } from './support/temporary-directory.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const depcruise = join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

/** A tree of booklab's shape in which every arrow goes the allowed way. */
const CLEAN: Record<string, string> = {
  'primitives/index.ts': "export { addDays } from './iso-day.js';",
  'primitives/iso-day.ts': 'export const addDays = (day: string, days: number): string => `${day}+${days}`;',
  'mock-accounting/index.ts': "import { addDays } from '../primitives/index.js';\nexport const start = () => addDays('2026-01-01', 1);",
  'core/words.ts': 'export const plural = (word: string) => `${word}s`;',
  'core/focus/focus.ts':
    "import { plural } from '../words.js';\nimport { addDays } from '../../primitives/index.js';\nexport const focus = () => plural(addDays('2026-01-01', 1));",
  'core/focus/state.ts': "import type { start } from '../../mock-accounting/index.js';\nexport type State = { start: typeof start };",
  'core/integration/sync.ts': "import { focus } from '../focus/focus.js';\nexport const sync = () => focus();",
  'core/testbed/index.ts': "export { start } from '../../mock-accounting/index.js';",
  'core/world/world.ts':
    "import { start } from '../testbed/index.js';\nimport { sync } from '../integration/sync.js';\nexport const world = () => [start(), sync()];",
  'core/index.ts': "export { world } from './world/world.js';",
  'scenarios/index.ts': "import { world } from '../core/index.js';\nexport const scenario = () => world();",
  'tui/index.ts': "import { scenario } from '../scenarios/index.js';\nexport const dashboard = () => scenario();",
  'bin/program.ts': "import { dashboard } from '../tui/index.js';\ndashboard();",
};

/** One violation of each rule, as a file added to the clean tree, with the rule and the arrow it must be named by. */
const PLANTED: { rule: string; arrow: string; files: Record<string, string> }[] = [
  {
    rule: 'no-cycles',
    arrow: 'core/focus/a.ts',
    files: {
      'core/focus/a.ts': "import { b } from './b.js';\nexport const a = () => b;",
      'core/focus/b.ts': "import { a } from './a.js';\nexport const b = () => a;",
    },
  },
  {
    rule: 'layers-mock-accounting',
    arrow: 'mock-accounting/reach-up.ts → core/index.ts',
    files: { 'mock-accounting/reach-up.ts': "import { world } from '../core/index.js';\nexport const up = world;" },
  },
  {
    rule: 'layers-primitives',
    arrow: 'primitives/reach-up.ts → mock-accounting/index.ts',
    files: { 'primitives/reach-up.ts': "import { start } from '../mock-accounting/index.js';\nexport const up = start;" },
  },
  {
    rule: 'core-layers-focus',
    arrow: 'core/focus/upward.ts → core/integration/sync.ts',
    files: { 'core/focus/upward.ts': "import { sync } from '../integration/sync.js';\nexport const up = sync;" },
  },
  {
    rule: 'core-runs-mock-only-in-testbed',
    arrow: 'core/integration/run-mock.ts → mock-accounting/index.ts',
    files: { 'core/integration/run-mock.ts': "import { start } from '../../mock-accounting/index.js';\nexport const run = start;" },
  },
  {
    rule: 'through-the-barrel',
    arrow: 'tui/deep.ts → core/focus/focus.ts',
    files: { 'tui/deep.ts': "import { focus } from '../core/focus/focus.js';\nexport const deep = focus;" },
  },
];

async function plant(files: Record<string, string>): Promise<string> {
  const dir = await temporaryDirectory('booklab-walls-');
  cpSync(join(root, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'));
  const tsconfig = { compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true } };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), `${text}\n`);
  }
  return dir;
}

function cruise(dir: string): { status: number | null; output: string } {
  const args = [depcruise, 'primitives', 'mock-accounting', 'core', 'scenarios', 'tui', 'bin'];
  const run = spawnSync(process.execPath, [...args, '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('the walls (.dependency-cruiser.cjs)', () => {
  it('let a tree of booklab’s shape pass when every arrow goes the allowed way (type-only core → mock included)', async () => {
    const { status, output } = cruise(await plant(CLEAN));
    expect(output).toContain('no dependency violations found');
    expect(status).toBe(0);
  });

  it('fail the build on one planted violation of each rule, naming the rule and the import', async () => {
    const { status, output } = cruise(await plant(Object.assign({}, CLEAN, ...PLANTED.map((p) => p.files))));
    expect(status).not.toBe(0);
    const table = PLANTED.map(({ rule, arrow }) => {
      const line = output.split('\n').find((l) => l.includes(`error ${rule}:`) && l.includes(arrow.split(' → ')[0]!));
      return { rule, arrow, named: line !== undefined && arrow.split(' → ').every((end) => line.includes(end)) };
    });
    console.log(table.map(({ rule, arrow, named }) => `${named ? '✓' : '✗'} ${rule.padEnd(32)} ${arrow}`).join('\n'));
    expect(table.filter((row) => !row.named)).toEqual([]);
    expect(output).toMatch(new RegExp(`${PLANTED.length} dependency violations`));
  });
});
