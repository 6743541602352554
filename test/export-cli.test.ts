import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCommand } from '../bin/export-command.js';
import { createDemoExportAccount, readCaseFile, readCsvPair } from '../core/index.js';
import { createClock } from '../mock-accounting/index.js';
import { saveFocusCase } from './support/account-cli.js';
import { killLeftoverChildren, runCli } from './support/cli.js';

// `booklab export` (R18–R24): in-process for the steps and files, once as a real child process for the exit code.

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'booklab-export-'));
});
afterAll(async () => {
  killLeftoverChildren();
  await rm(dir, { recursive: true, force: true });
});

/** Runs the command in-process; returns what it printed and the exit code it asked for. */
async function exportCli(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  let code = 0;
  const command = exportCommand({
    setExitCode: (c) => (code = Math.max(code, c)),
    stdout: { write: (text: string) => (out += text) },
    env: {},
  });
  // As bin/program.ts does: usage errors throw a CommanderError (exit code 2) instead of exiting the process.
  command.exitOverride().configureOutput({ writeErr: () => {} });
  await command.parseAsync(args, { from: 'user' });
  return { code, out };
}

describe('booklab export on the demo account', () => {
  it('R24, R18: without external IDs for every customer the preview shows the errors, no file is written and it exits 1', async () => {
    const out = join(dir, 'errors');
    const run = await exportCli(['--out', out]);
    expect(run.code).toBe(1);
    expect(run.out).toContain('6 Preview       4 customers, 6 documents, 2 errors');
    expect(run.out).toMatch(/✗ customer \(no ID\) {2}Delta Logistics BV\n {6}No external ID/);
    expect(run.out).toContain('no file was made');
    await expect(readdir(out)).rejects.toThrow(/ENOENT/);
  });

  it('R20, R22, R23, R24: --generate-ids walks every step and writes a CSV pair whose totals equal the preview', async () => {
    const out = join(dir, 'csv');
    const run = await exportCli(['--out', out, '--generate-ids', '--vat', 'total']);
    expect(run.code, run.out).toBe(0);
    expect(
      run.out
        .split('\n')
        .filter((l) => /^\d /.test(l))
        .map((l) => l.slice(0, 16).trim()),
    ).toEqual(['1 Period', '2 Package', '3 External IDs', '4 Cost', '5 Parameters', '6 Preview', '7 File']);
    expect(run.out).toContain('3 External IDs  2 IDs generated, 0 customers without one');
    expect(run.out).toContain('4 Cost          6 × €0.12 = €0.72; wallet €5.00 → €4.28');
    expect(run.out).toContain('5 Parameters    VAT on total, customers exported, invoice journal V1, credit note journal V2');
    const names = (await readdir(out)).sort();
    expect(names).toEqual(['customers.csv', 'invoice-lines.csv']);
    const files = await Promise.all(names.map(async (name) => ({ name, content: await readFile(join(out, name), 'utf8') })));
    const read = readCsvPair(files);
    expect(read.customers.map((c) => c.externalId)).toEqual(['1001', '1002', '100000', '100001']);
    const previewTotals = [...run.out.matchAll(/✓ (?:invoice|credit note) +(\S+) +\S+ +(-?€[\d,.]+)/g)].map((m) => `${m[1]} ${m[2]}`);
    // The file's reader gives totals as Focus's documents hold them (positive); the preview shows a credit note negative.
    const fileTotals = read.documents.map(
      (d) =>
        `${d.number} ${d.kind === 'credit_note' ? '-' : ''}€${(d.totalCents / 100).toLocaleString('en-GB', { minimumFractionDigits: 2 })}`,
    );
    expect(run.out).toContain('✓ credit note 2026/1  2026-02-27  -€393.25  Brouwerij De Kroon');
    expect(fileTotals).toEqual(previewTotals);
  });

  it('R22: --package peppol-ubl writes one BIS 3.0 XML file per document', async () => {
    const out = join(dir, 'ubl');
    const run = await exportCli(['--out', out, '--generate-ids', '--package', 'peppol-ubl']);
    expect(run.code, run.out).toBe(0);
    const names = (await readdir(out)).sort();
    expect(names).toHaveLength(6);
    const xml = new XMLParser({ removeNSPrefix: true }).parse(await readFile(join(out, 'credit-note-2026-1.xml'), 'utf8'));
    expect(xml.CreditNote.CustomizationID).toBe('urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0');
  });

  it('R20: a start value that would reuse IDs is refused with the warning unless --confirm-reuse, which then exports the shared IDs', async () => {
    const refused = await exportCli(['--out', join(dir, 'reuse-refused'), '--generate-ids', '--start-value', '1002']);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('Start value 1002 would give out external IDs that customers already have (1002)');
    const out = join(dir, 'reuse');
    const confirmed = await exportCli(['--out', out, '--generate-ids', '--start-value', '1002', '--confirm-reuse']);
    expect(confirmed.code, confirmed.out).toBe(0);
    const customers = await readFile(join(out, 'customers.csv'), 'utf8');
    expect(customers.split('\n').filter((row) => row.startsWith('1002;'))).toHaveLength(2);
    const fixed = await exportCli([
      '--out',
      join(dir, 'reuse-fixed'),
      '--generate-ids',
      '--start-value',
      '1002',
      '--confirm-reuse',
      '--flag-shared-ids',
    ]);
    expect(fixed.code).toBe(1);
    expect(fixed.out).toContain('External ID 1002 is also used by');
  });

  it('refuses to write into a directory that holds files, unless --force; a file in the way is a refusal, not a crash', async () => {
    const out = join(dir, 'used');
    expect((await exportCli(['--out', out, '--generate-ids'])).code).toBe(0);
    const again = await exportCli(['--out', out, '--generate-ids']);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(
      /used already holds 2 files: an export written there would mix with them.*Choose an empty or new directory \(or replace them on purpose with --force\)/,
    );
    expect((await exportCli(['--out', out, '--generate-ids', '--force'])).code).toBe(0);
    const blocked = await exportCli(['--out', join(out, 'customers.csv'), '--generate-ids']);
    expect(blocked.code).toBe(1);
    expect(blocked.out).toMatch(/could not be written to .*customers\.csv: a file of that name is in the way/);
  });

  it('usage errors exit 2: ID options without --generate-ids, a parameter the package does not take', async () => {
    await expect(exportCli(['--start-value', '5'])).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('only apply with --generate-ids'),
    });
    await expect(exportCli(['--param', 'layout=wide'])).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('generic-csv has no parameter layout'),
    });
  });
});

