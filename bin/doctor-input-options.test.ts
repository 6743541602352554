import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addDoctorInputOptions, openDoctorInput, type DoctorInputOptions } from './doctor-input-options.js';

const EXAMPLES = new URL('../docs/examples/doctor/', import.meta.url).pathname;
const NOW = Date.parse('2026-03-02T09:00:00Z');

/** Parses arguments with the doctor's input options, as a command would. */
function parsed(args: string[], env: Record<string, string> = {}): DoctorInputOptions {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const command = addDoctorInputOptions(new Command('doctor')).exitOverride();
    command.parse(args, { from: 'user' });
    return command.opts<DoctorInputOptions>();
  } finally {
    for (const key of Object.keys(env)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

const CSVS = [
  '--focus-invoices',
  `${EXAMPLES}facturen.csv`,
  '--focus-credit-notes',
  `${EXAMPLES}creditnotas.csv`,
  '--exact-entries',
  `${EXAMPLES}boekingen.csv`,
];

describe('addDoctorInputOptions', () => {
  it('parses the settings and takes the API secrets from the environment', () => {
    const options = parsed(
      ['--exact-url', 'http://127.0.0.1:5080/', '--journals', '70,71', '--start-date', '2026-01-01', '--division', '100001'],
      { EXACT_TOKEN: 'tok', EXACT_CLIENT_SECRET: 'sec' },
    );
    expect(options).toMatchObject({
      exactUrl: 'http://127.0.0.1:5080',
      journals: { invoice: '70', creditNote: '71' },
      startDate: '2026-01-01',
      division: 100001,
      token: 'tok',
      clientSecret: 'sec',
    });
  });

  it('refuses a bad value with what to write', () => {
    expect(() => parsed(['--journals', '70'])).toThrow(/give the invoice journal and the credit note journal, e.g. 70,71/);
    expect(() => parsed(['--start-date', '01-01-2026'])).toThrow(/write the day as YYYY-MM-DD/);
    expect(() => parsed(['--exact-url', 'ftp://x'])).toThrow(/give the API origin/);
  });
});

describe('openDoctorInput', () => {
  it('reads the CSV exports, with the sources named', async () => {
    const input = await openDoctorInput(
      parsed([...CSVS, '--next-numbers', `${EXAMPLES}volgnummers.csv`, '--start-date', '2026-01-01', '--journals', '70,71']),
      NOW,
    );
    if (!input.ok) throw new Error(input.problem.message);
    expect(input.value.sources).toEqual([
      `${EXAMPLES}facturen.csv`,
      `${EXAMPLES}creditnotas.csv`,
      `${EXAMPLES}boekingen.csv`,
      `${EXAMPLES}volgnummers.csv`,
    ]);
    expect(input.value.caseFile.snapshot.clock).toBe(NOW);
    expect(Object.keys(input.value.caseFile.snapshot.focus.documents)).toHaveLength(7);
  });

  it('says what is missing, with an example of a correct call', async () => {
    const input = await openDoctorInput(parsed(CSVS));
    expect(input).toMatchObject({ ok: false, problem: { code: 'usage', file: null, line: null, column: null } });
    expect(!input.ok && input.problem.message).toContain(
      'Reading CSV exports, the doctor also needs --start-date, --journals, --next-numbers',
    );
    expect(!input.ok && input.problem.message).toContain('booklab doctor --case ticket.json');
  });

  it.each([
    [[], 'Give the case to examine: --case FILE (a case file saved by booklab or the dashboard), CSV exports'],
    [['--focus-invoices', 'f.csv'], "--focus-invoices need Exact's side: add --exact-entries (an export) or --exact-url (a running API)."],
    [['--case', 'c.json', '--exact-entries', 'e.csv'], '--case already holds both sides; drop --exact-entries, or drop --case.'],
    [
      ['--case', 'c.json', '--exact-url', 'http://127.0.0.1:1', '--focus-invoices', 'f.csv'],
      "--case already holds Focus's side; drop --focus-invoices, or drop --case.",
    ],
    [
      ['--case', 'c.json', '--start-date', '2026-01-01'],
      '--case alone holds the whole case; --start-date only go with CSV exports or --exact-url.',
    ],
    [['--case', 'c.json', '--token', 't'], '--token only go with --exact-url (the API they sign in to).'],
    [
      ['--exact-url', 'http://127.0.0.1:1', '--exact-entries', 'e.csv'],
      'Give the accounting side once: --exact-url reads it from the API, --exact-entries from an export. Drop one of them.',
    ],
    [
      ['--exact-url', 'http://127.0.0.1:1', '--case', 'c.json', '--journals', '70,71'],
      "--journals: the case file already holds the integration's settings. Drop them.",
    ],
    [
      ['--exact-url', 'http://127.0.0.1:1', '--focus-invoices', 'f.csv'],
      "Reading Focus's overviews with an API, the doctor also needs --start-date, --journals",
    ],
  ])('refuses %j as a usage error', async (args, message) => {
    const input = await openDoctorInput(parsed(args));
    expect(input).toMatchObject({ ok: false, problem: { code: 'usage' } });
    expect(!input.ok && input.problem.message.split('\n')[0]).toContain(message);
  });

  it('hands --case alone to readCaseFile, whose refusal is a problem', async () => {
    const input = await openDoctorInput(parsed(['--case', `${EXAMPLES}facturen.csv`]));
    expect(input).toMatchObject({ ok: false, problem: { code: 'bad-case-file' } });
    expect(!input.ok && input.problem.message).toContain('Cannot read the case file');
  });

  it('passes a malformed file on with its file, line and column', async () => {
    const input = await openDoctorInput(
      parsed([
        '--focus-invoices',
        `${EXAMPLES}boekingen.csv`,
        '--exact-entries',
        `${EXAMPLES}boekingen.csv`,
        '--next-numbers',
        '70=1005,71=8002',
        '--start-date',
        '2026-01-01',
        '--journals',
        '70,71',
      ]),
    );
    expect(input).toMatchObject({ ok: false, problem: { code: 'unknown-header', file: `${EXAMPLES}boekingen.csv`, line: 1, column: 1 } });
  });
});
