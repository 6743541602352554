import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFile } from '../core/index.js';
import { killLeftoverChildren, runCli } from './support/cli.js';
import { saveSymptomCase } from './support/doctor-cases.js';
import { doctor } from './support/doctor-run.js';

// `booklab doctor` (issue 11, must-show 2): --case input, each output format, each exit code, and inconsistent data,
// in-process for the output and once as a real child process for the exit codes and the absence of stack traces.

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'booklab-doctor-'));
  await saveSymptomCase('same-booking-number', file('same-number.json'), 'Ticket 4711: same booking number');
  await saveSymptomCase('same-booking-number-earlier-date', file('earlier.json'), 'Ticket 4712: same booking number, earlier date');
  await saveSymptomCase('accidental-booking-last-invoice', file('test-invoice.json'), 'Ticket 4713: test invoice');
  await saveSymptomCase('same-booking-number', file('healthy.json'), 'Ticket 4714: repaired', 'end');
  await saveSymptomCase('mistake-import-contacts-on-reconnect', file('doubles.json'), 'Ticket 4715: doubles', 'end');
}, 60_000);
afterAll(async () => {
  await killLeftoverChildren();
  await rm(dir, { recursive: true, force: true });
});

/** A saved case changed by hand, as an inconsistent export would arrive. */
async function edited(name: string, change: (c: CaseFile) => void): Promise<string> {
  const caseFile = JSON.parse(await readFile(file('same-number.json'), 'utf8')) as CaseFile;
  change(caseFile);
  await writeFile(file(name), JSON.stringify(caseFile));
  return file(name);
}

