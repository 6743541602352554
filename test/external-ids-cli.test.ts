import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { externalIdsCommand } from '../bin/external-ids-command.js';
import { createDemoExportAccount } from '../core/index.js';
import { createClock } from '../mock-accounting/index.js';
import { caseText, freshCopy, runAccountCommand, saveFocusCase, savedFocus } from './support/account-cli.js';
import { killLeftoverChildren, runCli } from './support/cli.js';

// `booklab external-ids` (R18–R20): in-process against a saved demo case, once as a real child process for the exit codes.

let dir: string;
let base: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'booklab-external-ids-'));
  base = join(dir, 'base.json');
  await saveFocusCase(createDemoExportAccount(createClock({ start: '2026-03-02T09:00:00Z', frozen: true })), base);
});
afterAll(async () => {
  await killLeftoverChildren();
  await rm(dir, { recursive: true, force: true });
});

/** A case of its own for one test: the demo account (1001, 1002 and two companies without an ID). */
const freshCase = () => freshCopy(base);

/** Writes a customer list into the test directory; returns its path. */
function csvFile(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`, 'utf8');
  return path;
}

const ids = (args: string[]) => runAccountCommand(externalIdsCommand, args);
const externalIdOf = async (path: string, companyId: string) => (await savedFocus(path)).companies[companyId]?.externalId;

describe('booklab external-ids list', () => {
  it('R19: --missing lists the segment "External ID is not filled out", on the demo account without --case', async () => {
    const run = await ids(['list', '--missing']);
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain('Segment "External ID is not filled out": 2 companies');
    expect(run.out).toMatch(/company-3 +Delta Logistics BV +—\n {2}company-4 +Café Het Anker +—/);
    expect(run.out).not.toContain('Brouwerij De Kroon');
  });

  it('R18, R19: without --missing lists every company with its ID and the settings', async () => {
    const run = await ids(['list']);
    expect(run.out).toContain('4 companies, 2 without an external ID');
    expect(run.out).toMatch(/company-1 +Brouwerij De Kroon +1001/);
    expect(run.out).toContain('Manually editable: off; generated IDs start at 100000');
  });

  it('R18: only an admin sees external IDs', async () => {
    const run = await ids(['list', '--user', 'sales']);
    expect(run.code).toBe(1);
    expect(run.out).toContain('Only an admin can see external IDs.');
    expect(run.out).not.toContain('1001');
  });

  it('R18, R20: flags an ID two companies share after a confirmed reuse, and likely duplicates after an import', async () => {
    const path = await freshCase();
    expect((await ids(['generate', '--start-value', '1002', '--confirm-reuse', '--case', path])).code).toBe(0);
    expect((await ids(['import', csvFile('dup.csv', ['Number,Name', '9,brouwerij de kroon']), '--case', path])).code).toBe(0);
    const run = await ids(['list', '--case', path]);
    expect(run.out).toContain('! External ID 1002 is shared by Atelier Lumière (company-2) and Delta Logistics BV (company-3)');
    expect(run.out).toContain('! Likely duplicates: Brouwerij De Kroon (company-1) and brouwerij de kroon (company-5).');
  });

  it('refuses a case file that cannot be read, saying what to give', async () => {
    const run = await ids(['list', '--case', join(dir, 'missing.json')]);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/Cannot read the case file .*missing\.json.*Give the path of a file saved by booklab/);
  });
});

describe('booklab external-ids import and undo', () => {
  // One row already imported, one spelt differently, one that matches a company without ID, one whose ID is taken, one new.
  const customers = () =>
    csvFile('customers.csv', [
      'Number;Name;VAT number',
      '1001;Brouwerij De Kroon;',
      '1005;Brouwerij de Kroon BV;',
      '2001;Delta Logistics BV;',
      '1002;Atelier Lumiere;',
      '2002;Bakkerij Zon;BE0412345614',
    ]);

  it('R18: import prints created, matched and skipped with reasons and the import id; undo removes only what it created', async () => {
    const path = await freshCase();
    const imported = await ids(['import', customers(), '--case', path]);
    expect(imported.code, imported.out).toBe(0);
    expect(imported.out).toContain('Import import-1: 2 created, 1 matched, 2 skipped');
    expect(imported.out).toContain('+ created  line 3  Brouwerij de Kroon BV (company-5) with external ID 1005');
    expect(imported.out).toContain('= matched  line 4  Delta Logistics BV (company-3) gets external ID 2001');
    expect(imported.out).toContain('- skipped  line 2  Brouwerij De Kroon already has external ID 1001');
    expect(imported.out).toContain(
      '- skipped  line 5  external ID 1002 already belongs to Atelier Lumière; Atelier Lumiere was not imported',
    );
    expect(imported.out).toContain('! Likely duplicates: Brouwerij De Kroon (company-1) and Brouwerij de Kroon BV (company-5).');
    expect(imported.out).toContain(`Undo it with: booklab external-ids undo import-1 --case ${path}`);
    expect(Object.keys((await savedFocus(path)).companies)).toHaveLength(6);

    const undone = await ids(['undo', 'import-1', '--case', path]);
    expect(undone.code, undone.out).toBe(0);
    expect(undone.out).toContain('Undid import import-1: 2 removed, 1 kept');
    expect(undone.out).toContain('- removed  Bakkerij Zon (company-6)');
    expect(undone.out).toContain('= kept     Delta Logistics BV (company-3): it existed before the import; it keeps external ID 2001');
    const saved = await savedFocus(path);
    expect(Object.keys(saved.companies)).toEqual(['company-1', 'company-2', 'company-3', 'company-4']);
    expect(saved.bookkeepingExport.externalIds.imports['import-1']?.undone).toBe(true);

    const before = await caseText(path);
    const again = await ids(['undo', 'import-1', '--case', path]);
    expect(again.code).toBe(1);
    expect(again.out).toContain('Import import-1 has already been undone; there is nothing left to remove.');
    expect(await caseText(path)).toBe(before);
  });

  it('R18: a refused import (no name column, unreadable file, not an admin) exits 1 and leaves the case file as it was', async () => {
    const path = await freshCase();
    const before = await caseText(path);
    const noName = await ids(['import', csvFile('no-name.csv', ['Number;City', '3001;Gent']), '--case', path]);
    expect(noName.code).toBe(1);
    expect(noName.out).toContain('The file cannot be imported: line 1: there is no name column');
    expect(noName.out).toContain(`Nothing changed in ${path}.`);
    const missing = await ids(['import', join(dir, 'nowhere.csv'), '--case', path]);
    expect(missing.code).toBe(1);
    expect(missing.out).toMatch(/Cannot read .*nowhere\.csv: .*Give the path of the customer list/);
    const sales = await ids(['import', customers(), '--case', path, '--user', 'sales']);
    expect(sales.code).toBe(1);
    expect(sales.out).toContain('Only an admin can import companies with their external IDs.');
    expect(await caseText(path)).toBe(before);
  });

  it('R18: undoing an import that does not exist, or as a non-admin, is refused', async () => {
    const path = await freshCase();
    expect((await ids(['undo', 'import-9', '--case', path])).out).toContain('No import with id import-9.');
    await ids(['import', customers(), '--case', path]);
    const sales = await ids(['undo', 'import-1', '--case', path, '--user', 'sales']);
    expect(sales.code).toBe(1);
    expect(sales.out).toContain('Only an admin can undo an import.');
    expect(Object.keys((await savedFocus(path)).companies)).toHaveLength(6);
  });
});

describe('booklab external-ids editable and set', () => {
  it('R18: typing an ID is refused until "Manually editable" is on; then set by exact name saves it and "-" clears it', async () => {
    const path = await freshCase();
    const before = await caseText(path);
    const off = await ids(['set', 'Café Het Anker', '1003', '--case', path]);
    expect(off.code).toBe(1);
    expect(off.out).toContain('External IDs are not manually editable. Turn on "Manually editable"');
    expect(await caseText(path)).toBe(before);
    expect((await ids(['editable', 'on', '--case', path])).code).toBe(0);
    expect((await savedFocus(path)).bookkeepingExport.externalIds.manuallyEditable).toBe(true);
    const set = await ids(['set', 'Café Het Anker', '1003', '--case', path]);
    expect(set.out).toContain('Café Het Anker (company-4): external ID none → 1003');
    expect(await externalIdOf(path, 'company-4')).toBe('1003');
    const cleared = await ids(['set', 'company-1', '-', '--case', path]);
    expect(cleared.out).toContain('Brouwerij De Kroon (company-1): external ID 1001 → none');
    expect(await externalIdOf(path, 'company-1')).toBeNull();
  });

  it('R18: set refuses a non-admin, an unknown company, an ID another company holds and a name two companies share', async () => {
    const focus = createDemoExportAccount(createClock({ start: '2026-03-02T09:00:00Z', frozen: true }));
    for (const _ of [1, 2]) focus.addCompany({ name: 'Twin' });
    const path = join(dir, 'twins.json');
    await saveFocusCase(focus, path);
    await ids(['editable', 'on', '--case', path]);
    const before = await caseText(path);
    expect((await ids(['set', 'company-3', '5', '--case', path, '--user', 'sales'])).out).toContain(
      'Only an admin can see and edit external IDs.',
    );
    const unknown = await ids(['set', 'Nobody NV', '5', '--case', path]);
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain('No company with id or exact name "Nobody NV". `booklab external-ids list` shows them.');
    expect((await ids(['set', 'company-3', '1002', '--case', path])).out).toContain('External ID 1002 already belongs to Atelier Lumière.');
    expect((await ids(['set', 'Twin', '5', '--case', path])).out).toContain(
      '2 companies are called "Twin" (company-5, company-6): give the id of the one you mean.',
    );
    expect(await caseText(path)).toBe(before);
  });

  it('R18: editable is refused to a non-admin, and --no-save leaves the case file as it was', async () => {
    const path = await freshCase();
    const before = await caseText(path);
    expect((await ids(['editable', 'on', '--case', path, '--user', 'sales'])).out).toContain(
      'Only an admin can change the external-ID settings.',
    );
    const unsaved = await ids(['editable', 'on', '--case', path, '--no-save']);
    expect(unsaved.code).toBe(0);
    expect(unsaved.out).toContain(`Not saved (--no-save): ${path} is as it was.`);
    expect(await caseText(path)).toBe(before);
  });
});

describe('booklab external-ids generate', () => {
  it('R20: generates from 100000 by default and saves the IDs in the case file', async () => {
    const path = await freshCase();
    const run = await ids(['generate', '--case', path]);
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain(
      'Generated 2 external IDs from start value 100000:\n  100000  Delta Logistics BV (company-3)\n  100001  Café Het Anker (company-4)',
    );
    expect(await externalIdOf(path, 'company-4')).toBe('100001');
  });

  it('R20: a lower start value that would reuse IDs is refused with the warning; --dry-run shows it and changes nothing', async () => {
    const path = await freshCase();
    const before = await caseText(path);
    const refused = await ids(['generate', '--start-value', '1000', '--case', path]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('Start value 1000 would give out external IDs that customers already have (1001)');
    const dry = await ids(['generate', '--start-value', '1000', '--dry-run', '--case', path]);
    expect(dry.code, dry.out).toBe(0);
    expect(dry.out).toContain(
      'Dry run: 2 companies would get an external ID from start value 1000 (first 1000)\n  1000  Delta Logistics BV (company-3)\n  1001  Café Het Anker',
    );
    expect(dry.out).toContain('Start value 1000 would give out external IDs that customers already have (1001)');
    expect(dry.out).toContain('Nothing was changed.');
    expect(await caseText(path)).toBe(before);
    const skipped = await ids(['generate', '--start-value', '1001', '--skip-taken', '--case', path]);
    expect(skipped.out).toContain('  1003  Delta Logistics BV (company-3)\n  1004  Café Het Anker (company-4)');
  });

  it('R20: --confirm-reuse goes on and says which customers now share an ID; a non-admin is refused, also for --dry-run', async () => {
    const path = await freshCase();
    const before = await caseText(path);
    expect((await ids(['generate', '--case', path, '--user', 'sales'])).out).toContain('Only an admin can see and generate external IDs.');
    expect((await ids(['generate', '--dry-run', '--user', 'sales'])).code).toBe(1);
    expect(await caseText(path)).toBe(before);
    const confirmed = await ids(['generate', '--start-value', '1001', '--confirm-reuse', '--case', path]);
    expect(confirmed.out).toContain('! Reused IDs that customers already had: 1001, 1002. Those customers now share an ID.');
    expect(await externalIdOf(path, 'company-3')).toBe('1001');
  });
});

describe('booklab external-ids usage errors', () => {
  it.each([['import', 'customers.csv'], ['undo', 'import-1'], ['editable', 'on'], ['set', 'company-3', '5'], ['generate']])(
    'R18, R20: %s without --case is a usage error: there is nothing to save the change in',
    async (...args) => {
      const run = await ids(args);
      expect(run.code).toBe(2);
      expect(run.err).toContain('without --case there is no case file to save the change in');
    },
  );

  it('R18, R20: a bad on/off or start value is a usage error', async () => {
    expect((await ids(['editable', 'maybe', '--case', base])).code).toBe(2);
    expect((await ids(['generate', '--start-value', '0', '--dry-run'])).err).toContain('use a whole number of 1 or more.');
  });
});

describe('the real booklab external-ids', () => {
  it('R18: exits 2 on a change without --case and 1 when Focus refuses', { timeout: 60_000 }, async () => {
    const usage = await runCli(['external-ids', 'editable', 'on']);
    expect(usage.code, usage.stderr).toBe(2);
    expect(usage.stderr).toContain('booklab external-ids editable` changes the account');
    const refused = await runCli(['external-ids', 'list', '--user', 'sales']);
    expect(refused.code, refused.stderr).toBe(1);
    expect(refused.stdout).toContain('Only an admin can see external IDs.');
  });
});
