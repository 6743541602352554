import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseFromExports, World, writeCaseFile } from '../core/index.js';
import { killLeftoverChildren, runCli, startServeCli, type ServedCli } from './support/cli.js';
import { doctor } from './support/doctor-run.js';

// `booklab doctor` with each input kind (issue 11, must-show 2 and 3): support's CSV exports in English and Dutch,
// malformed CSVs (file, line and column in the error, exit 2), inconsistent data (findings or clear errors, never a
// stack trace), and a running `booklab serve` read through --exact-url.

const EXAMPLES = new URL('../docs/examples/doctor/', import.meta.url).pathname;
const NOW = '2026-03-02T09:00:00Z';
const SETTINGS = ['--start-date', '2026-01-01', '--journals', '70,71', '--now', NOW];

let dir: string;
const file = (name: string) => join(dir, name);

/** The ticket of article 002 as English exports with commas: booking 1004 of 2026/4 was deleted, and 2026/5 got 1004. */
const INVOICES = [
  'Number,Date,Customer,Total,Status,Booking number',
  '2026/1,2026-01-12,Brouwerij De Kroon,1210.00,Paid,1001',
  '2026/2,2026-01-20,Van Dijk Installaties,544.50,Outstanding,1002',
  '2026/3,2026-02-03,"Atelier Lumière, Gent","2.420,00",Outstanding,1003',
  '2026/4,2026-02-10,Delta Logistics,605.00,Outstanding,1004',
  '2026/5,2026-02-17,Brouwerij De Kroon,1815.00,Outstanding,1004',
];
const ENTRIES = [
  'Journal,Entry number,Date,Your ref.,Amount,Outstanding',
  '70,1001,2026-01-12,2026/1,1210.00,0.00',
  '70,1002,2026-01-20,2026/2,544.50,544.50',
  '70,1003,2026-02-03,2026/3,2420.00,2420.00',
  '70,1004,2026-02-17,2026/5,1815.00,1815.00',
];

async function write(name: string, lines: string[]): Promise<string> {
  await writeFile(file(name), `${lines.join('\n')}\n`);
  return file(name);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'booklab-doctor-inputs-'));
  await write('invoices.csv', INVOICES);
  await write('entries.csv', ENTRIES);
});
afterAll(async () => {
  await killLeftoverChildren();
  await rm(dir, { recursive: true, force: true });
});

const csvArgs = (invoices = file('invoices.csv'), entries = file('entries.csv')) => [
  '--focus-invoices',
  invoices,
  '--exact-entries',
  entries,
  '--next-numbers',
  '70=1005,71=8001',
  ...SETTINGS,
];

describe('booklab doctor with CSV exports', () => {
  it('English exports with commas: the same booking number, its deleted booking, and a proven plan; exit 1', async () => {
    const run = await doctor(csvArgs());
    expect(run.err).toBe('');
    expect(run.out).toContain('A. same-booking-number (article 002; R7, R9, P-samenumber, I2)');
    expect(run.out).toContain('Invoices 2026/4 and 2026/5 have the same booking number 1004');
    expect(run.out).toContain('B. booking-deleted-in-exact (article 002; R7, R9, I1)');
    expect(run.out).toContain('After this plan every invariant holds.');
    expect(run.code).toBe(1);
  });

  it('the Dutch example of docs/examples/doctor (semicolons, BOM, decimal commas, a draft, a credit note): its findings and a proven completed plan; exit 1', async () => {
    const run = await doctor([
      '--focus-invoices',
      `${EXAMPLES}facturen.csv`,
      '--focus-credit-notes',
      `${EXAMPLES}creditnotas.csv`,
      '--exact-entries',
      `${EXAMPLES}boekingen.csv`,
      '--next-numbers',
      `${EXAMPLES}volgnummers.csv`,
      ...SETTINGS,
    ]);
    expect(run.out).toContain('A. same-booking-number (article 002; R7, R9, P-samenumber, I2)');
    expect(run.out).toContain('B. booking-deleted-in-exact (article 002; R7, R9, I1)');
    expect(run.out).toContain('C. not-synced (article 003; R1)');
    expect(run.out).toContain('1 draft is not synced (dated 2026-02-24)');
    // The article's plan leaves invoice 2026/4 without its booking; booklab's completed plan moves back to 10 February
    // and deletes credit note 2026/1's booking 8001 (12 February) too, and its proof holds.
    expect(run.out).toContain(
      'I1 Invoice 2026/4 is linked to booking 1004 in journal 70, but that booking no longer exists in the bookkeeping tool.',
    );
    expect(run.out).toContain('Delete bookings 1004 and 8001 in Exact Online, highest first');
    expect(run.out).toContain('Deactivate with delink date 2026-02-10, contacts NOT delinked');
    expect(run.out).toContain('After this plan every invariant holds.');
    expect(run.out).toContain('Exit 1: Findings with a proven plan');
    expect(run.code).toBe(1);
  });

  it('--format json works on CSV input', async () => {
    const run = await doctor([...csvArgs(), '--format', 'json']);
    const json = JSON.parse(run.out) as { findings: Array<{ code: string }> };
    expect(json.findings.map((f) => f.code)).toEqual(['same-booking-number', 'booking-deleted-in-exact']);
  });
});

