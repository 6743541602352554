import { readFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { mergeReports, readReport, type ReportFile } from './merge-reports.js';
import { RENDER, writeReport } from './reporters/render-report.js';
import { summarize } from './run-catalogue.js';
import type { Output } from './output.js';

/** What `booklab scenarios merge` needs from the command around it. */
export interface MergeCommandOptions {
  setExitCode(code: number): void;
  stdout?: Output;
  stderr?: Output;
}

const MERGE_FORMATS = ['json', 'junit', 'html'] as const;

const MERGE_HELP = `
Examples:
  booklab scenarios run --shard 1/3 --reporter json --output reports/scenarios-1.json   (and 2/3, 3/3)
  booklab scenarios merge reports/*.json --reporter html --output report.html
  booklab scenarios merge reports/*.json --reporter junit --output reports/scenarios.xml

The merged report is the report of the whole run: the scenarios in its order, the same in every format apart
from durations (its wall time is the longest shard's).

Exit codes: 0 every scenario in the reports ended as declared, 1 one or more did not, 2 usage error
(a file that cannot be read or is not a report of this version, a shard missing or given twice,
shards of different runs).`;

/** `booklab scenarios merge FILE... [--reporter json|junit|html] [--output FILE]`: one report from the JSON reports of a run's shards. */
export function mergeCommand({ setExitCode, stdout = process.stdout, stderr = process.stderr }: MergeCommandOptions): Command {
  return new Command('merge')
    .description('merge the JSON reports of `scenarios run --shard K/N --reporter json` into one report, as if the run had not been split')
    .argument('<files...>', 'the JSON reports of every shard of one run, in any order')
    .addOption(new Option('--reporter <name>', 'format of the merged report').choices(MERGE_FORMATS).default('json'))
    .option('--output <file>', 'write the merged report to FILE instead of stdout')
    .addHelpText('after', MERGE_HELP)
    .action(async (files: string[], flags: { reporter: (typeof MERGE_FORMATS)[number]; output?: string }, command: Command) => {
      const read: ReportFile[] = [];
      for (const file of files) {
        let text: string;
        try {
          text = await readFile(file, 'utf8');
        } catch (error) {
          return command.error(
            `error: Could not read ${file}: ${error instanceof Error ? error.message : String(error)}. Name the JSON reports the shards wrote.`,
            { exitCode: 2, code: 'booklab.usage' },
          );
        }
        const report = readReport(file, text);
        if (!report.ok) return command.error(`error: ${report.problem.message}`, { exitCode: 2, code: 'booklab.usage' });
        read.push(report.value);
      }
      const merged = mergeReports(read);
      if (!merged.ok) return command.error(`error: ${merged.problem.message}`, { exitCode: 2, code: 'booklab.usage' });
      const text = RENDER[flags.reporter](merged.value);
      const { total, passed, failed } = summarize(merged.value.results);
      if (flags.output === undefined) stdout.write(text);
      else {
        await writeReport(flags.output, text);
        stderr.write(
          `Merged ${files.length} report${files.length === 1 ? '' : 's'} (${total} scenarios: ${passed} passed, ${failed} failed); the ${flags.reporter} report is in ${flags.output}.\n`,
        );
      }
      setExitCode(failed ? 1 : 0);
    });
}
