import type { Command } from 'commander';
import { DEMOS, type Focus, type FocusResult, done, focusProblems as problems, refuse } from '../core/index.js';
import { styleFor, type Style, type Output } from '../scenarios/index.js';
import { openAccount, saveFocus } from './focus-account.js';

// What `booklab external-ids` and `booklab ledger-accounts` share: the account options, opening the case,
// printing a refusal with exit 1, and saving a change back into the case file.

/** What an account command needs from the program around it. */
export interface AccountCommandOptions {
  /** Raises the exit code: 1 when Focus refused or `check` found problems. */
  setExitCode(code: number): void;
  stdout?: Output;
  env?: Record<string, string | undefined>;
}

/** The options every account subcommand has. */
export type AccountFlags = {
  case?: string;
  user: string;
  /** False with --no-save. */
  save?: boolean;
};

/** What a subcommand did: the lines to print, and exit code 1 when it found problems without being refused. */
export interface Report {
  lines: string[];
  exitCode?: 0 | 1;
}

/** Whether a subcommand only reads the account (and may run on the demo account) or changes it. */
export type AccountMode = 'reads' | 'changes';

/** What a subcommand's work gets: the account, who acts, and the style for its lines. */
export interface AccountContext {
  focus: Focus;
  user: string;
  style: Style;
}

/** Adds --case, --user and, for a subcommand that changes the account, --no-save. */
export function withAccountOptions(command: Command, mode: AccountMode): Command {
  command
    .option(
      '--case <file>',
      mode === 'changes'
        ? 'the case file to change; the change is saved into it (required)'
        : 'a case file saved by booklab (default: the demo account)',
    )
    .option('--user <id>', 'the Focus user who acts (admin or sales in a new account)', 'admin');
  if (mode === 'changes') command.option('--no-save', 'show what the change does but leave the case file as it was');
  return command;
}

/**
 * Runs one subcommand on the account. A change without --case is a usage error (exit 2: there is nothing to save
 * it in); a case file that cannot be read, an unknown user or a refusal of Focus prints the message and exits 1
 * with nothing saved; a change that Focus accepts is saved into the case file unless --no-save.
 */
export async function onAccount(
  command: Command,
  { setExitCode, stdout = process.stdout, env = process.env }: AccountCommandOptions,
  mode: AccountMode,
  work: (context: AccountContext) => FocusResult<Report> | Promise<FocusResult<Report>>,
): Promise<void> {
  const flags = command.opts<AccountFlags>();
  const style = styleFor(stdout, env);
  const say = (line: string): void => {
    stdout.write(`${line}\n`);
  };
  if (mode === 'changes' && !flags.case) {
    return command.error(
      `error: \`${commandPath(command)}\` changes the account, and without --case there is no case file to save the change in. ` +
        'Give --case FILE (a case saved by booklab); the read-only subcommands run on the demo account.',
      { exitCode: 2, code: 'booklab.usage' },
    );
  }
  const account = await openAccount(flags.case);
  if (!account.ok) {
    say(style.fail(account.problem.message));
    return setExitCode(1);
  }
  const { focus, caseFile } = account.value;
  if (!caseFile) say(style.dim(`On ${DEMOS.export}. Give --case FILE to work on a saved case.`));
  // An unknown user is not a non-admin: say who can act instead of "only an admin can".
  const outcome = focus.user(flags.user)
    ? await work({ focus, user: flags.user, style })
    : refuse({
        ...problems.notFound('user', flags.user),
        message: `No user with id ${flags.user}. Users of this account: ${Object.keys(focus.state.users).join(', ')}.`,
      });
  if (!outcome.ok) {
    say(style.fail(outcome.problem.message));
    if (mode === 'changes') say(style.dim(`Nothing changed in ${flags.case}.`));
    return setExitCode(1);
  }
  for (const line of outcome.value.lines) say(line);
  if (outcome.value.exitCode) setExitCode(outcome.value.exitCode);
  if (mode !== 'changes' || !caseFile) return;
  if (flags.save === false) return say(style.dim(`Not saved (--no-save): ${flags.case} is as it was.`));
  await saveFocus(flags.case!, caseFile, focus);
  say(style.dim(`Saved in ${flags.case}.`));
}

/** A Focus outcome as the lines to print; a refusal stays a refusal. */
export function toReport<T>(result: FocusResult<T>, print: (value: T) => string[]): FocusResult<Report> {
  return result.ok ? done({ lines: print(result.value) }) : result;
}

/** "booklab external-ids import", for messages (also when a test runs the command without the program around it). */
function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names[0] === 'booklab' ? names.join(' ') : ['booklab', ...names].join(' ');
}
