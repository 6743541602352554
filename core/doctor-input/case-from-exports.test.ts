import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateInvariants } from '../invariants/index.js';
import { loadCaseFile, writeCaseFile } from '../world/case-file.js';
import { World } from '../world/world.js';
import type { CaseFile } from '../world/case-file.js';
import { caseFromExports, type ExportsInput } from './case-from-exports.js';

const EXAMPLES = new URL('../../docs/examples/doctor/', import.meta.url).pathname;
const NOW = Date.parse('2026-03-02T09:00:00Z');
const SETTINGS = { startDate: '2026-01-01', invoiceJournal: '70', creditNoteJournal: '71', division: 100001, now: NOW };

const worlds: World[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(worlds.splice(0).map((w) => w.close()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'booklab-doctor-input-'));
  dirs.push(dir);
  return dir;
}

/** Writes the files of a case into a temporary directory and reads them. */
async function readFiles(files: Record<string, string>, input: Partial<ExportsInput> = {}) {
  const dir = await tempDir();
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  const path = (name: string) => (files[name] === undefined ? undefined : join(dir, name));
  return caseFromExports({
    ...SETTINGS,
    invoices: path('invoices.csv'),
    creditNotes: path('credit-notes.csv'),
    entries: join(dir, 'entries.csv'),
    nextNumbers: '70=1005,71=8002',
    ...input,
  });
}

/** Loads a case into a world on an in-process server, as the doctor does. */
async function worldOf(caseFile: CaseFile): Promise<World> {
  const world = await World.create({ clock: new Date(caseFile.snapshot.clock).toISOString(), transport: 'in-process' });
  worlds.push(world);
  const restored = await world.restore(caseFile.snapshot);
  if (!restored.ok) throw new Error(restored.problem.message);
  return world;
}

const INVOICE_HEADER = 'Number;Date;Customer;Total;Status;Booking number\n';
const ENTRY_HEADER = 'Journal;Entry number;Date;Your ref.;Amount\n';

describe('caseFromExports: the ticket of article 002 from its Dutch exports', () => {
  it('gives a case that loadCaseFile restores, with the two invoices sharing booking 1004 after 1004 was deleted in Exact', async () => {
    const read = await caseFromExports({
      ...SETTINGS,
      invoices: `${EXAMPLES}facturen.csv`,
      creditNotes: `${EXAMPLES}creditnotas.csv`,
      entries: `${EXAMPLES}boekingen.csv`,
      nextNumbers: `${EXAMPLES}volgnummers.csv`,
    });
    if (!read.ok) throw new Error(read.problem.message);
    const path = join(await tempDir(), 'ticket.json');
    await writeCaseFile(path, read.value);
    const loaded = await loadCaseFile(path, { transport: 'in-process' });
    if (!loaded.ok) throw new Error(loaded.problem.message);
    worlds.push(loaded.value);
    const view = await loaded.value.view();
    expect(view.accounting.journals.map((j) => [j.code, j.nextBookingNumber])).toEqual([
      ['70', 1005],
      ['71', 8002],
    ]);
    expect(
      view.accounting.bookings.map((b) => [
        b.journal,
        b.entryNumber,
        b.entryDate,
        b.yourRef,
        b.customer.name,
        b.totalCents,
        b.outstandingCents,
      ]),
    ).toEqual([
      ['70', 1001, '2026-01-12', '2026/1', 'Brouwerij De Kroon', 121000, 0],
      ['70', 1002, '2026-01-20', '2026/2', 'Van Dijk Installaties', 54450, 54450],
      ['70', 1003, '2026-02-03', '2026/3', 'Atelier Lumière', 242000, 242000],
      ['70', 1004, '2026-02-17', '2026/5', 'Brouwerij De Kroon', 181500, 181500],
      ['71', 8001, '2026-02-12', '2026/1', 'Van Dijk Installaties', -54450, -54450],
    ]);
    const documents = Object.values(view.focus.documents);
    expect(documents.map((d) => [d.kind, d.number, d.status, d.bookingNumber, d.paymentStatus])).toEqual([
      ['invoice', '2026/1', 'booked', 1001, 'paid'],
      ['invoice', '2026/2', 'booked', 1002, 'unpaid'],
      ['invoice', '2026/3', 'booked', 1003, 'unpaid'],
      ['invoice', '2026/4', 'booked', 1004, 'unpaid'],
      ['invoice', '2026/5', 'booked', 1004, 'unpaid'],
      ['invoice', null, 'draft', null, 'unpaid'],
      ['credit_note', '2026/1', 'booked', 8001, 'unpaid'],
    ]);
    expect(view.focus.integration?.settings).toMatchObject({
      division: 100001,
      startDate: '2026-01-01',
      invoiceJournal: '70',
      creditNoteJournal: '71',
    });
    expect(evaluateInvariants(view).map((v) => v.message)).toEqual([
      'Invoice 2026/4 is linked to booking 1004 in journal 70, but that booking no longer exists in the bookkeeping tool.',
      '2026/4 and 2026/5 carry the same booking number 1004 (journal 70).',
    ]);
  });

  it('only reads its sources: the files stay as they were and nothing is written beside them', async () => {
    const dir = await tempDir();
    await cp(EXAMPLES, dir, { recursive: true });
    const before = await Promise.all(
      (await readdir(dir)).map(async (name) => [name, await readFile(join(dir, name), 'utf8'), (await stat(join(dir, name))).mtimeMs]),
    );
    const read = await caseFromExports({
      ...SETTINGS,
      invoices: join(dir, 'facturen.csv'),
      creditNotes: join(dir, 'creditnotas.csv'),
      entries: join(dir, 'boekingen.csv'),
      nextNumbers: join(dir, 'volgnummers.csv'),
    });
    expect(read.ok).toBe(true);
    const refused = await caseFromExports({
      ...SETTINGS,
      invoices: join(dir, 'facturen.csv'),
      entries: join(dir, 'volgnummers.csv'),
      nextNumbers: '70=1',
    });
    expect(refused.ok).toBe(false);
    const after = await Promise.all(
      (await readdir(dir)).map(async (name) => [name, await readFile(join(dir, name), 'utf8'), (await stat(join(dir, name))).mtimeMs]),
    );
    expect(after).toEqual(before);
  });
});

