import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInvariants, loadCaseFile } from '../core/index.js';
import { BIN, killLeftoverChildren, runCli, startServeCli } from './support/cli.js';

// A newcomer's first hour with the real `booklab` command (issue 13): the version, a mistyped command or scenario
// id, a pipe closed by `head`, stopping `serve`, where the rules are, and a case file saved for a ticket.

const TIMEOUT_MS = 60_000;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'booklab-first-hour-'));
});
afterAll(async () => {
  await killLeftoverChildren();
  await rm(dir, { recursive: true, force: true });
});

/** Runs booklab with its stdout pipe already closed by the reader, as `booklab … | head -1` does once head has its line. */
async function runIntoClosedPipe(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stderr };
}

describe('booklab --version and mistyped words', () => {
  it("prints the package's version and exits 0", { timeout: TIMEOUT_MS }, async () => {
    const run = await runCli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('0.1.0\n');
  });

  it("refuses an unknown command with the closest one, exit 2, instead of passing it to 'tui'", { timeout: TIMEOUT_MS }, async () => {
    const bogus = await runCli(['bogus']);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toContain("error: unknown command 'bogus' (did you mean 'tui'?)");
    expect(bogus.stderr).not.toContain('too many arguments');
    const typo = await runCli(['scenario', 'list']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain(
      "error: unknown command 'scenario' (did you mean 'scenarios'?). The commands are tui, serve, scenarios, doctor, explore, export, external-ids, ledger-accounts",
    );
    expect(typo.stdout).toBe('');
    const help = await runCli(['help', 'exprot']);
    expect(help.code).toBe(2);
    expect(help.stderr).toContain("error: unknown command 'exprot' (did you mean 'export'?)");
  });

  it('answers an unknown scenario id with the closest ids, not the whole catalogue', { timeout: TIMEOUT_MS }, async () => {
    const run = await runCli(['scenarios', 'run', 'invoice-shown-twise']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `error: Unknown scenario id "invoice-shown-twise" (did you mean 'invoice-shown-twice', 'invoice-shown-twice-credit-note' or 'invoice-shown-twice-later-documents'?).`,
    );
    expect(run.stderr).not.toContain('yuki-quota-exhausted');
  });

  it('answers an unknown `tui --scenario` id the same way, as a usage error', { timeout: TIMEOUT_MS }, async () => {
    const run = await runCli(['tui', '--scenario', 'same-booking-numbr']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`error: Unknown scenario id "same-booking-numbr" (did you mean 'same-booking-number',`);
    expect(run.stdout).toBe('');
  });
});

describe('a closed pipe (booklab … | head -1)', () => {
  it.each([[['scenarios', 'list']], [['--help']]])(
    'booklab %j ends quietly with exit 0, no EPIPE trace',
    { timeout: TIMEOUT_MS },
    async (args) => {
      const run = await runIntoClosedPipe(args);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    },
  );

  it('booklab export finishes its work (the files are written) and ends with its own exit code', { timeout: TIMEOUT_MS }, async () => {
    const out = join(dir, 'piped-export');
    const written = await runIntoClosedPipe(['export', '--generate-ids', '--out', out]);
    expect(written).toEqual({ code: 0, stderr: '' });
    expect((await readdir(out)).sort()).toEqual(['customers.csv', 'invoice-lines.csv']);
    const refused = await runIntoClosedPipe(['export', '--out', join(dir, 'refused-export')]);
    expect(refused).toEqual({ code: 1, stderr: '' });
  });
});

describe('booklab serve on Ctrl-C', () => {
  it('says it was stopped by Ctrl-C and where the data is, and exits 0', { timeout: TIMEOUT_MS }, async () => {
    const data = join(dir, 'serve', 'accounting.json');
    const served = await startServeCli(['--port', '0', '--data', data]);
    served.child.kill('SIGINT');
    const exit = await served.exited;
    expect(exit, served.stderr()).toEqual({ code: 0, signal: null });
    expect(served.stderr()).toContain(`[booklab] Stopped by Ctrl-C (SIGINT); the data is saved in ${data}.`);
    expect(JSON.parse(await readFile(data, 'utf8'))).toBeTypeOf('object');
  });
});

describe('booklab serve on a data file another server uses', () => {
  it(
    'refuses to start, says which server holds the file and what to do; stopped, the first gives the file back',
    { timeout: TIMEOUT_MS },
    async () => {
      const data = join(dir, 'two-servers', 'accounting.json');
      const first = await startServeCli(['--port', '0', '--data', data]);
      try {
        const second = await runCli(['serve', '--port', '0', '--data', data]);
        expect(second.code).toBe(1);
        expect(second.stdout).toBe('');
        expect(second.stderr).toContain(
          `[booklab] The data file ${data} is in use by another booklab server (process ${first.child.pid} on `,
        );
        expect(second.stderr).toContain(
          `Stop that server, or give this one another --data file. If no booklab server runs any more, delete ${data}.lock.`,
        );
        expect(second.stderr).not.toMatch(/\n\s+at /);
      } finally {
        first.child.kill('SIGTERM');
      }
      expect(await first.exited).toEqual({ code: 0, signal: null });
      // Stopped, the first gave the file back: a server started now opens it.
      const again = await startServeCli(['--port', '0', '--data', data]);
      again.child.kill('SIGTERM');
      await again.exited;
      expect(again.stderr()).toContain(`[booklab] Serving the state saved in ${data}`);
    },
  );
});

describe('the demo each command shows', () => {
  const CUSTOMERS = 'Brouwerij De Kroon, Van Dijk Installaties, Atelier Lumière, Delta Logistics';

  it(
    'serve says it serves the demo seed: Booklab Demo BV, its customers, no bookings, the real clock; a saved file says so',
    { timeout: TIMEOUT_MS },
    async () => {
      const data = join(dir, 'demo-serve', 'accounting.json');
      const fresh = await startServeCli(['--port', '0', '--data', data]);
      fresh.child.kill('SIGTERM');
      await fresh.exited;
      expect(fresh.stderr()).toContain(
        `[booklab] Serving a new state from the demo seed: Booklab Demo BV's administration (division 100001) with its customers ${CUSTOMERS}, the sales journals 70 and 71 and no bookings yet, on the real clock.`,
      );
      const again = await startServeCli(['--port', '0', '--data', data]);
      again.child.kill('SIGTERM');
      await again.exited;
      expect(again.stderr()).toContain(`[booklab] Serving the state saved in ${data} (--seed applies to a new data file only).`);
    },
  );

  it('tui says it shows the demo world on the same company and customers, and its clock', { timeout: TIMEOUT_MS }, async () => {
    const run = await runCli(['tui']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      'On the demo world: Booklab Demo BV on the demo seed, connected to Exact from 2026-01-01 with its 4 customers imported, 6 invoices booked and synced, a credit note and 2 drafts; the clock stands at 2026-03-02 09:00 UTC.',
    );
    for (const name of CUSTOMERS.split(', ')) expect(run.stdout).toContain(name.slice(0, 11));
  });

  it("export says it shows the demo export account of article 004, not the dashboard's demo world", { timeout: TIMEOUT_MS }, async () => {
    const run = await runCli(['export', '--out', join(dir, 'demo-export')]);
    expect(run.stdout.split('\n')[0]).toBe(
      "On the demo export account (article 004): Booklab Demo BV's Focus without a two-way sync, exporting one way; 4 customers (2 with an external ID), 5 invoices and a credit note, EUR 5.00 in the wallet; the clock stands at 2026-03-02 09:00 UTC. It is not the dashboard's demo world. Nothing is saved; give --case FILE to export a saved case.",
    );
    expect(run.stdout).toContain('1 Period        2026-01-01 – 2026-03-02: 5 invoices and 1 credit note');
  });
});

describe('booklab scenarios list', () => {
  it('points to docs/rules.md for the ids it shows', { timeout: TIMEOUT_MS }, async () => {
    const run = await runCli(['scenarios', 'list']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '56 scenarios; run them with `booklab scenarios run [ID...]`.\nThe rules, procedures and invariants they cite (R…, P-…, I…) are defined in docs/rules.md.\n',
    );
  });
});

describe('booklab scenarios run ID --save-case FILE', () => {
  it(
    'saves the world at the end of the symptom phase: loaded, 2026/3 and 2026/4 share booking 1003 (I1, I2)',
    { timeout: TIMEOUT_MS },
    async () => {
      const file = join(dir, 'same-number.json');
      const run = await runCli(['scenarios', 'run', 'same-booking-number', '--save-case', file]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(`Saved the world at the end of the symptom phase in ${file}`);
      const loaded = await loadCaseFile(file);
      if (!loaded.ok) throw new Error(loaded.problem.message);
      const world = loaded.value;
      try {
        const booked = Object.values(world.focus.state.documents).map((d) => [d.number, d.bookingNumber]);
        expect(booked).toEqual([
          ['2026/1', 1001],
          ['2026/2', 1002],
          ['2026/3', 1003],
          ['2026/4', 1003],
        ]);
        expect([...new Set((await checkInvariants(world)).map((v) => v.invariant))].sort()).toEqual(['I1', 'I2']);
      } finally {
        await world.close();
      }
      const saved = JSON.parse(await readFile(file, 'utf8')) as { title: string };
      expect(saved.title).toBe('same-booking-number: The invoices X and Y have the same booking number');
    },
  );

  it(
    'refuses to overwrite a file without --force (exit 2, file unchanged), and replaces it with --force',
    { timeout: TIMEOUT_MS },
    async () => {
      const file = join(dir, 'existing.json');
      await writeFile(file, 'keep me\n');
      const refused = await runCli(['scenarios', 'run', 'invoice-shown-twice', '--save-case', file]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(
        `error: ${file} already exists, and --save-case does not overwrite a file: add --force to replace it, or give another path.`,
      );
      expect(await readFile(file, 'utf8')).toBe('keep me\n');
      const forced = await runCli(['scenarios', 'run', 'invoice-shown-twice', '--save-case', file, '--force']);
      expect(forced.code, forced.stderr).toBe(0);
      expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
        format: 'booklab-case',
        title: 'invoice-shown-twice: My invoice is shown twice in Exact Online',
      });
    },
  );

  it('needs exactly one scenario id', { timeout: TIMEOUT_MS }, async () => {
    const run = await runCli(['scenarios', 'run', 'same-booking-number', 'invoice-shown-twice', '--save-case', join(dir, 'two.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error: --save-case saves the world of one scenario: give exactly one ID (got 2).');
  });
});
