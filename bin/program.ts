import { Command, CommanderError } from 'commander';
import { goOnQuietlyOnClosedPipe } from './closed-pipe.js';
import { packageVersion } from './package-version.js';

const HELP_AFTER_ERROR = '(run with --help for usage)';

/** What every subcommand gets from the program around it. */
interface SubcommandContext {
  /** Raises the exit code the program ends with. */
  setExitCode(code: number): void;
}

/** A subcommand: its line in `booklab --help`, and how to build it once it is the one that runs. */
interface Subcommand {
  name: string;
  summary: string;
  load(context: SubcommandContext): Promise<Command>;
}

// Only the subcommand that runs is loaded, each through its package's barrel: `booklab --help` or `booklab serve`
// then never load the dashboard (Ink, React), the export formats or the catalogue, and the start stays quick.
const SUBCOMMANDS: readonly Subcommand[] = [
  {
    name: 'tui',
    summary: 'open the dashboard: Focus and Exact side by side, the invariants, scenario walkthroughs (the default)',
    load: async (context) => (await import('../tui/index.js')).tuiCommand(context),
  },
  {
    name: 'serve',
    summary: 'run the mock accounting server (Exact-Online-like API and back office)',
    load: async () => (await import('../mock-accounting/index.js')).serveCommand(),
  },
  {
    name: 'scenarios',
    summary: 'list and run the support cases of the catalogue',
    load: async (context) => (await import('../scenarios/index.js')).loadScenariosCommand(context),
  },
  {
    name: 'doctor',
    summary: "diagnose a support case and hand support the article's repair plan, proven on a copy first",
    load: async (context) => (await import('./doctor-command.js')).doctorCommand(context),
  },
  {
    name: 'explore',
    summary: 'generate histories of both systems, judge them by the invariants, shrink and save the broken ones',
    load: async (context) => (await import('../scenarios/index.js')).loadExploreCommand(context),
  },
  {
    name: 'export',
    summary: 'export invoices to a bookkeeping package without a two-way sync (CSV or Peppol UBL)',
    load: async (context) => (await import('./export-command.js')).exportCommand(context),
  },
  {
    name: 'external-ids',
    summary: "list, import, type and generate the customers' external IDs of the one-way export",
    load: async (context) => (await import('./external-ids-command.js')).externalIdsCommand(context),
  },
  {
    name: 'ledger-accounts',
    summary: "Focus's ledger accounts of the one-way export: list, create, discount account, suggestions, check",
    load: async (context) => (await import('./ledger-accounts-command.js')).ledgerAccountsCommand(context),
  },
];

const DEFAULT_SUBCOMMAND = 'tui';

const OWN_OPTIONS = ['-h', '--help', '-V', '--version'];

/** The subcommand the arguments run, as commander dispatches them; none for the program's own help and version. */
function chosenSubcommand(args: readonly string[]): string | undefined {
  const [first, second] = args;
  if (first === 'help') return second;
  if (first !== undefined && OWN_OPTIONS.includes(first)) return undefined;
  return SUBCOMMANDS.some((s) => s.name === first) ? first : DEFAULT_SUBCOMMAND;
}

/**
 * Why the first word cannot run, when it is neither a subcommand nor an option: the default subcommand takes
 * options only, so a mistyped command would otherwise reach it as a stray argument ("too many arguments for 'tui'").
 */
async function unknownCommand(args: readonly string[]): Promise<string | undefined> {
  // `booklab help WORD` asks for the help of a command, which must be one too.
  const first = args[0] === 'help' ? args[1] : args[0];
  if (first === undefined || first.startsWith('-') || first === 'help') return undefined;
  const names = SUBCOMMANDS.map((s) => s.name);
  if (names.includes(first)) return undefined;
  // Loaded only for a mistyped command: the scenarios barrel would slow every start.
  const { closestWords, orList } = await import('../scenarios/index.js');
  return `error: unknown command '${first}' (did you mean ${orList(closestWords(first, names, 1))}?). The commands are ${names.join(', ')}; run \`booklab --help\` for what each does.`;
}

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
  const context: SubcommandContext = { setExitCode: (code) => (exitCode = Math.max(exitCode, code)) };
  goOnQuietlyOnClosedPipe();
  const unknown = await unknownCommand(argv.slice(2));
  if (unknown) {
    console.error(unknown);
    return 2;
  }
  const program = new Command('booklab')
    .description('Reproduce, repair and verify bookkeeping-sync support cases between Focus and an Exact-like accounting server.')
    // The same line whether a subcommand was loaded or only listed: its name, its options are in its own help.
    .configureHelp({ subcommandTerm: (sub) => sub.name() })
    .version(packageVersion(), '-V, --version', "print booklab's version");
  const chosen = chosenSubcommand(argv.slice(2));
  for (const { name, summary, load } of SUBCOMMANDS) {
    const sub = name === chosen ? await load(context) : new Command(name);
    program.addCommand(sub.summary(summary), { isDefault: name === DEFAULT_SUBCOMMAND });
  }
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
