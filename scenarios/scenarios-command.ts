import { Command, InvalidArgumentError, Option } from 'commander';
import { plural, type SyncStrategy } from '../core/index.js';
import { wholeNumber } from './cli-arguments.js';
import { mergeCommand } from './merge-command.js';
import type { Output } from './output.js';
import { prettyEnd, prettyHeader, prettyLine, renderPretty } from './reporters/pretty.js';
import { recordsWorld, RENDER, REPORTERS, writeReport, type ReporterName } from './reporters/render-report.js';
import { PLAIN, styleFor } from './reporters/style.js';
import { defaultConcurrency, runCatalogue, summarize } from './run-catalogue.js';
import { runScenario } from './run-scenario.js';
import { checkCasePath, savedCaseLine, saveScenarioCase } from './save-case.js';
import { startScenarioThreads, threadsWorthStarting } from './scenario-threads.js';
import type { Scenario } from './scenario.js';
import { parseShard, selectScenarios, SelectionError, type Shard } from './select.js';

/** Where the ids the scenarios cite are defined, relative to the clone. */
export const RULES_DOCUMENT = 'docs/rules.md';

const STRATEGIES: readonly SyncStrategy[] = ['faithful', 'safe'];

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
  saveCase?: string;
  force?: boolean;
  file: string[];
}

const RUN_HELP = `
Examples:
  booklab scenarios run                                   every scenario, one line each
  booklab scenarios run same-booking-number --reporter json
  booklab scenarios run --grep P-samenumber --strategy safe
  booklab scenarios run --reporter junit --output reports/scenarios.xml --shard 1/2
  booklab scenarios run --reporter html --output report.html   one file to open in a browser
  booklab scenarios run same-booking-number --save-case ticket.json   then: booklab tui --case ticket.json
  booklab scenarios run --file scenarios/files/same-booking-number.scenario.json

Exit codes: 0 every scenario ended as declared, 1 one or more did not, 2 usage error
(an unknown id, a --grep that matches nothing, a bad --shard, --reporter or --strategy, --save-case
without exactly one ID or onto an existing file without --force, a scenario file that cannot be read
or is not valid: each bad field is named by its path, such as steps[3].actions[0].date).`;

function shardOption(value: string): Shard {
  try {
    return parseShard(value);
  } catch (error) {
    throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
  }
}