describe('booklab export --case', () => {
  let casePath: string;
  beforeAll(async () => {
    const focus = createDemoExportAccount(createClock({ start: '2026-03-02T09:00:00Z', frozen: true }));
    focus.state.bookkeepingExport.wallet.balanceCents = 80;
    casePath = join(dir, 'case.json');
    await saveFocusCase(focus, casePath);
  });

  it('R22: saves the wallet in the case file, so the second export of the same invoices is free', async () => {
    const first = await exportCli(['--case', casePath, '--out', join(dir, 'case-1'), '--generate-ids']);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain('wallet €0.80 → €0.08');
    const saved = await readCaseFile(casePath);
    expect(saved.ok && saved.value.snapshot.focus.bookkeepingExport.wallet.balanceCents).toBe(8);
    const second = await exportCli(['--case', casePath, '--out', join(dir, 'case-2')]);
    expect(second.code, second.out).toBe(0);
    expect(second.out).toContain('4 Cost          0 × €0.12 = €0.00 (6 already paid, free); wallet €0.08 → €0.08');
  });

  it('R22: too little in the wallet is refused before anything is charged, and the case file is left as it was', async () => {
    const focus = createDemoExportAccount(createClock({ start: '2026-03-02T09:00:00Z', frozen: true }));
    focus.state.bookkeepingExport.wallet.balanceCents = 71;
    const poor = join(dir, 'poor.json');
    await saveFocusCase(focus, poor);
    const before = await readFile(poor, 'utf8');
    const refused = await exportCli(['--case', poor, '--out', join(dir, 'case-poor')]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('4 Cost          6 × €0.12 = €0.72; wallet €0.71\n');
    expect(refused.out).toContain('The export costs €0.72 but the wallet holds €0.71: nothing was charged.');
    expect(await readFile(poor, 'utf8')).toBe(before);
  });

  it('refuses a file that is not a case file, saying what to give', async () => {
    const run = await exportCli(['--case', join(dir, 'missing.json')]);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/Cannot read the case file .*missing\.json.*Give the path of a file saved by booklab/);
  });
});

describe('the real booklab export', () => {
  it('exits 1 on errors in the preview and 2 on an unknown package', { timeout: 60_000 }, async () => {
    const errors = await runCli(['export', '--out', join(dir, 'child')]);
    expect(errors.code, errors.stderr).toBe(1);
    expect(errors.stdout).toContain('no file was made');
    const usage = await runCli(['export', '--package', 'twinfield']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/Allowed choices are generic-csv, peppol-ubl/);
  });
});
