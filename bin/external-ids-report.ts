import {
  joinWords,
  plural,
  sharedExternalIds,
  type Company,
  type ExternalIdPlan,
  type FocusState,
  type GeneratedExternalIds,
  type ImportReport,
  type UndoReport,
} from '../core/index.js';
import type { Style } from '../scenarios/index.js';

// The lines `booklab external-ids` prints (R18–R20): companies in columns, then what needs a look.

/** One company per line: id, name and external ID ("—" when it has none). */
export function companyLines(companies: readonly Company[]): string[] {
  const idWidth = Math.max(0, ...companies.map((c) => c.id.length));
  const nameWidth = Math.max(0, ...companies.map((c) => c.name.length));
  return companies.map((c) => `  ${c.id.padEnd(idWidth)}  ${c.name.padEnd(nameWidth)}  ${c.externalId ?? '—'}`.trimEnd());
}

/** External IDs that more than one company holds: the package would overwrite one customer with the other. */
export function sharedIdLines(state: FocusState, style: Style): string[] {
  return sharedExternalIds(state).map(({ externalId, companies }) =>
    style.warn(
      `! External ID ${externalId} is shared by ${names(companies)}: the package will overwrite one customer with the other. Give one of them another ID.`,
    ),
  );
}

/** Groups of companies whose names differ only in spelling: likely duplicates to merge, or to undo the import of. */
export function duplicateLines(groups: readonly Company[][], style: Style): string[] {
  return groups.map((group) => style.warn(`! Likely duplicates: ${names(group)}.`));
}

/** What an import did, row by row, with the import id to undo it with. */
export function importLines(report: ImportReport): string[] {
  const { importId, created, matched, skipped } = report;
  return [
    `Import ${importId}: ${created.length} created, ${matched.length} matched, ${skipped.length} skipped`,
    ...created.map((c) => `  + created  line ${c.line}  ${c.name} (${c.companyId}) with external ID ${c.externalId}`),
    ...matched.map((c) => `  = matched  line ${c.line}  ${c.name} (${c.companyId}) gets external ID ${c.externalId}`),
    ...skipped.map((s) => `  - skipped  line ${s.line}  ${s.message}`),
  ];
}

/** What undoing an import did: the companies removed, and those kept with the reason. */
export function undoLines(report: UndoReport): string[] {
  return [
    `Undid import ${report.importId}: ${report.removed.length} removed, ${report.kept.length} kept`,
    ...report.removed.map((c) => `  - removed  ${c.name} (${c.companyId})`),
    ...report.kept.map((c) => `  = kept     ${c.name} (${c.companyId}): ${c.reason}`),
  ];
}

/** The IDs generating would hand out, or has handed out. */
export function assignmentLines({ assignments }: Pick<ExternalIdPlan, 'assignments'>): string[] {
  return assignments.map((a) => `  ${a.externalId}  ${a.name} (${a.companyId})`);
}

/** "Generated 2 external IDs from start value 100000". */
export function generatedLine(generated: GeneratedExternalIds): string {
  const n = generated.assigned.length;
  return `Generated ${plural(n, 'external ID')} from start value ${generated.startValue}${n === 0 ? ': every company has one' : ':'}`;
}

/** "Brouwerij De Kroon (company-1) and De Kroon (company-5)". */
function names(group: readonly Company[]): string {
  return joinWords(group.map((c) => `${c.name} (${c.id})`));
}