/** `booklab scenarios`: `list [--json]` and `run [ID...] [--grep] [--reporter] [--output] [--shard] [--strategy] [--concurrency]`. */
export function scenariosCommand(options: ScenariosCommandOptions): Command {
  const { setExitCode, stdout = process.stdout, stderr = process.stderr, env = process.env } = options;
  // The catalogue's modules load only when a scenarios subcommand runs, not for every `booklab` command.
  const loadCatalogue = async (): Promise<readonly Scenario[]> => options.catalogue ?? (await import('./catalogue/index.js')).CATALOGUE;
  const scenarios = new Command('scenarios').description(
    'list and run the support cases of the catalogue, and merge the reports of a split run (see `booklab scenarios run --help`)',
  );

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
      for (const s of catalogue)
        stdout.write(`${style.bold(s.id.padEnd(width))}  ${s.title}  ${style.dim(`[${s.sources.join(', ')}] ${s.rules.join(' ')}`)}\n`);
      stdout.write(`${plural(catalogue.length, 'scenario')}; run them with \`booklab scenarios run [ID...]\`.\n`);
      stdout.write(`The rules, procedures and invariants they cite (R…, P-…, I…) are defined in ${RULES_DOCUMENT}.\n`);
    });

  scenarios
    .command('run')
    .description('run scenarios, each in a world of its own, and report whether each ended as declared')
    .argument('[ids...]', 'ids of the scenarios to run (default: all of them; see `booklab scenarios list`)')
    .option('--grep <text>', 'only scenarios whose id, title, rules or sources contain TEXT (case-insensitive)')
    .addOption(
      new Option(
        '--reporter <name>',
        'report format: pretty for people, json for machines (and for `scenarios merge`), junit for CI, html for a one-file page with both systems around each step',
      )
        .choices(REPORTERS)
        .default('pretty'),
    )
    .option('--output <file>', 'write the report to FILE instead of stdout; the pretty progress still goes to stderr')
    .option(
      '--shard <K/N>',
      'run part K of N of the selection (every N-th scenario from the K-th), to split a run across CI machines',
      shardOption,
    )
    .addOption(
      new Option(
        '--strategy <name>',
        'sync strategy the product runs under: faithful (as it is), or safe (with the fix), which reports per case whether it can still happen',
      )
        .choices(STRATEGIES)
        .default('faithful'),
    )
    .addOption(
      new Option('--concurrency <n>', 'how many scenarios play at once')
        .argParser(wholeNumber)
        .default(defaultConcurrency(), `the idle CPUs (CPUs less the load average, at least 1), now ${defaultConcurrency()}`),
    )
    .option(
      '--save-case <file>',
      "with one ID: save the scenario's world at the end of its symptom phase (before the repair; under --strategy safe, where its reproduction ends) as a case file for a ticket and `booklab tui --case FILE`",
    )
    .option('--force', 'with --save-case: replace the file if it exists')
    .option(
      '--file <file>',
      'play a scenario file (.scenario.json, see docs/scenario-file.schema.json) instead of the catalogue; repeat for more',
      collect,
      [],
    )
    .addHelpText('after', RUN_HELP)
    .action(async (ids: string[], flags: RunFlags, command: Command) => {
      const usage = (message: string) => command.error(`error: ${message}`, { exitCode: 2, code: 'booklab.usage' });
      const fromFiles = flags.file.length > 0;
      if (fromFiles && ids.length) return usage('give scenario ids or --file, not both.');
      const { saveCase } = flags;
      if (saveCase !== undefined) {
        if (ids.length !== 1)
          return usage(
            `--save-case saves the world of one scenario: give exactly one ID (got ${ids.length}). Run \`booklab scenarios list\` for the ids.`,
          );
        const path = await checkCasePath(saveCase, Boolean(flags.force));
        if (!path.ok) return usage(path.problem.message);
      } else if (flags.force) return usage('--force only applies with --save-case.');
      let selected: Scenario[];
      try {
        selected = selectScenarios(fromFiles ? await loadFiles(flags.file) : await loadCatalogue(), {
          ids,
          grep: flags.grep,
          shard: flags.shard,
        });
      } catch (error) {
        if (!(error instanceof SelectionError)) throw error;
        return usage(error.message);
      }
      // The catalogue's scenarios play in worker threads besides this one when there are enough of them to pay for
      // the threads' start; a scenario whose world is saved plays in this thread, where its world is.
      const threadCount =
        options.catalogue || fromFiles || saveCase !== undefined ? 0 : threadsWorthStarting(selected.length, flags.concurrency);
      const threads = threadCount > 0 ? startScenarioThreads(threadCount) : undefined;
      // The report proper goes to stdout or the file; progress lines go where they do not mix with it.
      const toStdout = flags.reporter === 'pretty' && flags.output === undefined;
      const progress = toStdout ? stdout : stderr;
      const style = styleFor(progress, env);
      progress.write(`${prettyHeader(selected.length, flags.strategy, flags.concurrency, style)}\n`);
      let saved = false;
      const played = await runCatalogue(selected, {
        strategy: flags.strategy,
        record: recordsWorld(flags.reporter),
        concurrency: flags.concurrency,
        threads,
        ...(saveCase === undefined
          ? {}
          : {
              play: (scenario, runOptions) =>
                runScenario(scenario, {
                  ...runOptions,
                  onReproduced: async (world) => {
                    await saveScenarioCase(world, scenario, saveCase);
                    saved = true;
                  },
                }),
            }),
        onResult: (result) => progress.write(`${prettyLine(result, style)}\n`),
      }).finally(() => threads?.close());
      const run = flags.shard ? { ...played, shard: flags.shard } : played;
      progress.write(`\n${prettyEnd(run, style)}\n`);
      if (!toStdout) {
        const text = flags.reporter === 'pretty' ? renderPretty(run, PLAIN) : RENDER[flags.reporter](run);
        if (flags.output === undefined) stdout.write(text);
        else {
          await writeReport(flags.output, text);
          progress.write(`The ${flags.reporter} report is in ${flags.output}.\n`);
        }
      }
      if (saveCase !== undefined) {
        progress.write(
          saved
            ? `${savedCaseLine(saveCase)}\n`
            : `${style.fail(`No case file was saved: the scenario failed before the end of its symptom phase.`)}\n`,
        );
      }
      setExitCode(summarize(run.results).failed || (saveCase !== undefined && !saved) ? 1 : 0);
    });

  scenarios.addCommand(mergeCommand({ setExitCode, stderr }));

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
