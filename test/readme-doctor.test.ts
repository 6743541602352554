import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doctorCommand } from '../bin/doctor-command.js';
import { saveSymptomCase } from './support/doctor-cases.js';

// The README's doctor session is real output: this plays ticket 4711 again and compares, so a change to what the
// doctor says shows up as a README that must be pasted again.

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'booklab-readme-doctor-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const COMMAND = '$ booklab doctor --case ticket-4711.json --save-case ticket-4711.json\n';

describe('README: the doctor session', () => {
  it('is what booklab doctor prints for ticket 4711', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf(COMMAND) + COMMAND.length;
    const pasted = readme.slice(start, readme.indexOf('\n$ echo $?', start)).split('\n');
    const path = join(dir, 'ticket-4711.json');
    await saveSymptomCase(
      'same-booking-number-earlier-date',
      path,
      'Ticket 4711: The invoices 2026/3 and 2026/4 have the same booking number',
    );
    let out = '';
    let code = 0;
    await doctorCommand({ setExitCode: (c) => (code = c), stdout: { write: (text: string) => (out += text) } }).parseAsync(
      ['--case', path, '--save-case', path],
      { from: 'user' },
    );
    const printed = out.trimEnd().split('\n');
    // The last line names the files saved, by the path given: the README's is relative.
    expect(printed.slice(0, -1)).toEqual(pasted.slice(0, -1));
    expect(pasted.at(-1)).toBe("Saved ticket-4711.before.json (as read) and ticket-4711.after.json (after booklab's completed plan).");
    expect(code).toBe(1);
  });
});
