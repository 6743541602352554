import { Command } from 'commander';
import type { Scenario } from '../scenarios/index.js';
import { readCaseBytes } from './case-bytes.js';
import type { TuiOptions } from './run-tui.js';
import { keepYoungGenerationSmall } from './young-generation.js';

/** The `tui` command (the default of `booklab`). */
export function tuiCommand({ setExitCode }: { setExitCode?: (code: number) => void } = {}): Command {
  return new Command('tui')
    .description(
      'open the dashboard: Focus and Exact side by side, the invariants, and scenario walkthroughs (a plain rendering when not in a terminal)',
    )
    .option('--server <url>', 'attach to a running accounting server instead of starting one')
    .option('--case <file>', 'open a saved case file')
    .option('--scenario <id>', 'open straight into that scenario walkthrough')
    .option('--scenario-file <file>', 'open straight into the walkthrough of a scenario file (.scenario.json)')
    .option('--no-color', 'monochrome screen (also NO_COLOR, FORCE_COLOR=0 or TERM=dumb)')
    .action(async function runTuiAction(this: Command, options: TuiOptions) {
      let scenarioFromFile: Scenario | undefined;
      if (options.scenarioFile !== undefined) {
        // A file that cannot be read or is not valid is a usage error, refused before the dashboard opens.
        const read = await (await import('../scenarios/index.js')).readScenarioFile(options.scenarioFile);
        if (!read.ok) return this.error(`error: ${read.problem.message}`, { exitCode: 2, code: 'booklab.usage' });
        scenarioFromFile = read.value.scenario;
      }
      keepYoungGenerationSmall(); // until the first frame (run-tui.ts)
      // The case is read while the dashboard's code loads (a 10,000-invoice case is 18 MB, issue 16). A read that fails
      // is reported where the case is loaded, as before; the promise is marked handled until then.
      const caseBytes = options.case === undefined ? undefined : readCaseBytes(options.case);
      caseBytes?.catch(() => undefined);
      // Ink, React and the world load only when the dashboard opens, not for `serve` or `scenarios`.
      if (options.scenario !== undefined) {
        const { loadCatalogue, selectScenarios, SelectionError } = await import('../scenarios/index.js');
        try {
          selectScenarios(await loadCatalogue(), { ids: [options.scenario] });
        } catch (error) {
          if (!(error instanceof SelectionError)) throw error;
          return this.error(`error: ${error.message}`, { exitCode: 2, code: 'booklab.usage' });
        }
      }
      const { runTui } = await import('./run-tui.js');
      const code = await runTui({ ...options, scenarioFromFile, caseBytes });
      setExitCode?.(code);
    });
}
