import { describe, expect, it } from 'vitest';
import { createClock } from '../../primitives/index.js';
import { Focus } from '../focus/focus.js';
import { comparableName, findDuplicateCompanies, importCustomers, undoImport } from './customer-import.js';

function newFocus(): Focus {
  return new Focus(createClock({ start: '2026-03-02T09:00:00Z', frozen: true }));
}

const byName = (focus: Focus, name: string) => Object.values(focus.state.companies).find((c) => c.name === name);
const names = (focus: Focus) => Object.values(focus.state.companies).map((c) => c.name);

const PACKAGE_CSV = [
  'External ID,Name,VAT number,Country,Email',
  '1001,Brouwerij De Kroon,BE0412345678,be,info@dekroon.be',
  '1002,"Atelier Lumière, Gent",BE0876543210,BE,',
  '1003,Delta Logistics,,NL,',
].join('\n');

describe('R18: importing customers with their external IDs from the accounting package', () => {
  it('R18: creates a company per new customer, with the import as its origin, and records the import', () => {
    const focus = newFocus();
    const report = importCustomers(focus, 'admin', PACKAGE_CSV, { source: 'exact-customers.csv' });
    expect(report).toMatchObject({ ok: true, value: { importId: 'import-1', matched: [], skipped: [] } });
    if (!report.ok) return;
    expect(report.value.created.map((c) => [c.line, c.name, c.externalId])).toEqual([
      [2, 'Brouwerij De Kroon', '1001'],
      [3, 'Atelier Lumière, Gent', '1002'],
      [4, 'Delta Logistics', '1003'],
    ]);
    expect(byName(focus, 'Brouwerij De Kroon')).toMatchObject({
      externalId: '1001',
      vatNumber: 'BE0412345678',
      country: 'BE',
      email: 'info@dekroon.be',
      origin: 'import-1',
    });
    expect(byName(focus, 'Delta Logistics')).toMatchObject({ vatNumber: null, country: 'NL', email: null });
    expect(focus.state.bookkeepingExport.externalIds.imports['import-1']).toEqual({
      id: 'import-1',
      at: '2026-03-02T09:00:00.000Z',
      source: 'exact-customers.csv',
      created: report.value.created.map((c) => c.companyId),
      matched: [],
      undone: false,
    });
  });

  it('R18: reads semicolons, Dutch headers in any case, a byte order mark, blank lines and quoted separators', () => {
    const focus = newFocus();
    const csv = '\uFEFFNUMMER;Naam;BTW-nummer\r\n\r\nK-7;"Café Het Anker; Brugge";BE0456789012\r\n';
    const report = importCustomers(focus, 'admin', csv, { source: 'octopus.csv' });
    expect(report.ok && report.value.created).toEqual([
      { line: 3, companyId: 'company-1', name: 'Café Het Anker; Brugge', externalId: 'K-7' },
    ]);
    expect(byName(focus, 'Café Het Anker; Brugge')).toMatchObject({ vatNumber: 'BE0456789012', country: 'BE' });
  });

  it('R18: reads French headers with accents: Numéro;Société;N° TVA', () => {
    const focus = newFocus();
    const csv = 'Numéro;Société;N° TVA;Pays\n4711;Atelier Lumière;BE0876543210;be\n';
    const report = importCustomers(focus, 'admin', csv, { source: 'winbooks.csv' });
    expect(report.ok && report.value.created).toEqual([{ line: 2, companyId: 'company-1', name: 'Atelier Lumière', externalId: '4711' }]);
    expect(byName(focus, 'Atelier Lumière')).toMatchObject({ externalId: '4711', vatNumber: 'BE0876543210', country: 'BE' });
  });

  it('R18: a company with exactly the same name and no external ID gets it, and is not created again', () => {
    const focus = newFocus();
    const kroon = focus.addCompany({ name: 'Brouwerij De Kroon' });
    const report = importCustomers(focus, 'admin', PACKAGE_CSV, { source: 'exact.csv' });
    expect(report.ok && report.value.matched).toEqual([{ line: 2, companyId: kroon.id, name: 'Brouwerij De Kroon', externalId: '1001' }]);
    expect(kroon).toMatchObject({ externalId: '1001', origin: 'user' });
    expect(names(focus).filter((n) => n === 'Brouwerij De Kroon')).toHaveLength(1);
    expect(focus.state.bookkeepingExport.externalIds.imports['import-1']!.matched).toEqual([kroon.id]);
  });

  it('R18: a name spelt differently creates a duplicate (faithful), which findDuplicateCompanies points out', () => {
    const focus = newFocus();
    const existing = focus.addCompany({ name: 'Brouwerij de Kroon BV' });
    importCustomers(focus, 'admin', PACKAGE_CSV, { source: 'exact.csv' });
    expect(existing.externalId).toBeNull();
    expect(names(focus)).toContain('Brouwerij De Kroon');
    expect(findDuplicateCompanies(focus).map((group) => group.map((c) => c.name))).toEqual([
      ['Brouwerij de Kroon BV', 'Brouwerij De Kroon'],
    ]);
  });

  it('R18: a company with the same name and another external ID is left alone and reported', () => {
    const focus = newFocus();
    const kroon = focus.addCompany({ name: 'Brouwerij De Kroon', externalId: '77' });
    const report = importCustomers(focus, 'admin', PACKAGE_CSV, { source: 'exact.csv' });
    expect(report.ok && report.value.skipped).toEqual([
      {
        line: 2,
        name: 'Brouwerij De Kroon',
        externalId: '1001',
        reason: 'has_other_external_id',
        message: 'Brouwerij De Kroon already has external ID 77; left as it is',
      },
    ]);
    expect(kroon.externalId).toBe('77');
    expect(names(focus).filter((n) => n === 'Brouwerij De Kroon')).toHaveLength(1);
  });

  it('R18: an external ID that another company holds is reported, and no second holder is created', () => {
    const focus = newFocus();
    focus.addCompany({ name: 'Old Name Brewery', externalId: '1001' });
    const report = importCustomers(focus, 'admin', PACKAGE_CSV, { source: 'exact.csv' });
    expect(report.ok && report.value.skipped).toEqual([
      {
        line: 2,
        name: 'Brouwerij De Kroon',
        externalId: '1001',
        reason: 'external_id_taken',
        message: 'external ID 1001 already belongs to Old Name Brewery; Brouwerij De Kroon was not imported',
      },
    ]);
    expect(Object.values(focus.state.companies).filter((c) => c.externalId === '1001')).toHaveLength(1);
  });

  it('R18: importing the same file twice creates nothing the second time', () => {
    const focus = newFocus();
    importCustomers(focus, 'admin', PACKAGE_CSV, { source: 'exact.csv' });
    const again = importCustomers(focus, 'admin', PACKAGE_CSV, { source: 'exact.csv' });
    expect(again.ok && [again.value.created.length, again.value.matched.length, again.value.skipped.map((s) => s.reason)]).toEqual([
      0,
      0,
      ['already_imported', 'already_imported', 'already_imported'],
    ]);
    expect(Object.keys(focus.state.companies)).toHaveLength(3);
  });

  it('R18: refuses a non-admin, as the External ID field is admin-only', () => {
    const focus = newFocus();
    expect(importCustomers(focus, 'sales', PACKAGE_CSV, { source: 'x.csv' })).toMatchObject({
      ok: false,
      problem: {
        code: 'not_admin',
        message: 'Only an admin can import companies with their external IDs. Ask an admin of this Focus account to do it.',
      },
    });
    expect(focus.state.companies).toEqual({});
  });

  it.each([
    ['an empty file', '  \n\n', 1, 'the file is empty'],
    ['a file of separators only', ';;\n', 1, 'the file is empty'],
    [
      'no external ID column',
      'Name,Email\nDe Kroon,a@b.be',
      1,
      'there is no external ID column (name the header "External ID", "Number" or "Code")',
    ],
    ['no name column', 'Code;Email\n1;a@b.be', 1, 'there is no name column (name the header "Name" or "Company")'],
    ['only a header row', 'Code,Name\n', 2, 'there are no customers under the header row'],
    ['a row without external ID', 'Code,Name\n1,A\n,De Kroon', 3, '"De Kroon" has no external ID'],
    ['a row without name', 'Code,Name\n1,A\n\n2,', 4, 'external ID 2 has no name'],
    ['an external ID twice', 'Code,Name\n1,A\n2,B\n1,C', 4, 'external ID 1 appears again (first on line 2)'],
    ['an unclosed quote', 'Code,Name\n1,A\n2,"B\n3,C', 4, 'a quote (") is opened but never closed'],
    [
      'a row with too many fields',
      'Code,Name\n1,A\n2,De Kroon, Gent',
      3,
      'it has 3 fields, not as many as the header row (a separator inside a name needs quotes around the name)',
    ],
    ['a stray quote', 'Code,Name\n1,"A"x', 2, 'a quote (") inside a field is not doubled ("")'],
  ])('R18: refuses %s with the line, what is wrong and what to do, and changes nothing', (_, csv, line, detail) => {
    const focus = newFocus();
    focus.addCompany({ name: 'A' });
    const before = focus.snapshot();
    const refused = importCustomers(focus, 'admin', csv, { source: 'bad.csv' });
    expect(refused).toEqual({
      ok: false,
      problem: {
        code: 'invalid_csv',
        line,
        message: `The file cannot be imported: line ${line}: ${detail}. Fix the file (one company per line, with a header row) and import it again.`,
      },
    });
    expect(focus.snapshot()).toEqual(before);
  });
});

