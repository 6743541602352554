import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { Command, Option } from 'commander';
import type { SyncStrategy } from '../../core/index.js';
import { wholeNumber } from '../cli-arguments.js';
import { scenarioFromJson } from '../file/index.js';
import { explore } from './explore.js';
import { foundId, historyFile } from './history-file.js';
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
}

const HELP = `
Each history starts in a fresh world: up to two invoices booked or typed in by hand in Exact, the first
connection, then up to --max-steps moves of the Focus user, the accountant and the network. After it, the
invariants I1-I8 judge the world: healthy, broken (a finding per set of violated invariants) or a failure of
the product (an exception, always a bug). For each finding fast-check shrinks the first history that had it
to a minimal one, written to --out as a scenario file that \`booklab scenarios run --file\` replays.

Examples:
  booklab explore --runs 2000 --seed 7
  booklab explore --runs 200 --max-steps 6 --reporter json --out /tmp/found

Exit codes: 0 explored (findings are results, not errors), 1 the product failed in a history, 2 usage error.`;

/** `booklab explore [--runs N] [--seed S] [--max-steps D] [--strategy faithful|safe] [--out DIR] [--reporter pretty|json]`. */
export function exploreCommand({ setExitCode, stdout = process.stdout, stderr = process.stderr }: { setExitCode(code: number): void; stdout?: Output; stderr?: Output }): Command {
  return new Command('explore')
    .description('generate histories of both systems, judge them by I1-I8, shrink the broken ones and save them as scenario files')
    .addOption(new Option('--runs <n>', 'how many histories to generate').argParser(wholeNumber).default(100))
    .addOption(new Option('--seed <s>', 'the seed of the generation (default: a new one, printed in the report)').argParser(wholeNumber))
    .addOption(new Option('--max-steps <d>', 'at most this many moves after the first connection').argParser(wholeNumber).default(8))
    .addOption(new Option('--strategy <name>', 'sync strategy the product runs under').choices(['faithful', 'safe']).default('faithful'))
    .option('--out <dir>', 'where the minimal histories are written as scenario files', 'scenarios/found')
    .addOption(new Option('--reporter <name>', 'report format: pretty for people, json for machines').choices(['pretty', 'json']).default('pretty'))
    .addHelpText('after', HELP)
    .action(async (flags: ExploreFlags) => {
      const seed = flags.seed ?? Math.floor(Math.random() * 2 ** 31);
      const options = { runs: flags.runs, seed, maxSteps: flags.maxSteps, strategy: flags.strategy };
      const exploration = await explore(options);
      const report = exploreReport(exploration, flags.out);
      const schema = relative(resolve(flags.out), resolve('docs/scenario-file.schema.json'));
      if (exploration.findings.length) await mkdir(flags.out, { recursive: true });
      for (const finding of exploration.findings) {
        const file = historyFile(finding.minimal, { replay: exploreCommandLine(options), schema });
        const checked = scenarioFromJson(file, foundId(finding.code));
        if (!checked.ok) throw new Error(`[booklab] The explorer wrote a scenario file the format refuses: ${checked.problem.message}`);
        await writeFile(join(flags.out, `${foundId(finding.code)}.scenario.json`), `${JSON.stringify(file, null, 2)}\n`);
      }
      stdout.write(flags.reporter === 'json' ? renderExploreJson(report) : renderExplorePretty(report));
      if (flags.reporter === 'json') stderr.write(`${exploration.findings.length} finding(s); minimal histories in ${flags.out}.\n`);
      setExitCode(report.classes['product-failure'] > 0 ? 1 : 0);
    });
}
