import fc from 'fast-check';
import { createClock } from '../../mock-accounting/index.js';
import type { ExportInput, ExportParameters } from '../../core/export/exporter.js';
import { exportInput } from '../../core/export/preview.js';
import { Focus, type LineInput } from '../../core/focus/focus.js';
import type { FocusDocument } from '../../core/focus/state.js';

/** The parameters the article advises (VAT on lines, customers too), with journals V1 and V2. */
export const EXPORT_PARAMETERS: ExportParameters = {
  vat: 'lines',
  exportCustomers: true,
  invoiceJournal: 'V1',
  creditNoteJournal: 'V2',
  extra: {},
};

/** The discount account of the fixture (R21). */
export const DISCOUNT_ACCOUNT = '708000';

/** A company name and a description that need quoting in CSV and escaping in XML. */
export const AWKWARD_NAME = 'Bakker & Zonen <Noord> "BV"; \'t Hoekje';
export const AWKWARD_DESCRIPTION = 'Kriek & "Oude Geuze" <fles>; 33cl, per bak\nlevering week 3';

/** A Focus on a frozen clock (2026-03-02 09:00 UTC), the demo account's own company as seller. */
export function exportFocus(): Focus {
  return new Focus(createClock({ start: '2026-03-02T09:00:00Z', frozen: true }));
}

/** Creates and books a document; throws when Focus refuses (a broken fixture). */
export function bookDocument(
  focus: Focus,
  companyId: string,
  date: string,
  lines: LineInput[],
  kind: FocusDocument['kind'] = 'invoice',
): FocusDocument {
  const draft = focus.createDraft({ kind, companyId, date, lines });
  if (!draft.ok) throw new Error(draft.problem.message);
  const booked = focus.book(draft.value.id);
  if (!booked.ok) throw new Error(booked.problem.message);
  return booked.value;
}

/**
 * Three customers (BE, NL, FR) with external IDs, four invoices and two credit notes: commercial discounts, 0/6/12/21 %
 * VAT, half cents that round (0.29 × €7.50 = €2.175), three €0.03 lines whose per-line VAT (3 × €0.01) differs from
 * VAT on their total (€0.02), a negative unit price and descriptions that need escaping.
 */
export function exportFixture(parameters: Partial<ExportParameters> = {}): {
  focus: Focus;
  input: ExportInput;
  documents: FocusDocument[];
} {
  const focus = exportFocus();
  const kroon = focus.addCompany({
    name: 'Brouwerij De Kroon',
    vatNumber: 'BE0412345614',
    externalId: '400001',
    email: 'boekhouding@dekroon.be',
  }).id;
  const bakker = focus.addCompany({ name: AWKWARD_NAME, vatNumber: 'NL123456789B01', country: 'NL', externalId: '400002' }).id;
  const cafe = focus.addCompany({ name: 'Café Élysée', vatNumber: 'FR40303265045', country: 'FR', externalId: '100000' }).id;
  const first = bookDocument(focus, kroon, '2026-01-05', [
    { description: 'Hop pellets', quantity: 0.29, unitPriceCents: 750, vatRateBp: 2100, ledgerAccount: '700000' },
    { description: 'Bottles', quantity: 3, unitPriceCents: 1_234, vatRateBp: 600, ledgerAccount: '700100', discountBp: 1_000 },
    { description: 'Export crate', quantity: 1, unitPriceCents: 5_000, vatRateBp: 0, ledgerAccount: '700200' },
    { description: 'Labels', quantity: 2, unitPriceCents: 333, vatRateBp: 1_200, ledgerAccount: '700300' },
  ]);
  bookDocument(focus, bakker, '2026-01-20', [
    ...[1, 2, 3].map((n) => ({ description: `Sample ${n}`, quantity: 1, unitPriceCents: 3, vatRateBp: 2100, ledgerAccount: '700000' })),
    { description: AWKWARD_DESCRIPTION, quantity: 1.5, unitPriceCents: 999, vatRateBp: 2100, ledgerAccount: '700000', discountBp: 1_250 },
  ]);
  bookDocument(focus, cafe, '2026-02-03', [
    { description: 'Tasting evening', quantity: 1, unitPriceCents: 45_000, vatRateBp: 2100, ledgerAccount: '700000' },
    { description: 'Deposit returned', quantity: 4, unitPriceCents: -250, vatRateBp: 2100, ledgerAccount: '700000' },
  ]);
  const last = bookDocument(focus, kroon, '2026-02-27', [
    { description: 'Barrels', quantity: 7, unitPriceCents: 12_345, vatRateBp: 2100, ledgerAccount: '700000', discountBp: 333 },
  ]);
  for (const invoice of [first, last]) {
    const credited = focus.credit(invoice.id, { date: '2026-02-28' });
    if (!credited.ok) throw new Error(credited.problem.message);
  }
  const documents = Object.values(focus.state.documents);
  return { focus, input: exportInputOf(focus, documents, { ...EXPORT_PARAMETERS, ...parameters }), documents };
}

/** What a format gets for these documents (core's exportInput), with the fixture's discount account. */
export function exportInputOf(
  focus: Focus,
  documents: readonly FocusDocument[],
  parameters: ExportParameters = EXPORT_PARAMETERS,
): ExportInput {
  return { ...exportInput(focus.state, documents, parameters, focus.clock.today()), discountAccount: DISCOUNT_ACCOUNT };
}

/** A random line for properties: odd quantities (three decimals, negative too), any price, discount and Belgian rate. */
export const RANDOM_LINE = fc.record({
  description: fc.string({ minLength: 1 }),
  quantity: fc.oneof(
    fc.integer({ min: -50, max: 500 }),
    fc.integer({ min: -100_000, max: 1_000_000 }).map((n) => n / 1000),
  ),
  unitPriceCents: fc.integer({ min: -100_000, max: 10_000_000 }),
  vatRateBp: fc.constantFrom(0, 600, 1200, 2100),
  discountBp: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10_000 })),
  ledgerAccount: fc.constantFrom('700000', '700100'),
});

/** The export input of one booked document with these lines, for a Belgian customer. */
export function randomExport(lines: LineInput[], kind: FocusDocument['kind'], vat: ExportParameters['vat']): ExportInput {
  const focus = exportFocus();
  const companyId = focus.addCompany({ name: 'Random', vatNumber: 'BE0412345614', externalId: '1' }).id;
  const document = bookDocument(focus, companyId, '2026-01-10', lines, kind);
  return exportInputOf(focus, [document], { ...EXPORT_PARAMETERS, vat });
}
