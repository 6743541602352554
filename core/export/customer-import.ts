import type { Focus } from '../focus/focus.js';
import type { CustomerImport } from '../focus/export-state.js';
import { done, problems, refuse, type FocusResult } from '../focus/problems.js';
import type { Company } from '../focus/state.js';
import { readCustomerCsv, type CustomerRow } from './customer-csv.js';
import { externalIdHolder } from './external-ids.js';
import { withoutAccents } from './without-accents.js';

// Importing the package's customers with their external IDs is the recommended start (R18). Focus matches
// on exactly the same name, so a name spelt differently creates a duplicate; undoing the import removes them.

/** A company the import created or gave its external ID. */
export interface ImportedCompany {
  line: number;
  companyId: string;
  name: string;
  externalId: string;
}

/** A row the import left alone, and why. */
export interface SkippedRow {
  line: number;
  name: string;
  externalId: string;
  reason: 'already_imported' | 'external_id_taken' | 'has_other_external_id';
  message: string;
}

/** What an import did (R18). */
export interface ImportReport {
  importId: string;
  created: ImportedCompany[];
  matched: ImportedCompany[];
  skipped: SkippedRow[];
}

/** A company that undoing an import left in place, and why. */
export interface KeptCompany {
  companyId: string;
  name: string;
  reason: string;
}

/** What undoing an import did (R18). */
export interface UndoReport {
  importId: string;
  removed: { companyId: string; name: string }[];
  kept: KeptCompany[];
}

/**
 * Imports the package's customer list (R18; admins only, as the External ID field is). A row matches a company
 * with exactly the same name: one without external ID gets it, one with another ID is left alone. Every other row
 * creates a company whose origin is the import — also when the name is only spelt differently (faithful: that is
 * how the duplicates of the article arise). An external ID that another company holds is reported, not given twice.
 */
export function importCustomers(focus: Focus, userId: string, csvText: string, { source }: { source: string }): FocusResult<ImportReport> {
  if (!focus.user(userId)?.admin) return refuse(problems.notAdmin('import companies with their external IDs'));
  const rows = readCustomerCsv(csvText);
  if (!rows.ok) return rows;
  const importId = focus.nextId('import');
  const report: ImportReport = { importId, created: [], matched: [], skipped: [] };
  for (const row of rows.value) {
    const holder = externalIdHolder(focus, row.externalId);
    if (holder) {
      report.skipped.push(
        holder.name === row.name
          ? skipped(row, 'already_imported', `${row.name} already has external ID ${row.externalId}`)
          : skipped(
              row,
              'external_id_taken',
              `external ID ${row.externalId} already belongs to ${holder.name}; ${row.name} was not imported`,
            ),
      );
      continue;
    }
    const sameName = Object.values(focus.state.companies).filter((company) => company.name === row.name);
    const match = sameName.find((company) => !company.externalId);
    if (match) {
      focus.bookkeepingExport.setExternalId(match.id, row.externalId);
      report.matched.push(imported(row, match));
    } else if (sameName.length > 0) {
      report.skipped.push(
        skipped(row, 'has_other_external_id', `${row.name} already has external ID ${sameName[0]!.externalId}; left as it is`),
      );
    } else {
      const company = focus.addCompany({
        name: row.name,
        externalId: row.externalId,
        vatNumber: row.vatNumber,
        email: row.email,
        origin: importId,
        ...(row.country ? { country: row.country } : {}),
      });
      report.created.push(imported(row, company));
    }
  }
  focus.bookkeepingExport.recordImport({
    id: importId,
    at: new Date(focus.clock.now()).toISOString(),
    source,
    created: report.created.map((c) => c.companyId),
    matched: report.matched.map((c) => c.companyId),
    undone: false,
  });
  return done(report);
}

/**
 * Undoes an import (R18; admins only): removes the companies it created, and only those. Companies that existed
 * before stay, and keep the external ID the import filled in: it came from the package for exactly that name,
 * and the article promises that companies with an external ID are not touched. A created company that has
 * invoices, credit notes or contacts by now is kept as well, so that undoing never loses data; the report says why.
 */
export function undoImport(focus: Focus, userId: string, importId: string): FocusResult<UndoReport> {
  if (!focus.user(userId)?.admin) return refuse(problems.notAdmin('undo an import'));
  const record: CustomerImport | undefined = focus.state.bookkeepingExport.externalIds.imports[importId];
  if (!record) return refuse(problems.notFound('import', importId));
  if (record.undone) return refuse(problems.importUndone(importId));
  const report: UndoReport = { importId, removed: [], kept: [] };
  for (const companyId of record.created) {
    const company = focus.state.companies[companyId];
    if (!company) continue;
    const reason = reasonToKeep(focus, company);
    if (reason) {
      report.kept.push({ companyId, name: company.name, reason });
    } else {
      focus.bookkeepingExport.removeImportedCompany(companyId);
      report.removed.push({ companyId, name: company.name });
    }
  }
  for (const companyId of record.matched) {
    const company = focus.state.companies[companyId];
    if (company)
      report.kept.push({
        companyId,
        name: company.name,
        reason: `it existed before the import; it keeps external ID ${company.externalId ?? '(none)'}`,
      });
  }
  focus.bookkeepingExport.markImportUndone(importId);
  return done(report);
}

/**
 * Groups of companies whose names differ only in case, accents, punctuation or legal form ("De Kroon BV" and
 * "de kroon"): the duplicates an import of differently spelt names leaves behind, to merge or undo.
 */
export function findDuplicateCompanies(focus: Focus): Company[][] {
  const groups = new Map<string, Company[]>();
  for (const company of Object.values(focus.state.companies)) {
    const key = comparableName(company.name);
    groups.set(key, [...(groups.get(key) ?? []), company]);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}

const LEGAL_FORMS = new Set([
  'bv',
  'nv',
  'bvba',
  'vof',
  'cv',
  'cvba',
  'commv',
  'vzw',
  'sa',
  'sprl',
  'srl',
  'sc',
  'scrl',
  'asbl',
  'ltd',
  'llc',
  'inc',
  'gmbh',
  'ag',
  'sarl',
  'sas',
]);

/** A name without case, accents, punctuation and legal forms. */
export function comparableName(name: string): string {
  return (
    withoutAccents(name)
      .toLowerCase()
      // "B.V." is the legal form "bv", not the words "b" and "v".
      .replace(/\./g, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .split(' ')
      .filter((word) => word !== '' && !LEGAL_FORMS.has(word))
      .join(' ')
  );
}

function reasonToKeep(focus: Focus, company: Company): string | null {
  const documents = Object.values(focus.state.documents).filter((d) => d.companyId === company.id).length;
  if (documents > 0)
    return `it has ${documents} ${documents === 1 ? 'invoice or credit note' : 'invoices or credit notes'} by now, which would be lost; merge it by hand`;
  const contacts = Object.values(focus.state.contacts).filter((c) => c.companyId === company.id).length;
  if (contacts > 0)
    return `it has ${contacts} contact${contacts === 1 ? '' : 's'} by now, which would lose their company; merge it by hand`;
  return null;
}

function imported(row: CustomerRow, company: Company): ImportedCompany {
  return { line: row.line, companyId: company.id, name: company.name, externalId: row.externalId };
}

function skipped(row: CustomerRow, reason: SkippedRow['reason'], message: string): SkippedRow {
  return { line: row.line, name: row.name, externalId: row.externalId, reason, message };
}