describe('caseFromExports: inconsistent data becomes data to diagnose or a clear problem, never a throw', () => {
  it('a booking number with no journal entry: the document is linked to a booking that no longer exists', async () => {
    const read = await readFiles({
      'invoices.csv': `${INVOICE_HEADER}2026/1;2026-01-12;De Kroon;100,00;Outstanding;1001\n2026/2;2026-01-13;Lumière;50,00;Outstanding;1009\n`,
      'entries.csv': `${ENTRY_HEADER}70;1001;2026-01-12;2026/1;100,00\n`,
    });
    if (!read.ok) throw new Error(read.problem.message);
    const view = await (await worldOf(read.value)).view();
    expect(evaluateInvariants(view).map((v) => v.message)).toEqual([
      'Invoice 2026/2 is linked to booking 1009 in journal 70, but that booking no longer exists in the bookkeeping tool.',
    ]);
    expect(view.accounting.bookings.map((b) => b.customer.name)).toEqual(['De Kroon']);
  });

  it('an entry in a journal that does not exist is refused at its line and column', async () => {
    const read = await readFiles({
      'invoices.csv': INVOICE_HEADER,
      'entries.csv': `${ENTRY_HEADER}70;1001;2026-01-12;2026/1;100,00\n75;1;2026-01-12;;100,00\n`,
    });
    expect(read).toMatchObject({ ok: false, problem: { code: 'unknown-journal', line: 3, column: 1 } });
    expect(!read.ok && read.problem.message).toMatch(
      /entries\.csv:3:1: Entry 1 stands in journal 75, which has no next booking number \(known: 70, 71\)/,
    );
  });

  it("an integration journal that is not among Exact's journals is read as a journal Exact does not have", async () => {
    const read = await readFiles(
      {
        'invoices.csv': INVOICE_HEADER,
        'credit-notes.csv': `${INVOICE_HEADER}2026/1;2026-01-20;A;1,00;Outstanding;8001\n`,
        'entries.csv': ENTRY_HEADER,
      },
      { creditNoteJournal: '79' },
    );
    if (!read.ok) throw new Error(read.problem.message);
    const view = await (await worldOf(read.value)).view();
    expect(view.accounting.journals.map((j) => j.code)).toEqual(['70', '71']);
    expect(view.focus.integration?.settings.creditNoteJournal).toBe('79');
    expect(Object.values(view.focus.documents)[0]?.link).toMatchObject({ journal: '79' });
  });

  it('a number listed twice in Focus is refused at the second row', async () => {
    const read = await readFiles({
      'invoices.csv': `${INVOICE_HEADER}2026/1;2026-01-12;A;1,00;Paid;1001\n2026/1;2026-01-12;A;1,00;Paid;1002\n`,
      'entries.csv': ENTRY_HEADER,
    });
    expect(read).toMatchObject({ ok: false, problem: { code: 'duplicate-entry', line: 3, column: 1 } });
  });

  it('an amount changed in Focus after the sync is an edit after the sync (R11), and the relation comes from Focus by the reference', async () => {
    const read = await readFiles({
      'invoices.csv': `${INVOICE_HEADER}2026/1;2026-01-12;De Kroon;121,00;Outstanding;1001\n`,
      'entries.csv': `${ENTRY_HEADER}70;1001;2026-01-12;2026/1;100,00\n70;1002;2026-01-13;;5,00\n`,
    });
    if (!read.ok) throw new Error(read.problem.message);
    expect(Object.values(read.value.snapshot.focus.documents)[0]).toMatchObject({ editedAfterSync: true });
    const view = await (await worldOf(read.value)).view();
    expect(view.accounting.bookings.map((b) => [b.entryNumber, b.customer.name])).toEqual([
      [1001, 'De Kroon'],
      [1002, 'Unknown relation (not in the exports)'],
    ]);
    expect(evaluateInvariants(view).map((v) => v.invariant)).toContain('I5');
  });

  it('without a reference on the entry, a reused number belongs to the latest invoice holding it', async () => {
    const read = await readFiles({
      'invoices.csv': `${INVOICE_HEADER}2026/4;2026-02-10;A;1,00;Outstanding;1004\n2026/5;2026-02-17;B;2,00;Outstanding;1004\n`,
      'entries.csv': `${ENTRY_HEADER}70;1004;2026-02-17;;2,00\n`,
    });
    if (!read.ok) throw new Error(read.problem.message);
    const view = await (await worldOf(read.value)).view();
    expect(evaluateInvariants(view).map((v) => v.message)).toContain(
      'Invoice 2026/4 is linked to booking 1004 in journal 70, but that booking no longer exists in the bookkeeping tool.',
    );
    expect(view.accounting.bookings.map((b) => b.customer.name)).toEqual(['B']);
  });

  it('the integration is connected on the copy: a sync posts the invoice never synced, numbered by the journal', async () => {
    const read = await readFiles(
      {
        'invoices.csv': `${INVOICE_HEADER}2026/1;2026-01-12;De Kroon;100,00;Outstanding;1001\n2026/2;2026-01-13;Lumière;50,00;Outstanding;\n`,
        'entries.csv': `${ENTRY_HEADER}70;1001;2026-01-12;2026/1;100,00\n`,
      },
      { nextNumbers: '70=1002,71=8001' },
    );
    if (!read.ok) throw new Error(read.problem.message);
    const world = await worldOf(read.value);
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    const view = await world.view();
    expect(Object.values(view.focus.documents).map((d) => [d.number, d.bookingNumber])).toEqual([
      ['2026/1', 1001],
      ['2026/2', 1002],
    ]);
    expect(view.accounting.bookings.map((b) => [b.entryNumber, b.yourRef, b.totalCents, b.customer.name])).toEqual([
      [1001, '2026/1', 10000, 'De Kroon'],
      [1002, '2026/2', 5000, 'Lumière'],
    ]);
    expect(evaluateInvariants(view)).toEqual([]);
  });

  it('without customer and outstanding columns, an entry takes them from the document it stands for, told apart by journal', async () => {
    const read = await readFiles(
      {
        'invoices.csv': `${INVOICE_HEADER}2026/1;2026-01-12;De Kroon;100,00;Paid;1001\n`,
        'credit-notes.csv': `${INVOICE_HEADER}2026/1;2026-01-20;Lumière;30,00;Paid;8001\n`,
        'entries.csv': `${ENTRY_HEADER}70;1001;2026-01-12;2026/1;100,00\n71;8001;2026-01-20;2026/1;-30,00\n`,
      },
      { nextNumbers: '70=1002,71=8002' },
    );
    if (!read.ok) throw new Error(read.problem.message);
    const view = await (await worldOf(read.value)).view();
    expect(view.accounting.bookings.map((b) => [b.journal, b.customer.name, b.totalCents, b.outstandingCents])).toEqual([
      ['70', 'De Kroon', 10000, 0],
      ['71', 'Lumière', -3000, 0],
    ]);
    expect(evaluateInvariants(view)).toEqual([]);
  });

  it('a file that does not exist is refused by path', async () => {
    const read = await caseFromExports({ ...SETTINGS, invoices: '/nonexistent/facturen.csv', entries: 'x.csv', nextNumbers: '70=1' });
    expect(read).toMatchObject({ ok: false, problem: { code: 'unreadable-file', file: '/nonexistent/facturen.csv' } });
  });
});
