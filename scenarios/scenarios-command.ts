import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { SyncStrategy } from '../core/index.js';
import { wholeNumber } from './cli-arguments.js';
import { renderJson } from './reporters/json.js';
import { renderJunit } from './reporters/junit.js';
import { prettyEnd, prettyHeader, prettyLine, renderPretty } from './reporters/pretty.js';
import { PLAIN, styleFor } from './reporters/style.js';
import { defaultConcurrency, runCatalogue, summarize, type CatalogueRun } from './run-catalogue.js';
import { startScenarioThreads } from './scenario-threads.js';
import type { Scenario } from './scenario.js';
import { parseShard, selectScenarios, SelectionError, type Shard } from './select.js';

/** The report formats of `booklab scenarios run --reporter`. */
export const REPORTERS = ['pretty', 'json', 'junit'] as const;

/** A report format. */
export type ReporterName = (typeof REPORTERS)[number];

const STRATEGIES: readonly SyncStrategy[] = ['faithful', 'safe'];

/** Where the command writes: process.stdout and process.stderr, or stand-ins in tests. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** What the `scenarios` command needs from the program around it. */
export interface ScenariosCommandOptions {
  /** Raises the exit code the program ends with: 1 when a scenario did not end as declared. */
  setExitCode(code: number): void;
  /** The scenarios to offer; the whole catalogue unless a test narrows it. */
  catalogue?: readonly Scenario[];
  stdout?: Output;
  stderr?: Output;
  env?: Record<string, string | undefined>;
}

interface RunFlags {
  grep?: string;
  reporter: ReporterName;
  output?: string;
  shard?: Shard;
  strategy: SyncStrategy;
  concurrency: number;
  file: string[];
}

const RUN_HELP = `
Examples:
  booklab scenarios run                                   every scenario, one line each
  booklab scenarios run same-booking-number --reporter json
  booklab scenarios run --grep P-samenumber --strategy safe
  booklab scenarios run --reporter junit --output reports/scenarios.xml --shard 1/2
  booklab scenarios run --file scenarios/files/same-booking-number.scenario.json

Exit codes: 0 every scenario ended as declared, 1 one or more did not, 2 usage error
(an unknown id, a --grep that matches nothing, a bad --shard, --reporter or --strategy, a scenario file
that cannot be read or is not valid: each bad field is named by its path, such as steps[3].actions[0].date).`;

const RENDER: Record<Exclude<ReporterName, 'pretty'>, (run: CatalogueRun) => string> = { json: renderJson, junit: renderJunit };

function shardOption(value: string): Shard {
  try {
    return parseShard(value);
  } catch (error) {
    throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
  }
}

async function writeReport(file: string, text: string): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
  } catch (error) {
    throw new Error(`Could not write the report to ${file}: ${error instanceof Error ? error.message : String(error)}. Choose a writable path for --output, or leave it out to print the report.`, { cause: error });
  }
}

