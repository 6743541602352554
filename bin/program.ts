import { Command, CommanderError } from 'commander';
import { serveCommand } from '../mock-accounting/index.js';

/** The `booklab` command line: returns the exit code (0 ok, 1 failure, 2 usage error). */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('booklab')
    .description('Reproduce, repair and verify bookkeeping-sync support cases between Focus and an Exact-like accounting server.')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .addCommand(serveCommand(), { isDefault: true });
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
}
