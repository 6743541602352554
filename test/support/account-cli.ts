import { copyFile, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type Command, CommanderError } from 'commander';
import type { AccountCommandOptions } from '../../bin/account-command.js';
import { throwInsteadOfExit } from '../../bin/program.js';
import { readCaseFile, saveCaseFile, World, type Focus, type FocusState } from '../../core/index.js';

/** What an in-process run of `booklab external-ids` or `booklab ledger-accounts` printed, and its exit code. */
export interface AccountRun {
  code: number;
  out: string;
  err: string;
}

/**
 * Runs an account command in-process as the program would: refusals raise the exit code to 1, and commander's
 * usage errors are caught (exit 2) instead of ending the test process.
 */
export async function runAccountCommand(make: (options: AccountCommandOptions) => Command, args: string[]): Promise<AccountRun> {
  let out = '';
  let err = '';
  let code = 0;
  const command = make({ setExitCode: (c) => (code = Math.max(code, c)), stdout: { write: (text: string) => (out += text) }, env: {} });
  throwInsteadOfExit(command);
  for (const sub of [command, ...command.commands]) sub.configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
  try {
    await command.parseAsync(args, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // As bin/program.ts does: every usage error exits 2, whatever code commander gives it.
    if (error.exitCode !== 0) code = 2;
  }
  return { code, out, err };
}

/** Saves a Focus as a case file (with a fresh accounting side), as a developer attaches one to a ticket. */
export async function saveFocusCase(focus: Focus, path: string): Promise<void> {
  const world = await World.create({ focus: focus.state });
  try {
    await saveCaseFile(world, path, { title: 'account command test' });
  } finally {
    await world.close();
  }
}

/** The Focus state saved in a case file; throws when the file is not one (a broken test). */
export async function savedFocus(path: string): Promise<FocusState> {
  const read = await readCaseFile(path);
  if (!read.ok) throw new Error(read.problem.message);
  return read.value.snapshot.focus;
}

/** The case file's exact text, to show that a refused or unsaved command left it as it was. */
export function caseText(path: string): Promise<string> {
  return readFile(path, 'utf8');
}

let copies = 0;

/** A copy of the case file `base`, beside it, for one test to change. */
export async function freshCopy(base: string): Promise<string> {
  const path = join(dirname(base), `case-${++copies}.json`);
  await copyFile(base, path);
  return path;
}