/** `booklab scenarios`: `list [--json]` and `run [ID...] [--grep] [--reporter] [--output] [--shard] [--strategy] [--concurrency]`. */
export function scenariosCommand(options: ScenariosCommandOptions): Command {
  const { setExitCode, stdout = process.stdout, stderr = process.stderr, env = process.env } = options;
  // The catalogue's modules load only when a scenarios subcommand runs, not for every `booklab` command.
  const loadCatalogue = async (): Promise<readonly Scenario[]> => options.catalogue ?? (await import('./catalogue/index.js')).CATALOGUE;
  const scenarios = new Command('scenarios').description('list and run the support cases of the catalogue (see `booklab scenarios run --help`)');

  scenarios
    .command('list')
    .description('list the scenarios of the catalogue: id, title, source articles and rules')
    .option('--json', 'print a JSON array of {id, title, sources, rules, expected} instead of a table')
    .action(async (flags: { json?: boolean }) => {
      const catalogue = await loadCatalogue();
      if (flags.json) {
        const rows = catalogue.map((s) => ({ id: s.id, title: s.title, sources: s.sources, rules: s.rules, expected: s.expected }));
        stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      const style = styleFor(stdout, env);
      const width = Math.max(0, ...catalogue.map((s) => s.id.length));
      for (const s of catalogue) stdout.write(`${style.bold(s.id.padEnd(width))}  ${s.title}  ${style.dim(`[${s.sources.join(', ')}] ${s.rules.join(' ')}`)}\n`);
      stdout.write(`${catalogue.length} scenario${catalogue.length === 1 ? '' : 's'}; run them with \`booklab scenarios run [ID...]\`.\n`);
    });

  scenarios
    .command('run')
    .description('run scenarios, each in a world of its own, and report whether each ended as declared')
    .argument('[ids...]', 'ids of the scenarios to run (default: all of them; see `booklab scenarios list`)')
    .option('--grep <text>', 'only scenarios whose id, title, rules or sources contain TEXT (case-insensitive)')
    .addOption(new Option('--reporter <name>', 'report format: pretty for people, json for machines, junit for CI').choices(REPORTERS).default('pretty'))
    .option('--output <file>', 'write the report to FILE instead of stdout; the pretty progress still goes to stderr')
    .option('--shard <K/N>', 'run part K of N of the selection (every N-th scenario from the K-th), to split a run across CI machines', shardOption)
    .addOption(
      new Option('--strategy <name>', 'sync strategy the product runs under: faithful (as it is), or safe (with the fix), which reports per case whether it can still happen')
        .choices(STRATEGIES)
        .default('faithful'),
    )
    .addOption(new Option('--concurrency <n>', 'how many scenarios play at once').argParser(wholeNumber).default(defaultConcurrency(), `the number of CPUs, ${defaultConcurrency()}`))
    .option('--file <file>', 'play a scenario file (.scenario.json, see docs/scenario-file.schema.json) instead of the catalogue; repeat for more', collect, [])
    .addHelpText('after', RUN_HELP)
    .action(async (ids: string[], flags: RunFlags, command: Command) => {
      const fromFiles = flags.file.length > 0;
      if (fromFiles && ids.length) return command.error('error: give scenario ids or --file, not both.', { exitCode: 2, code: 'booklab.usage' });
      // The catalogue's scenarios play in worker threads besides this one, which load while this one loads its own.
      const threads = options.catalogue || fromFiles || flags.concurrency < 2 ? undefined : startScenarioThreads(flags.concurrency - 1);
      let selected: Scenario[];
      try {
        selected = selectScenarios(fromFiles ? await loadFiles(flags.file) : await loadCatalogue(), { ids, grep: flags.grep, shard: flags.shard });
      } catch (error) {
        await threads?.close();
        if (!(error instanceof SelectionError)) throw error;
        return command.error(`error: ${error.message}`, { exitCode: 2, code: 'booklab.usage' });
      }
      // The report proper goes to stdout or the file; progress lines go where they do not mix with it.
      const toStdout = flags.reporter === 'pretty' && flags.output === undefined;
      const progress = toStdout ? stdout : stderr;
      const style = styleFor(progress, env);
      progress.write(`${prettyHeader(selected.length, flags.strategy, flags.concurrency, style)}\n`);
      const run = await runCatalogue(selected, {
        strategy: flags.strategy,
        concurrency: flags.concurrency,
        threads,
        onResult: (result) => progress.write(`${prettyLine(result, style)}\n`),
      }).finally(() => threads?.close());
      progress.write(`\n${prettyEnd(run, style)}\n`);
      if (!toStdout) {
        const text = flags.reporter === 'pretty' ? renderPretty(run, PLAIN) : RENDER[flags.reporter](run);
        if (flags.output === undefined) stdout.write(text);
        else {
          await writeReport(flags.output, text);
          progress.write(`The ${flags.reporter} report is in ${flags.output}.\n`);
        }
      }
      setExitCode(summarize(run.results).failed ? 1 : 0);
    });

  scenarios
    .command('schema')
    .description('print the JSON Schema of scenario files (the one committed as docs/scenario-file.schema.json)')
    .action(async () => {
      stdout.write((await import('./file/index.js')).renderScenarioFileJsonSchema());
    });

  return scenarios;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The scenarios of `files`, in the order given; a file that cannot be read or is not valid is a usage error. */
async function loadFiles(files: readonly string[]): Promise<Scenario[]> {
  const { readScenarioFile } = await import('./file/index.js');
  const loaded: Scenario[] = [];
  for (const file of files) {
    const read = await readScenarioFile(file);
    if (!read.ok) throw new SelectionError(read.problem.message);
    loaded.push(read.value.scenario);
  }
  return loaded;
}
