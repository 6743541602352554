import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { buildState } from '../../bin/build-state.js';
import { formatMs } from '../format.js';
import type { Section } from '../section.js';
import { percentile } from '../stats.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RUNS = 15;
const AIM_MS = 250;

/** Wall time of one `node bin/booklab.js ARGS` from spawn to exit, its output thrown away. */
async function wallOf(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/booklab.js', ...args], { cwd: ROOT, env, stdio: 'ignore' });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`booklab ${args.join(' ')} ended with ${code}`);
  return performance.now() - started;
}

async function median(args: string[], env?: NodeJS.ProcessEnv): Promise<{ median: number; p90: number }> {
  await wallOf(args, env);
  const walls: number[] = [];
  for (let i = 0; i < RUNS; i += 1) walls.push(await wallOf(args, env));
  const sorted = walls.sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p90: percentile(sorted, 90) };
}

/** How long `booklab` takes to start: `--help` from the build, and from the sources through tsx for comparison. */
export const startupSection: Section = {
  name: 'startup',
  description: '`booklab --help` from spawn to exit: the build in dist/, and the sources through tsx',
  async run(ctx) {
    const build = buildState(ROOT).state;
    if (build !== 'fresh')
      throw new Error(
        `the build in dist/ is ${build === 'none' ? 'missing' : 'older than the sources'}: run \`npm run build\` first, so the figure is the build's.`,
      );
    ctx.progress(`${RUNS} runs of booklab --help from the build, then from the sources`);
    const fromBuild = await median(['--help']);
    const fromSources = await median(['--help'], { ...process.env, BOOKLAB_FROM_SOURCES: '1' });
    ctx.progress('booklab serve --help and scenarios list from the build');
    const serveHelp = await median(['serve', '--help']);
    const scenariosList = await median(['scenarios', 'list']);
    const row = (label: string, walls: { median: number; p90: number }) => [label, formatMs(walls.median), formatMs(walls.p90)];
    return {
      tables: [
        {
          title: `booklab start-up, wall time from spawn to exit, ${RUNS} runs after one warm-up`,
          columns: ['command', 'median', 'p90'],
          rows: [
            row('booklab --help (build)', fromBuild),
            row('booklab --help (sources through tsx)', fromSources),
            row('booklab serve --help (build)', serveHelp),
            row('booklab scenarios list (build: loads the catalogue)', scenariosList),
          ],
        },
      ],
      aims: [
        { text: `booklab --help under ${AIM_MS} ms (median wall)`, met: fromBuild.median < AIM_MS, figure: formatMs(fromBuild.median) },
      ],
      headlines: [
        {
          figure: '`booklab --help`, wall (median)',
          value: formatMs(fromBuild.median),
          aim: `under ${AIM_MS} ms`,
          met: fromBuild.median < AIM_MS,
        },
      ],
      notes: [
        'the build checks on every start that no source changed since it was made (a stat per source file, a hash only for a touched one): that check is in these figures',
        'only the subcommand that runs is loaded: --help loads commander and the command list, not Express, zod, Ink or the catalogue',
      ],
    };
  },
};
