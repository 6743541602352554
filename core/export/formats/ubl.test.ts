import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  AWKWARD_DESCRIPTION,
  AWKWARD_NAME,
  exportFixture,
  exportInputOf,
  RANDOM_LINE,
  randomExport,
} from '../../../test/support/export-fixture.js';
import type { FocusDocument } from '../../focus/state.js';
import { documentTotals, lineNetCents } from '../../focus/totals.js';
import type { ExportInput } from '../exporter.js';
import { parseEuros } from './decimal-text.js';
import { ublExporter } from './ubl.js';
import { BIS_CUSTOMIZATION_ID, BIS_PROFILE_ID } from './ubl-document.js';

// fast-xml-parser's output is untyped; the tests walk it by the element names UBL defines.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Node = Record<string, any>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (name) => ['cac:InvoiceLine', 'cac:CreditNoteLine', 'cac:TaxSubtotal'].includes(name),
});

/** Each document of the input with its file parsed: the root element (Invoice or CreditNote) and its name. */
function parsed(input: ExportInput): { document: FocusDocument; rootName: string; root: Node; content: string }[] {
  const files = ublExporter.write(input);
  return input.documents.map(({ document }, index) => {
    const content = files[index]!.content;
    const tree = parser.parse(content) as Node;
    const rootName = Object.keys(tree).find((key) => key !== '?xml')!;
    return { document, rootName, root: tree[rootName] as Node, content };
  });
}

/** An amount element in cents, checking it is in euros with at most two decimals. */
function cents(node: Node): number {
  expect(node['@_currencyID']).toBe('EUR');
  const value = parseEuros(node['#text']);
  expect(value, `amount ${node['#text']}`).not.toBeNull();
  return value!;
}

function linesOf(root: Node): Node[] {
  return root['cac:InvoiceLine'] ?? root['cac:CreditNoteLine'];
}

/** What a file says the totals are, after checking that they add up among themselves (BR-CO-10, -13, -14, -15, -16). */
function fileTotals(root: Node): { netCents: number; vatCents: number; totalCents: number } {
  const total = root['cac:LegalMonetaryTotal'];
  const net = cents(total['cbc:LineExtensionAmount']);
  const vat = cents(root['cac:TaxTotal']['cbc:TaxAmount']);
  const subtotals = root['cac:TaxTotal']['cac:TaxSubtotal'] as Node[];
  expect(linesOf(root).reduce((sum, line) => sum + cents(line['cbc:LineExtensionAmount']), 0)).toBe(net);
  expect(cents(total['cbc:TaxExclusiveAmount'])).toBe(net);
  expect(subtotals.reduce((sum, s) => sum + cents(s['cbc:TaxableAmount']), 0)).toBe(net);
  expect(subtotals.reduce((sum, s) => sum + cents(s['cbc:TaxAmount']), 0)).toBe(vat);
  expect(cents(total['cbc:TaxInclusiveAmount'])).toBe(net + vat);
  expect(cents(total['cbc:PayableAmount'])).toBe(net + vat);
  return { netCents: net, vatCents: vat, totalCents: net + vat };
}

