import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  AWKWARD_DESCRIPTION,
  AWKWARD_NAME,
  DISCOUNT_ACCOUNT,
  exportFixture,
  exportInputOf,
  RANDOM_LINE,
  randomExport,
} from '../../../test/support/export-fixture.js';
import { documentTotals } from '../../focus/totals.js';
import type { ExportFile, ExportInput } from '../exporter.js';
import { csvPairExporter, CUSTOMERS_FILE, LINES_FILE } from './csv-pair.js';
import { readCsvPair } from './csv-pair-reader.js';

/** The rows of one file of the pair, keyed by column. */
function rows(files: ExportFile[], name: string): Record<string, string>[] {
  const file = files.find((f) => f.name === name);
  if (!file) throw new Error(`no ${name}`);
  return parse(file.content, { delimiter: ';', columns: true }) as Record<string, string>[];
}

/** Each document's totals as Focus shows them, in input order. */
function focusTotals(input: ExportInput) {
  return input.documents.map(({ document }) => ({ kind: document.kind, number: document.number, ...documentTotals(document) }));
}

function readTotals(files: ExportFile[]) {
  return readCsvPair(files).documents.map(({ kind, number, netCents, vatCents, totalCents }) => ({
    kind,
    number,
    netCents,
    vatCents,
    totalCents,
  }));
}

describe('R22, R23: the generic CSV pair round-trips', () => {
  it.each(['lines', 'total'] as const)('R23: VAT on %s — read back, every document has the totals of Focus to the cent', (vat) => {
    const { input } = exportFixture({ vat });
    const files = csvPairExporter.write(input);
    expect(files.map((f) => f.name)).toEqual([CUSTOMERS_FILE, LINES_FILE]);
    expect(readTotals(files)).toEqual(focusTotals(input));
  });

  it('R23: the customers read back are the exported ones, with their external IDs', () => {
    const { input } = exportFixture();
    const { customers } = readCsvPair(csvPairExporter.write(input));
    expect(customers).toEqual(
      input.customers.map(({ externalId, company }) => ({
        externalId,
        name: company.name,
        vatNumber: company.vatNumber,
        country: company.country,
        email: company.email,
      })),
    );
    expect(customers.map((c) => c.name)).toContain(AWKWARD_NAME);
  });

  it('R23: customers.csv is only written when "export customers too" is on', () => {
    const files = csvPairExporter.write(exportFixture({ exportCustomers: false }).input);
    expect(files.map((f) => f.name)).toEqual([LINES_FILE]);
    expect(readCsvPair(files).customers).toEqual([]);
  });

  it('R23: invoices go to the invoice journal, credit notes to the credit note journal, each with its customer', () => {
    const { input } = exportFixture({ invoiceJournal: 'VF', creditNoteJournal: 'VC' });
    const documents = readCsvPair(csvPairExporter.write(input)).documents;
    expect(documents.map((d) => [d.kind, d.journal])).toEqual(
      input.documents.map(({ document }) => [document.kind, document.kind === 'invoice' ? 'VF' : 'VC']),
    );
    expect(documents.map((d) => d.customerExternalId)).toEqual(input.documents.map((d) => d.customer.externalId));
  });

  it('R22: the pair is UTF-8 text with ";" between fields and one header row', () => {
    const [customers, lines] = csvPairExporter.write(exportFixture().input);
    expect(customers!.content.split('\n')[0]).toBe('external_id;name;vat_number;country;email');
    expect(lines!.content.split('\n')[0]).toMatch(/^journal;document_type;document_number;date;due_date;customer_external_id;row_type;/);
    expect(customers!.content).toContain('Café Élysée');
  });
});