describe('R18: undoing an import removes only the companies it created', () => {
  it('R18: removes the created companies; companies that existed keep the external ID the import filled in', () => {
    const focus = newFocus();
    const kroon = focus.addCompany({ name: 'Brouwerij De Kroon' });
    const other = focus.addCompany({ name: 'Unrelated NV', externalId: '9' });
    const imported = importCustomers(focus, 'admin', PACKAGE_CSV, { source: 'exact.csv' });
    if (!imported.ok) throw new Error(imported.problem.message);
    const undone = undoImport(focus, 'admin', imported.value.importId);
    expect(undone).toEqual({
      ok: true,
      value: {
        importId: 'import-1',
        removed: imported.value.created.map(({ companyId, name }) => ({ companyId, name })),
        kept: [{ companyId: kroon.id, name: 'Brouwerij De Kroon', reason: 'it existed before the import; it keeps external ID 1001' }],
      },
    });
    expect(Object.keys(focus.state.companies)).toEqual([kroon.id, other.id]);
    expect(kroon.externalId).toBe('1001');
    expect(focus.state.bookkeepingExport.externalIds.imports['import-1']!.undone).toBe(true);
  });

  it('R18: removes the duplicates a differently spelt import made, and nothing else', () => {
    const focus = newFocus();
    focus.addCompany({ name: 'Brouwerij de Kroon BV' });
    const imported = importCustomers(focus, 'admin', PACKAGE_CSV, { source: 'exact.csv' });
    undoImport(focus, 'admin', imported.ok ? imported.value.importId : '');
    expect(names(focus)).toEqual(['Brouwerij de Kroon BV']);
    expect(findDuplicateCompanies(focus)).toEqual([]);
  });

  it('R18: keeps a created company that has invoices or contacts by now, and says why (no lost data)', () => {
    const focus = newFocus();
    importCustomers(focus, 'admin', PACKAGE_CSV, { source: 'exact.csv' });
    const kroon = byName(focus, 'Brouwerij De Kroon')!;
    const delta = byName(focus, 'Delta Logistics')!;
    focus.createDraft({ companyId: kroon.id, lines: [{ description: 'Beer', quantity: 1, unitPriceCents: 100, vatRateBp: 2100 }] });
    focus.addContact({ firstName: 'Dirk', lastName: 'Peeters', companyId: delta.id });
    const undone = undoImport(focus, 'admin', 'import-1');
    expect(undone.ok && undone.value.kept).toEqual([
      {
        companyId: kroon.id,
        name: 'Brouwerij De Kroon',
        reason: 'it has 1 invoice or credit note by now, which would be lost; merge it by hand',
      },
      { companyId: delta.id, name: 'Delta Logistics', reason: 'it has 1 contact by now, which would lose their company; merge it by hand' },
    ]);
    expect(undone.ok && undone.value.removed.map((r) => r.name)).toEqual(['Atelier Lumière, Gent']);
    expect(names(focus)).toEqual(['Brouwerij De Kroon', 'Delta Logistics']);
  });

  it('R18: refuses undoing twice, an unknown import and a non-admin, changing nothing', () => {
    const focus = newFocus();
    importCustomers(focus, 'admin', PACKAGE_CSV, { source: 'exact.csv' });
    const imported = focus.snapshot();
    expect(undoImport(focus, 'sales', 'import-1')).toMatchObject({
      ok: false,
      problem: { code: 'not_admin', message: expect.stringContaining('undo an import') },
    });
    expect(focus.snapshot()).toEqual(imported);
    expect(undoImport(focus, 'admin', 'import-9')).toMatchObject({
      ok: false,
      problem: { code: 'not_found', entity: 'import', id: 'import-9' },
    });
    expect(focus.snapshot()).toEqual(imported);
    expect(undoImport(focus, 'admin', 'import-1').ok).toBe(true);
    const undone = focus.snapshot();
    expect(undoImport(focus, 'admin', 'import-1')).toEqual({
      ok: false,
      problem: {
        code: 'import_undone',
        importId: 'import-1',
        message: 'Import import-1 has already been undone; there is nothing left to remove.',
      },
    });
    expect(focus.snapshot()).toEqual(undone);
  });

  it('R18: a created company deleted since is simply no longer there to remove', () => {
    const focus = newFocus();
    importCustomers(focus, 'admin', PACKAGE_CSV, { source: 'exact.csv' });
    delete focus.state.companies[byName(focus, 'Delta Logistics')!.id];
    const undone = undoImport(focus, 'admin', 'import-1');
    expect(undone.ok && undone.value.removed.map((r) => r.name)).toEqual(['Brouwerij De Kroon', 'Atelier Lumière, Gent']);
  });
});

describe('R18: comparable names for finding duplicates', () => {
  it('R18: ignores case, accents, punctuation and legal forms, but not other words', () => {
    expect(comparableName('Brouwerij De Kroon B.V.')).toBe('brouwerij de kroon');
    expect(comparableName('brouwerij-de-kroon')).toBe('brouwerij de kroon');
    expect(comparableName('Café Het Anker NV')).toBe(comparableName('cafe het anker'));
    expect(comparableName('Delta Logistics Gent')).not.toBe(comparableName('Delta Logistics'));
  });
});
