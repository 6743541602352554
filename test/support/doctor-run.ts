import { CommanderError } from 'commander';
import { doctorCommand } from '../../bin/doctor-command.js';

/** What an in-process `booklab doctor` printed, and the exit code it asked for. */
export interface DoctorRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `booklab doctor` in-process as bin/program.ts does: every CommanderError (usage or input) is exit code 2. */
export async function doctor(args: string[]): Promise<DoctorRun> {
  let out = '';
  let err = '';
  let code = 0;
  const command = doctorCommand({ setExitCode: (c) => (code = Math.max(code, c)), stdout: { write: (text: string) => (out += text) } });
  command.exitOverride().configureOutput({ writeErr: (text) => (err += text) });
  try {
    await command.parseAsync(args, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    code = 2;
  }
  return { code, out, err };
}