describe('booklab doctor refuses a malformed CSV with its file, line and column; exit 2', () => {
  it.each([
    ['a bad date', 'invoices', 4, '2026/3,2026-02-30,X,1.00,Outstanding,1003', 'bad-date.csv:4:2: "2026-02-30" is not a date.'],
    ['a bad amount', 'invoices', 2, '2026/1,2026-01-12,X,12.345.6,Paid,1001', 'bad-amount.csv:2:4: "12.345.6" is not an amount.'],
    [
      'an unquoted decimal comma',
      'invoices',
      3,
      '2026/2,2026-01-20,X,544,50,Outstanding,1002',
      'bad-fields.csv:3:7: This row has 7 fields but the header has 6',
    ],
    [
      'a misspelt header',
      'invoices',
      1,
      'Number,Date,Customer,Total,Status,Boekstuknumer',
      'bad-header.csv:1:6: "Boekstuknumer" is not a column of the Focus invoice overview',
    ],
    [
      'a missing column',
      'entries',
      1,
      'Journal,Entry number,Date,Amount,Outstanding',
      'bad-column.csv:1:6: The Exact journal entries has no column "Your ref." / "Your reference" / "Uw ref." / "Uw referentie"',
    ],
    [
      'an entry in a journal that does not exist',
      'entries',
      3,
      '75,1002,2026-01-20,2026/2,544.50,544.50',
      'bad-journal.csv:3:1: Entry 1002 stands in journal 75, which has no next booking number (known: 70, 71)',
    ],
  ])('%s', async (_what, kind, line, text, message) => {
    const name = message.split(':')[0]!;
    const lines = kind === 'invoices' ? [...INVOICES] : [...ENTRIES];
    lines[line - 1] = text;
    const path = await write(name, lines);
    const run = await doctor(kind === 'invoices' ? csvArgs(path) : csvArgs(undefined, path));
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toContain(`error: ${file(message.split(':')[0]!)}${message.slice(name.length)}`);
  });

  it('a usage error says what is missing and shows a correct call', async () => {
    const run = await doctor(['--focus-invoices', file('invoices.csv'), '--exact-entries', file('entries.csv')]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('Reading CSV exports, the doctor also needs --start-date, --journals, --next-numbers');
    expect(run.err).toContain('--next-numbers 70=1005,71=8002 --start-date 2026-01-01 --journals 70,71');
  });

  it('the real command: line and column, exit 2, no stack trace', async () => {
    const path = await write('child-bad-date.csv', [...INVOICES.slice(0, 3), '2026/3,03-13-2026,X,1.00,Outstanding,1003']);
    const run = await runCli(['doctor', ...csvArgs(path)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`error: ${path}:4:2: "03-13-2026" is not a date.`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('booklab doctor on inconsistent exports: findings, never a stack trace', () => {
  it('a booking number with no journal entry is a booking deleted in Exact', async () => {
    const path = await write('no-entry.csv', [...INVOICES.slice(0, 3), '2026/3,2026-02-03,Atelier,2420.00,Outstanding,1009']);
    const run = await doctor(csvArgs(path));
    expect(run.out).toContain('Invoice 2026/3 (2026-02-03) shows booking number 1009, but journal 70 no longer has that booking');
    expect([1, 3]).toContain(run.code);
  });

  it('an integration journal Exact does not have is the journal-missing finding; exit 3', async () => {
    const run = await doctor([
      '--focus-invoices',
      file('invoices.csv'),
      '--exact-entries',
      file('entries.csv'),
      '--next-numbers',
      '70=1005',
      ...SETTINGS,
    ]);
    expect(run.out).toContain('journal-missing');
    expect(run.code).toBe(3);
  });
});

describe('booklab doctor --exact-url against a running booklab serve', () => {
  let served: ServedCli;
  let ticket: string;

  beforeAll(async () => {
    served = await startServeCli(['--memory', '--port', '0', '--seed', 'empty']);
    const read = await caseFromExports({
      invoices: file('invoices.csv'),
      entries: file('entries.csv'),
      nextNumbers: '70=1005,71=8001',
      startDate: '2026-01-01',
      invoiceJournal: '70',
      creditNoteJournal: '71',
      division: 100001,
      now: Date.parse(NOW),
    });
    if (!read.ok) throw new Error(read.problem.message);
    ticket = file('ticket.json');
    await writeCaseFile(ticket, read.value);
    const world = await World.create({ serverUrl: served.url, clock: NOW });
    const restored = await world.restore(read.value.snapshot);
    if (!restored.ok) throw new Error(restored.problem.message);
  });
  afterAll(() => {
    served?.child.kill('SIGTERM');
  });

  it('reads the accounting side through the API, Focus from the case: the same findings as the case alone', async () => {
    const alone = await doctor(['--case', ticket]);
    const run = await doctor(['--exact-url', served.url, '--division', '100001', '--case', ticket, '--now', NOW]);
    expect(run.err).toBe('');
    expect(run.out).toContain('A. same-booking-number (article 002; R7, R9, P-samenumber, I2)');
    const findings = (out: string) => out.split('\n').filter((l) => /^ {2}[A-Z]\. /.test(l));
    expect(findings(run.out)).toEqual(findings(alone.out));
    expect(run.code).toBe(1);
  });

  it('the real command with Focus from its overviews and the secrets from the environment; a wrong token is exit 2', async () => {
    const run = await runCli([
      'doctor',
      '--exact-url',
      served.url,
      '--focus-invoices',
      file('invoices.csv'),
      '--next-numbers',
      '70=1005,71=8001',
      ...SETTINGS,
    ]);
    expect(run.stdout).toContain('A. same-booking-number (article 002; R7, R9, P-samenumber, I2)');
    expect(run.code).toBe(1);
    const refused = await runCli(['doctor', '--exact-url', served.url, '--case', ticket], { env: { EXACT_TOKEN: 'not-a-token' } });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/error: Could not read system\/Divisions of division 100001 at http:\/\/127\.0\.0\.1:\d+/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
  });
});