describe('R21–R23: Peppol UBL files', () => {
  it('R22: one XML file per invoice and credit note, named by kind and number (both series are numbered YYYY/N)', () => {
    const files = ublExporter.write(exportFixture().input);
    expect(files.map((f) => [f.name, f.mediaType])).toEqual(
      ['invoice-2026-1', 'invoice-2026-2', 'invoice-2026-3', 'invoice-2026-4', 'credit-note-2026-1', 'credit-note-2026-2'].map((n) => [
        `${n}.xml`,
        'application/xml',
      ]),
    );
  });

  it('R22: each file is well-formed XML with the BIS Billing 3.0 customization and profile ids', () => {
    for (const { content, root } of parsed(exportFixture().input)) {
      expect(XMLValidator.validate(content)).toBe(true);
      expect(root['cbc:CustomizationID']).toBe('urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0');
      expect(root['cbc:CustomizationID']).toBe(BIS_CUSTOMIZATION_ID);
      expect(root['cbc:ProfileID']).toBe(BIS_PROFILE_ID);
      expect(root['cbc:DocumentCurrencyCode']).toBe('EUR');
    }
  });

  it.each(['lines', 'total'] as const)('R23: VAT on %s — each file adds up and its totals equal documentTotals to the cent', (vat) => {
    for (const { document, root } of parsed(exportFixture({ vat }).input)) {
      expect(fileTotals(root)).toEqual(documentTotals(document));
    }
  });

  it("a line amount is Focus's line net; price × quantity − the discount allowance gives it within half a cent", () => {
    for (const { document, root } of parsed(exportFixture().input)) {
      linesOf(root).forEach((line, index) => {
        const focusLine = document.lines[index]!;
        const net = cents(line['cbc:LineExtensionAmount']);
        expect(net).toBe(lineNetCents(focusLine));
        const quantity = Number((line['cbc:InvoicedQuantity'] ?? line['cbc:CreditedQuantity'])['#text']);
        const allowance = line['cac:AllowanceCharge'] ? cents(line['cac:AllowanceCharge']['cbc:Amount']) : 0;
        // Half a cent of Focus's rounding, plus binary float noise of the product.
        expect(Math.abs(quantity * cents(line['cac:Price']['cbc:PriceAmount']) - allowance - net)).toBeLessThanOrEqual(0.5 + 1e-9);
        expect(Boolean(line['cac:AllowanceCharge'])).toBe(focusLine.discountBp > 0);
      });
    }
  });

  it('R21: a commercial discount is a line allowance with ChargeIndicator false and reason code 95', () => {
    const bottles = linesOf(parsed(exportFixture().input)[0]!.root)[1]!;
    expect(bottles['cac:AllowanceCharge']).toMatchObject({ 'cbc:ChargeIndicator': 'false', 'cbc:AllowanceChargeReasonCode': '95' });
    expect(cents(bottles['cac:AllowanceCharge']['cbc:Amount'])).toBe(370);
    expect(cents(bottles['cbc:LineExtensionAmount'])).toBe(3_332);
  });

  it("R22: an invoice has type 380, its due date, a credit transfer to the seller's IBAN, and the external ID as buyer reference", () => {
    const { document, rootName, root } = parsed(exportFixture().input)[0]!;
    expect(rootName).toBe('Invoice');
    expect(root['@_xmlns']).toBe('urn:oasis:names:specification:ubl:schema:xsd:Invoice-2');
    expect(root).toMatchObject({
      'cbc:ID': '2026/1',
      'cbc:IssueDate': document.date,
      'cbc:DueDate': document.dueDate,
      'cbc:InvoiceTypeCode': '380',
      'cbc:BuyerReference': '400001',
    });
    expect(root['cac:PaymentMeans']['cbc:PaymentMeansCode']['#text']).toBe('30');
    expect(root['cac:PaymentMeans']['cac:PayeeFinancialAccount']['cbc:ID']).toBe('BE68539007547034');
    expect(linesOf(root)[0]!['cbc:InvoicedQuantity']).toEqual({ '#text': '0.29', '@_unitCode': 'C62' });
  });

  it('R22: a credit note has a CreditNote root, type 381, CreditNoteLines with CreditedQuantity and positive amounts', () => {
    const credits = parsed(exportFixture().input).filter((p) => p.document.kind === 'credit_note');
    expect(credits).toHaveLength(2);
    for (const { rootName, root } of credits) {
      expect(rootName).toBe('CreditNote');
      expect(root['@_xmlns']).toBe('urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2');
      expect(root['cbc:CreditNoteTypeCode']).toBe('381');
      expect(root['cbc:DueDate']).toBeUndefined();
      expect(root['cac:PaymentMeans']).toBeUndefined();
      expect(root['cac:InvoiceLine']).toBeUndefined();
      expect(root['cac:CreditNoteLine'][0]['cbc:CreditedQuantity']['@_unitCode']).toBe('C62');
      expect(cents(root['cac:LegalMonetaryTotal']['cbc:PayableAmount'])).toBeGreaterThan(0);
    }
  });

  it('R23: one tax subtotal per rate: category S above 0 %, Z at 0 %', () => {
    const subtotals = parsed(exportFixture().input)[0]!.root['cac:TaxTotal']['cac:TaxSubtotal'] as Node[];
    expect(
      subtotals.map((s) => [
        s['cac:TaxCategory']['cbc:ID'],
        s['cac:TaxCategory']['cbc:Percent'],
        s['cac:TaxCategory']['cac:TaxScheme']['cbc:ID'],
      ]),
    ).toEqual([
      ['Z', '0', 'VAT'],
      ['S', '6', 'VAT'],
      ['S', '12', 'VAT'],
      ['S', '21', 'VAT'],
    ]);
  });

  it('endpoints: a Belgian customer by enterprise number (0208), Dutch by VAT number (9944), French by VAT (9957); the seller 0208', () => {
    const files = parsed(exportFixture().input);
    const endpoint = (root: Node, party: string) => root[party]['cac:Party']['cbc:EndpointID'];
    expect(endpoint(files[0]!.root, 'cac:AccountingCustomerParty')).toEqual({ '#text': '0412345614', '@_schemeID': '0208' });
    expect(endpoint(files[1]!.root, 'cac:AccountingCustomerParty')).toEqual({ '#text': 'NL123456789B01', '@_schemeID': '9944' });
    expect(endpoint(files[2]!.root, 'cac:AccountingCustomerParty')).toEqual({ '#text': 'FR40303265045', '@_schemeID': '9957' });
    expect(endpoint(files[0]!.root, 'cac:AccountingSupplierParty')).toEqual({ '#text': '0123456749', '@_schemeID': '0208' });
    expect(files[0]!.root['cac:AccountingSupplierParty']['cac:Party']['cac:PartyTaxScheme']['cbc:CompanyID']).toBe('BE0123456749');
  });

  it('& < > " \' in names and descriptions are escaped in the file and read back unchanged', () => {
    const { root, content } = parsed(exportFixture().input)[1]!;
    expect(content).toContain('Bakker &amp; Zonen &lt;Noord&gt; &quot;BV&quot;');
    expect(content).not.toContain('<Noord>');
    expect(root['cac:AccountingCustomerParty']['cac:Party']['cac:PartyLegalEntity']['cbc:RegistrationName']).toBe(AWKWARD_NAME);
    expect(linesOf(root)[3]!['cac:Item']['cbc:Name']).toBe(AWKWARD_DESCRIPTION);
  });

  it('a negative unit price is written as a negative quantity at a positive price (BR-27)', () => {
    const deposit = linesOf(parsed(exportFixture().input)[2]!.root)[1]!;
    expect(deposit['cbc:InvoicedQuantity']['#text']).toBe('-4');
    expect(deposit['cac:Price']['cbc:PriceAmount']['#text']).toBe('2.50');
    expect(deposit['cbc:LineExtensionAmount']['#text']).toBe('-10.00');
  });

  it("R22: property — for random lines, invoices and credit notes, the file's totals equal documentTotals", () => {
    fc.assert(
      fc.property(fc.array(RANDOM_LINE, { minLength: 1, maxLength: 8 }), fc.constantFrom('invoice', 'credit_note'), (lines, kind) => {
        const [{ document, root }] = parsed(randomExport(lines, kind, 'lines')) as [ReturnType<typeof parsed>[number]];
        expect(fileTotals(root)).toEqual(documentTotals(document));
      }),
      { numRuns: 100 },
    );
  });
});