describe('booklab doctor --case', () => {
  it('checklist (default): numbered findings, the filled-in P-samenumber and its proof; exit 1', async () => {
    const run = await doctor(['--case', file('same-number.json')]);
    expect(run.code).toBe(1);
    expect(run.out).toContain('A. same-booking-number (article 002; R7, R9, P-samenumber, I2)');
    expect(run.out).toContain('2. Write down the delink date: 2026-02-10');
    expect(run.out).toContain('4. Delete booking 1003 in Exact Online, highest first');
    expect(run.out).toContain('with booking number 1003, the double booking number, so one number higher: write down 1004.');
    expect(run.out).toContain('journal 70 should say 1004 (it will most likely say 1003)');
    expect(run.out).toContain('Reconnect with start date 2026-01-01, journals 70 and 71, do NOT import contacts');
    expect(run.out).toContain('After this plan every invariant holds.');
    expect(run.out).toContain('Exit 1: Findings with a proven plan');
  });

  it('the article leaves I1: it says so, then offers the completed plan with its own proof; exit 1', async () => {
    const run = await doctor(['--case', file('earlier.json')]);
    expect(run.code).toBe(1);
    expect(run.out).toContain(
      "The article's plan leaves:\n    I1 Invoice 2026/3 is linked to booking 1003 in journal 70, but that booking no longer exists",
    );
    expect(run.out).toContain("3. booklab's completing step: move the delink date back to 2026-02-10 [booklab's extra step]");
    expect(run.out).toContain('10. Deactivate with delink date 2026-02-10, contacts NOT delinked');
    expect(run.out.trimEnd().split('\n').at(-3)).toBe('  After this plan every invariant holds.');
  });

  it('--test-invoice 2026/3: the accidental booking, P-delete with the deletion in Focus', async () => {
    const run = await doctor(['--case', file('test-invoice.json'), '--test-invoice', '2026/3']);
    expect(run.code).toBe(1);
    expect(run.out).toContain('A. accidental-booking (article 000; R2, R3, P-delete)');
    expect(run.out).toContain('Delete invoice 2026/3 in Focus, highest number first');
  });

  it('--format markdown: headings and a numbered list to paste into a ticket', async () => {
    const run = await doctor(['--case', file('same-number.json'), '--format', 'markdown']);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/^# booklab doctor: Ticket 4711: same booking number\n/);
    expect(run.out).toContain('## The plan\n### The same booking number (article 002)\n1. **');
    expect(run.out).toContain('- After this plan every invariant holds.');
  });

  it('--format json: the versioned contract of docs/doctor-json.md', async () => {
    const run = await doctor(['--case', file('same-number.json'), '--format', 'json']);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.out);
    expect([json.format, json.version, json.verdict, json.exitCode]).toEqual(['booklab-doctor', 1, 'proven', 1]);
    expect(json.findings.map((f: { code: string }) => f.code)).toEqual(['same-booking-number', 'booking-deleted-in-exact']);
    const [procedure] = json.plan.procedures;
    expect([procedure.id, procedure.values.delinkDate, procedure.values.writeDown[0].value]).toEqual(['P-samenumber', '2026-02-10', 1004]);
    expect(procedure.steps.map((s: { number: number }) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(json.plan.proof).toMatchObject({ holds: true, violations: [], failure: null });
    expect(json.completedPlan).toBeNull();
  });

  it('exit 0 when nothing is found', async () => {
    const run = await doctor(['--case', file('healthy.json')]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('WHAT IS WRONG: NOTHING');
  });

  it('exit 3 when no plan is proven: double companies no procedure repairs', async () => {
    const run = await doctor(['--case', file('doubles.json'), '--format', 'json']);
    const json = JSON.parse(run.out);
    expect(run.code).toBe(3);
    expect(json.verdict).toBe('unproven');
    expect(json.findings.map((f: { code: string }) => f.code)).toContain('duplicate-customers');
    expect(json.plan.unrepaired).toEqual(['duplicate-customers']);
  });

  it('--save-case writes the world before and after the plan; the doctor finds nothing in the after', async () => {
    const run = await doctor(['--case', file('same-number.json'), '--save-case', file('saved.json')]);
    expect(run.out).toContain(`Saved ${file('saved.before.json')} (as read) and ${file('saved.after.json')} (after the article's plan).`);
    expect((await doctor(['--case', file('saved.before.json')])).code).toBe(1);
    expect((await doctor(['--case', file('saved.after.json')])).code).toBe(0);
  });
});

describe('booklab doctor: usage and input errors exit 2 with a message, inconsistent data gives findings', () => {
  it.each([
    [[], 'Give the case to examine: --case FILE'],
    [['--case', 'no-such-file.json'], 'Cannot read the case file no-such-file.json'],
    [['--case', 'CASE', '--test-invoice', '7'], 'write the number as the overview shows it, e.g. 2026/7.'],
    [['--case', 'CASE', '--test-invoice', '2026/9'], 'Focus has no booked invoice 2026/9.'],
    [['--case', 'CASE', '--format', 'pdf'], 'Allowed choices are checklist, markdown, json.'],
  ])('%j', async (args, message) => {
    const run = await doctor(args.map((a) => (a === 'CASE' ? file('same-number.json') : a)));
    expect(run.code).toBe(2);
    expect(run.err).toContain(message);
    expect(run.err).not.toMatch(/\n\s+at /);
  });

  it('a booking number with no link and no booking: a finding, not a crash', async () => {
    const path = await edited('no-link.json', (c) => {
      const invoice = Object.values(c.snapshot.focus.documents).find((d) => d.number === '2026/2')!;
      Object.assign(invoice, { bookingNumber: 1099, link: null });
    });
    const run = await doctor(['--case', path, '--format', 'json']);
    const json = JSON.parse(run.out);
    expect(
      json.findings.find(
        (f: { code: string; documents: Array<{ number: string }> }) =>
          f.code === 'booking-deleted-in-exact' && f.documents[0]!.number === '2026/2',
      ),
    ).toBeDefined();
    expect([1, 3]).toContain(run.code);
  });

  it('a journal that does not exist: the journal-missing finding, no plan proven, exit 3', async () => {
    const path = await edited('no-journal.json', (c) => {
      c.snapshot.focus.integration!.settings.invoiceJournal = '99';
    });
    const run = await doctor(['--case', path]);
    expect(run.code).toBe(3);
    expect(run.out).toContain("Journal 99, the invoice journal, does not exist in Exact Online's administration");
  });

  it('the real command: exit codes 1, 0, 3 and 2, and never a stack trace', async () => {
    const runs = await Promise.all([
      runCli(['doctor', '--case', file('same-number.json')]),
      runCli(['doctor', '--case', file('healthy.json')]),
      runCli(['doctor', '--case', file('doubles.json')]),
      runCli(['doctor', '--case', join(dir, 'missing.json')]),
    ]);
    expect(runs.map((r) => r.code)).toEqual([1, 0, 3, 2]);
    for (const r of runs) expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
