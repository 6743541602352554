import { Command, CommanderError } from 'commander';
import { serveCommand } from '../mock-accounting/index.js';
import { scenariosCommand } from '../scenarios/scenarios-command.js';
import { exportCommand } from './export-command.js';
import { externalIdsCommand } from './external-ids-command.js';
import { ledgerAccountsCommand } from './ledger-accounts-command.js';
import { tuiCommand } from '../tui/tui-command.js';

const HELP_AFTER_ERROR = '(run with --help for usage)';

/**
 * Makes `command` and every subcommand throw a CommanderError instead of exiting, with the usage hint after an
 * error. Subcommands built on their own and added with addCommand do not inherit these settings.
 */
export function throwInsteadOfExit(command: Command): void {
  command.exitOverride().showHelpAfterError(HELP_AFTER_ERROR);
  for (const sub of command.commands) throwInsteadOfExit(sub);
}

/** The `booklab` command line: returns the exit code (0 ok, 1 failure, 2 usage error). */
export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command('booklab')
    .description('Reproduce, repair and verify bookkeeping-sync support cases between Focus and an Exact-like accounting server.')
    .addCommand(tuiCommand({ setExitCode: (code) => (exitCode = Math.max(exitCode, code)) }), { isDefault: true })
    .addCommand(serveCommand())
    .addCommand(scenariosCommand({ setExitCode: (code) => (exitCode = Math.max(exitCode, code)) }))
    .addCommand(exportCommand({ setExitCode: (code) => (exitCode = Math.max(exitCode, code)) }))
    .addCommand(externalIdsCommand({ setExitCode: (code) => (exitCode = Math.max(exitCode, code)) }))
    .addCommand(ledgerAccountsCommand({ setExitCode: (code) => (exitCode = Math.max(exitCode, code)) }));
  throwInsteadOfExit(program);
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
}
