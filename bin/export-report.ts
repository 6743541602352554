import {
  bookSign,
  euros,
  EXPORT_FEE_CENTS,
  plural,
  type ExportCost,
  type ExportParameters,
  type ExportPreview,
  type ExportPeriod,
  type Exporter,
  type FocusDocument,
} from '../core/index.js';
import type { Style } from '../scenarios/index.js';

// The lines `booklab export` prints per wizard step, numbered like the wizard's screens (R22–R24).

/** "1 Period  2026-01-01 – 2026-03-31: 7 invoices and 1 credit note". */
export function periodLine({ from, to }: ExportPeriod, documents: readonly FocusDocument[]): string {
  const invoices = documents.filter((d) => d.kind === 'invoice').length;
  const creditNotes = documents.length - invoices;
  return `1 Period        ${from} – ${to}: ${plural(invoices, 'invoice')} and ${plural(creditNotes, 'credit note')}`;
}

/** "2 Package       Peppol UBL 2.1 … (peppol-ubl)". */
export function packageLine(exporter: Exporter): string {
  return `2 Package       ${exporter.name} (${exporter.id})`;
}

/** "3 External IDs  2 generated, 0 customers without one". */
export function externalIdsLine({ generated, missing }: { generated: number; missing: number }): string {
  return `3 External IDs  ${plural(generated, 'ID')} generated, ${plural(missing, 'customer')} without one`;
}

/** "4 Cost          6 × €0.12 = €0.72 (2 already paid, free); wallet €5.00 → €4.28". */
export function costLine(cost: ExportCost, paid: boolean): string {
  const after = paid ? cost.balanceCents - cost.feeCents : cost.balanceCents;
  const free = cost.alreadyPaid > 0 ? ` (${cost.alreadyPaid} already paid, free)` : '';
  return `4 Cost          ${cost.toCharge} × ${euros(EXPORT_FEE_CENTS)} = ${euros(cost.feeCents)}${free}; wallet ${euros(cost.balanceCents)}${paid ? ` → ${euros(after)}` : ''}`;
}

/** "5 Parameters    VAT on lines, customers exported, invoice journal V1, credit note journal V2". */
export function parametersLine(parameters: ExportParameters): string {
  const extra = Object.entries(parameters.extra)
    .map(([name, value]) => `, ${name} ${value}`)
    .join('');
  return (
    `5 Parameters    VAT on ${parameters.vat}, customers ${parameters.exportCustomers ? 'exported' : 'not exported'}, ` +
    `invoice journal ${parameters.invoiceJournal}, credit note journal ${parameters.creditNoteJournal}${extra}`
  );
}

/** The preview: a summary line, then every customer and document, each error on a line of its own. */
export function previewLines(preview: ExportPreview, style: Style): string[] {
  const summary = `6 Preview       ${plural(preview.customers.length, 'customer')}, ${plural(preview.documents.length, 'document')}, ${plural(preview.errorCount, 'error')}`;
  const mark = (errors: string[]) => (errors.length ? style.fail('✗') : style.pass('✓'));
  return [
    preview.errorCount ? style.fail(summary) : summary,
    ...preview.general.map((e) => `  ${style.fail('✗')} ${e}`),
    ...preview.customers.flatMap((c) => [
      `  ${mark(c.errors)} customer ${c.externalId ?? '(no ID)'}  ${c.name}`,
      ...c.errors.map((e) => `      ${style.fail(e)}`),
    ]),
    ...preview.documents.flatMap((d) => [
      `  ${mark(d.errors)} ${d.kind === 'invoice' ? 'invoice    ' : 'credit note'} ${d.number}  ${d.date}  ${euros(d.totalCents * bookSign(d))}  ${d.customer}`,
      ...d.errors.map((e) => `      ${style.fail(e)}`),
    ]),
  ];
}