describe('R21, R23: what the rows say', () => {
  it('amounts are euros with two decimals and a dot; 0.29 × €7.50 = €2.175 rounds to €2.18 as in Focus', () => {
    const line = rows(csvPairExporter.write(exportFixture().input), LINES_FILE)[0]!;
    expect(line).toMatchObject({
      document_number: '2026/1',
      line_number: '1',
      quantity: '0.29',
      unit_price: '7.50',
      gross: '2.18',
      net: '2.18',
      vat_rate: '21',
      vat: '0.46',
    });
  });

  it('R21: a commercial discount is booked as gross on the line account less the discount on the discount account', () => {
    const line = rows(csvPairExporter.write(exportFixture().input), LINES_FILE)[1]!;
    expect(line).toMatchObject({
      description: 'Bottles',
      discount_percent: '10',
      gross: '37.02',
      discount: '3.70',
      net: '33.32',
      ledger_account: '700100',
      discount_account: DISCOUNT_ACCOUNT,
    });
    expect(rows(csvPairExporter.write(exportFixture().input), LINES_FILE)[0]!.discount_account).toBe('');
  });

  it('credit notes carry negative amounts; quantity and unit price stay as on the document', () => {
    const credit = rows(csvPairExporter.write(exportFixture().input), LINES_FILE).find((r) => r.document_type === 'credit_note')!;
    expect(credit).toMatchObject({ journal: 'V2', quantity: '0.29', unit_price: '7.50', gross: '-2.18', net: '-2.18', vat: '-0.46' });
  });

  it("R23: VAT on total — lines carry no VAT, one VAT row per document and rate sums Focus's line VAT (€2.78, where 21 % of €13.20 gives €2.77)", () => {
    const all = rows(csvPairExporter.write(exportFixture({ vat: 'total' }).input), LINES_FILE);
    const second = all.filter((r) => r.document_type === 'invoice' && r.document_number === '2026/2');
    expect(second.filter((r) => r.row_type === 'line').map((r) => r.vat)).toEqual(['', '', '', '']);
    expect(second.filter((r) => r.row_type === 'vat')).toMatchObject([{ vat_rate: '21', vat_base: '13.20', vat: '2.78', net: '' }]);
    const first = all.filter((r) => r.document_type === 'invoice' && r.document_number === '2026/1' && r.row_type === 'vat');
    expect(first.map((r) => r.vat_rate)).toEqual(['0', '6', '12', '21']);
  });

  it('descriptions with ";", quotes, "<&>" and a line break survive the round trip', () => {
    const line = rows(csvPairExporter.write(exportFixture().input), LINES_FILE).find(
      (r) => r.document_number === '2026/2' && r.line_number === '4',
    )!;
    expect(line.description).toBe(AWKWARD_DESCRIPTION);
  });
});

describe("the CSV pair's check (R24) and reader", () => {
  it('R24: check reports nothing for booked documents, and a draft because it has no number', () => {
    const { focus, input } = exportFixture();
    expect(csvPairExporter.check(input)).toEqual([]);
    const draft = focus.createDraft({
      companyId: input.customers[0]!.company.id,
      lines: [{ description: 'x', quantity: 1, unitPriceCents: 100, vatRateBp: 2100 }],
    });
    if (!draft.ok) throw new Error(draft.problem.message);
    const issues = csvPairExporter.check(exportInputOf(focus, [draft.value]));
    expect(issues).toEqual([
      { subject: 'document', id: draft.value.id, message: expect.stringContaining('is a draft and has no number yet: book it first') },
    ]);
  });

  it('reading back refuses a line whose gross − discount is not its net, a missing lines file and a foreign header', () => {
    const files = csvPairExporter.write(exportFixture().input);
    const lines = files.find((f) => f.name === LINES_FILE)!;
    const tampered = { ...lines, content: lines.content.replace(';37.02;3.70;708000;33.32;', ';37.02;3.70;708000;33.33;') };
    expect(tampered.content).not.toBe(lines.content);
    expect(() => readCsvPair([tampered])).toThrow('row 2 (after the header): gross − discount is not the net');
    expect(() => readCsvPair(files.filter((f) => f.name !== LINES_FILE))).toThrow('The export has no invoice-lines.csv');
    expect(() => readCsvPair([{ name: LINES_FILE, content: 'a;b\n1;2\n' }])).toThrow('has the header "a;b"');
  });
});

describe("R23: property — any lines round-trip to Focus's totals", () => {
  it('R23: for random lines, invoices and credit notes, in both VAT modes, the file adds up to documentTotals to the cent', () => {
    fc.assert(
      fc.property(
        fc.array(RANDOM_LINE, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('invoice', 'credit_note'),
        fc.constantFrom('lines', 'total'),
        (lines, kind, vat) => {
          const input = randomExport(lines, kind, vat);
          expect(readTotals(csvPairExporter.write(input))).toEqual(focusTotals(input));
        },
      ),
      { numRuns: 200 },
    );
  });
});
