import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { SyncStrategy } from '../../core/index.js';
import { wholeNumber } from '../cli-arguments.js';
import { scenarioFromJson } from '../file/index.js';
import { parseShard, SelectionError, type Shard } from '../select.js';
import { explore } from './explore.js';
import { foundId, historyFile } from './history-file.js';
import { mergeReports } from './merge-reports.js';
import { exploreCommandLine, exploreReport, renderExploreJson, renderExplorePretty } from './report.js';

/** Where the command writes: process.stdout and process.stderr, or stand-ins in tests. */
interface Output {
  write(text: string): unknown;
}

interface ExploreFlags {
  runs: number;
  seed?: number;
  maxSteps: number;
  strategy: SyncStrategy;
  out: string;
  reporter: 'pretty' | 'json';
  shard?: Shard | 'auto';
}

/** CI variables that say which of N parallel jobs this is: index (0- or 1-based) and total. */
const CI_SHARDS = [
  { index: 'CI_NODE_INDEX', total: 'CI_NODE_TOTAL', base: 1 },
  { index: 'CIRCLE_NODE_INDEX', total: 'CIRCLE_NODE_TOTAL', base: 0 },
  { index: 'BUILDKITE_PARALLEL_JOB', total: 'BUILDKITE_PARALLEL_JOB_COUNT', base: 0 },
] as const;

/** The shard `--shard auto` means in this CI job (GitLab, CircleCI, Buildkite), or why there is none. */
export function shardFromCi(env: Record<string, string | undefined>): Shard {
  for (const { index, total, base } of CI_SHARDS) {
    if (env[index] !== undefined && env[total] !== undefined) return parseShard(`${Number(env[index]) + 1 - base}/${env[total]}`);
  }
  throw new SelectionError(
    `--shard auto reads ${CI_SHARDS.map((v) => `${v.index}/${v.total}`).join(', or ')}, and none is set; give --shard K/N.`,
  );
}

function shardOption(value: string): Shard | 'auto' {
  if (value === 'auto') return 'auto';
  try {
    return parseShard(value);
  } catch (error) {
    throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
  }
}

const HELP = `
Each history starts in a fresh world: up to two invoices booked or typed in by hand in Exact, the first
connection, then up to --max-steps moves of the Focus user, the accountant and the network. After it, the
invariants I1-I8 judge the world, and booklab doctor a broken one: healthy, repaired-by-article,
repaired-by-completed-plan, no-plan, plan-fails, or product-failure (an exception or a 5xx answer, always a
bug). A finding is a class and the doctor's finding codes; fast-check shrinks the first history that had it
to a minimal one of the same class and codes, written to --out as a scenario file named from them that
\`booklab scenarios run --file\` replays.

Examples:
  booklab explore --runs 2000 --seed 7
  booklab explore --runs 200 --max-steps 6 --reporter json --out /tmp/found
  booklab explore --runs 100000 --seed 7 --shard auto --reporter json > part.json   (in each CI job)
  booklab explore merge part-1.json part-2.json                                      (then, once)

Exit codes: 0 explored (findings are results, not errors), 1 the product failed in a history, 2 usage error.`;

/** `booklab explore [--runs N] [--seed S] [--max-steps D] [--strategy faithful|safe] [--out DIR] [--reporter pretty|json]`. */
export function exploreCommand({
  setExitCode,
  stdout = process.stdout,
  stderr = process.stderr,
  env = process.env,
}: {
  setExitCode(code: number): void;
  stdout?: Output;
  stderr?: Output;
  env?: Record<string, string | undefined>;
}): Command {
  const command = new Command('explore')
    .description(
      'generate histories of both systems, judge them by I1-I8 and booklab doctor, shrink the broken ones and save them as scenario files',
    )
    .addOption(new Option('--runs <n>', 'how many histories to generate').argParser(wholeNumber).default(100))
    .addOption(new Option('--seed <s>', 'the seed of the generation (default: a new one, printed in the report)').argParser(wholeNumber))
    .addOption(new Option('--max-steps <d>', 'at most this many moves after the first connection').argParser(wholeNumber).default(8))
    .addOption(new Option('--strategy <name>', 'sync strategy the product runs under').choices(['faithful', 'safe']).default('faithful'))
    .option('--out <dir>', 'where the minimal histories are written as scenario files', 'scenarios/found')
    .addOption(
      new Option('--reporter <name>', 'report format: pretty for people, json for machines').choices(['pretty', 'json']).default('pretty'),
    )
    .option('--shard <K/N|auto>', 'play part K of N of the runs (run i in part i mod N + 1); auto reads the CI job index', shardOption)
    .addHelpText('after', HELP)
    .action(async (flags: ExploreFlags) => {
      let shard: Shard | undefined;
      try {
        shard = flags.shard === 'auto' ? shardFromCi(env) : flags.shard;
      } catch (error) {
        if (!(error instanceof SelectionError)) throw error;
        return command.error(`error: ${error.message}`, { exitCode: 2, code: 'booklab.usage' });
      }
      if (shard && flags.seed === undefined)
        return command.error('error: a split exploration needs --seed, the same in every part.', { exitCode: 2, code: 'booklab.usage' });
      const seed = flags.seed ?? Math.floor(Math.random() * 2 ** 31);
      const options = { runs: flags.runs, seed, maxSteps: flags.maxSteps, strategy: flags.strategy, ...(shard ? { shard } : {}) };
      const exploration = await explore(options);
      const report = exploreReport(exploration, flags.out);
      const schema = relative(resolve(flags.out), resolve('docs/scenario-file.schema.json'));
      if (exploration.findings.length) await mkdir(flags.out, { recursive: true });
      for (const finding of exploration.findings) {
        const file = historyFile(finding.minimal, { replay: exploreCommandLine(options), schema });
        const checked = scenarioFromJson(file, foundId(finding.class, finding.code));
        if (!checked.ok) throw new Error(`[booklab] The explorer wrote a scenario file the format refuses: ${checked.problem.message}`);
        await writeFile(join(flags.out, `${foundId(finding.class, finding.code)}.scenario.json`), `${JSON.stringify(file, null, 2)}\n`);
      }
      stdout.write(flags.reporter === 'json' ? renderExploreJson(report) : renderExplorePretty(report));
      if (flags.reporter === 'json') stderr.write(`${exploration.findings.length} finding(s); minimal histories in ${flags.out}.\n`);
      setExitCode(report.classes['product-failure'] > 0 ? 1 : 0);
    });

  command
    .command('merge')
    .description('merge the JSON reports of the parts of a split exploration (--shard) into the report of the whole')
    .argument('<reports...>', 'the JSON report of every part, each once')
    .addOption(new Option('--reporter <name>', 'report format').choices(['pretty', 'json']).default('json'))
    .action(async (files: string[], flags: { reporter: 'pretty' | 'json' }, merge: Command) => {
      const parts = [];
      for (const file of files) {
        try {
          parts.push({ name: file, report: JSON.parse(await readFile(file, 'utf8')) as unknown });
        } catch (error) {
          return merge.error(`error: cannot read the report ${file}: ${error instanceof Error ? error.message : String(error)}.`, {
            exitCode: 2,
            code: 'booklab.usage',
          });
        }
      }
      const merged = mergeReports(parts);
      if (!merged.ok) return merge.error(`error: ${merged.problem.message}`, { exitCode: 2, code: 'booklab.usage' });
      stdout.write(flags.reporter === 'json' ? renderExploreJson(merged.value) : renderExplorePretty(merged.value));
      setExitCode(merged.value.classes['product-failure'] > 0 ? 1 : 0);
    });

  return command;
}
