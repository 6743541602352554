import { Command, CommanderError } from 'commander';
import { scenariosCommand } from '../../scenarios/scenarios-command.js';
import type { Scenario } from '../../scenarios/scenario.js';

/** How an in-process `booklab scenarios …` ended and what it printed. */
export interface CommandRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

function capture() {
  let text = '';
  return { write: (chunk: string) => (text += chunk), isTTY: false, text: () => text };
}

/**
 * Runs `booklab scenarios ARGS` in this process on a catalogue of the test's own (scenarios that fail on purpose, or a
 * few of the real ones), with its output captured and its exit code returned instead of exiting.
 */
export async function runScenariosCommand(catalogue: readonly Scenario[], args: string[]): Promise<CommandRun> {
  const stdout = capture();
  const stderr = capture();
  let exitCode = 0;
  const command = scenariosCommand({ catalogue, stdout, stderr, env: {}, setExitCode: (code) => (exitCode = code) });
  for (const sub of [command, ...command.commands])
    sub.exitOverride().configureOutput({ writeErr: (s) => stderr.write(s), writeOut: (s) => stdout.write(s) });
  try {
    await new Command('booklab')
      .addCommand(command)
      .exitOverride()
      .parseAsync(['scenarios', ...args], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    exitCode = error.exitCode;
  }
  return { exitCode, stdout: stdout.text(), stderr: stderr.text() };
}