describe('R24: check lists what BIS Billing 3.0 needs and a customer or document lacks', () => {
  it('R24: a complete export has no issues', () => {
    expect(ublExporter.check(exportFixture().input)).toEqual([]);
  });

  it('R24: customers without VAT number, with a country that is no ISO code, a wrong Belgian check digit or a VAT number of a country without Peppol scheme', () => {
    const { focus, documents } = exportFixture();
    const companies = [
      focus.addCompany({ name: 'No VAT', externalId: '5' }),
      focus.addCompany({ name: 'Wordy', vatNumber: 'BE0876543270', country: 'Belgium', externalId: '6' }),
      focus.addCompany({ name: 'Typo', vatNumber: 'BE0412345678', externalId: '7' }),
      focus.addCompany({ name: 'Viking', vatNumber: 'DK12345678', country: 'DK', externalId: '8' }),
    ];
    const input = exportInputOf(focus, documents);
    input.customers.push(...companies.map((company) => ({ externalId: company.externalId!, company })));
    expect(ublExporter.check(input)).toEqual([
      {
        subject: 'customer',
        id: companies[0]!.id,
        message: expect.stringContaining("No VAT has no VAT number: a Peppol invoice needs the customer's Peppol ID"),
      },
      {
        subject: 'customer',
        id: companies[1]!.id,
        message: expect.stringContaining('has country "Belgium", not a two-letter ISO 3166 code'),
      },
      {
        subject: 'customer',
        id: companies[2]!.id,
        message: expect.stringContaining('BE0412345678 of Typo is not a valid Belgian enterprise number'),
      },
      {
        subject: 'customer',
        id: companies[3]!.id,
        message: expect.stringContaining('starts with "DK", a country for which Peppol has no VAT-number scheme'),
      },
    ]);
  });

  it('R24: on each document: an own company without IBAN (invoices only) or with an invalid VAT number, a line without description, a draft', () => {
    const { focus, documents } = exportFixture();
    focus.state.ownCompany.iban = '';
    focus.state.ownCompany.vatNumber = 'BE0123456789';
    const invoice = documents[0]!;
    invoice.lines[2]!.description = '  ';
    const draft = focus.createDraft({
      companyId: invoice.companyId,
      lines: [{ description: 'Later', quantity: 1, unitPriceCents: 100, vatRateBp: 2100 }],
    });
    if (!draft.ok) throw new Error(draft.problem.message);
    const issues = ublExporter.check(exportInputOf(focus, [invoice, documents[4]!, draft.value]));
    const about = (id: string) => issues.filter((i) => i.id === id).map((i) => i.message);
    expect(about(invoice.id)).toEqual([
      expect.stringContaining('VAT number BE0123456789 of the own company is not a valid Belgian enterprise number'),
      expect.stringContaining('The own company has no IBAN'),
      expect.stringContaining('Line 3 has no description'),
    ]);
    expect(about(documents[4]!.id)).toEqual([expect.stringContaining('VAT number BE0123456789 of the own company')]);
    expect(about(draft.value.id)).toEqual([
      expect.stringContaining('is a draft and has no number yet'),
      expect.anything(),
      expect.anything(),
    ]);
  });
});
