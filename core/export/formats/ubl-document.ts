import type { OwnCompany } from '../../focus/export-state.js';
import type { FocusDocument, Line } from '../../focus/state.js';
import { documentTotals } from '../../focus/totals.js';
import type { ExportDocument } from '../exporter.js';
import { bookedNumber } from './booked-number.js';
import { formatEuros, formatPercent, formatQuantity } from './decimal-text.js';
import { lineAmounts, vatByRate } from './document-amounts.js';
import { customerParty, supplierParty } from './ubl-parties.js';
import { element, type XmlElement } from './xml-text.js';

// One Focus invoice or credit note as a Peppol BIS Billing 3.0 UBL 2.1 document. Amounts are Focus's to
// the cent and positive on credit notes too: the CreditNote root carries the sign.

/** BT-24: the BIS Billing 3.0 specification identifier. */
export const BIS_CUSTOMIZATION_ID = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
/** BT-23: the Peppol billing process. */
export const BIS_PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';

const NAMESPACES = {
  invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  credit_note: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
};

/** The UBL root element of an exported document: `Invoice` (type 380) or `CreditNote` (type 381). */
export function ublDocument({ document, customer }: ExportDocument, seller: OwnCompany): XmlElement {
  const isInvoice = document.kind === 'invoice';
  const number = bookedNumber(document);
  const totals = documentTotals(document);
  const children = [
    element('cbc:CustomizationID', BIS_CUSTOMIZATION_ID),
    element('cbc:ProfileID', BIS_PROFILE_ID),
    element('cbc:ID', number),
    element('cbc:IssueDate', document.date),
    // UBL 2.1 has no DueDate on a CreditNote; BR-CO-25 asks for one on invoices only.
    isInvoice && element('cbc:DueDate', document.dueDate),
    element(isInvoice ? 'cbc:InvoiceTypeCode' : 'cbc:CreditNoteTypeCode', isInvoice ? '380' : '381'),
    element('cbc:DocumentCurrencyCode', 'EUR'),
    // BIS needs a buyer reference or an order reference (PEPPOL-EN16931-R003); the package's customer id serves.
    element('cbc:BuyerReference', customer.externalId),
    supplierParty(seller),
    customerParty(customer.company),
    isInvoice && paymentMeans(number, seller.iban),
    taxTotal(document, totals.vatCents),
    element('cac:LegalMonetaryTotal', [
      amount('cbc:LineExtensionAmount', totals.netCents),
      amount('cbc:TaxExclusiveAmount', totals.netCents),
      amount('cbc:TaxInclusiveAmount', totals.totalCents),
      // What the document asks, not what is still open: payments are registered apart from the invoice.
      amount('cbc:PayableAmount', totals.totalCents),
    ]),
    ...document.lines.map((line, index) => ublLine(document, line, index)),
  ];
  const attributes = { xmlns: NAMESPACES[document.kind], 'xmlns:cac': NAMESPACES.cac, 'xmlns:cbc': NAMESPACES.cbc };
  return element(isInvoice ? 'Invoice' : 'CreditNote', children, attributes);
}

/** The file name of a document: `invoice-2026-7.xml`; the kind is part of it because both series are numbered `YYYY/N`. */
export function ublFileName(document: FocusDocument): string {
  return `${document.kind === 'invoice' ? 'invoice' : 'credit-note'}-${bookedNumber(document).replaceAll('/', '-')}.xml`;
}

/** VAT category of a rate: S (standard or reduced) above 0 %, Z (zero rated) at 0 %; Focus records no exemption reasons for E or AE. */
export function vatCategory(rateBp: number): 'S' | 'Z' {
  return rateBp > 0 ? 'S' : 'Z';
}

function paymentMeans(number: string, iban: string): XmlElement {
  return element('cac:PaymentMeans', [
    element('cbc:PaymentMeansCode', '30', { name: 'Credit transfer' }),
    element('cbc:PaymentID', number),
    element('cac:PayeeFinancialAccount', [element('cbc:ID', iban.replace(/\s/g, ''))]),
  ]);
}

/**
 * One TaxSubtotal per VAT rate, its tax the sum of Focus's per-line VAT at that rate. EN 16931 BR-CO-17 asks for
 * taxable × rate rounded; per-line rounding can differ from that by up to half a cent per line, which the CEN
 * schematron tolerates (it accepts ±1.00 around the product), and it keeps the file equal to Focus's totals.
 */
function taxTotal(document: FocusDocument, vatCents: number): XmlElement {
  const subtotals = vatByRate(document.lines).map((rate) =>
    element('cac:TaxSubtotal', [
      amount('cbc:TaxableAmount', rate.netCents),
      amount('cbc:TaxAmount', rate.vatCents),
      taxCategory('cac:TaxCategory', rate.rateBp),
    ]),
  );
  return element('cac:TaxTotal', [amount('cbc:TaxAmount', vatCents), ...subtotals]);
}

/**
 * A line: LineExtensionAmount is Focus's line net; a commercial discount is a line allowance (gross − net), so
 * quantity × price − allowance = net within the half cent of Focus's rounding (PEPPOL-EN16931-R120 allows 0.02).
 */
function ublLine(document: FocusDocument, line: Line, index: number): XmlElement {
  const isInvoice = document.kind === 'invoice';
  const amounts = lineAmounts(line);
  // BR-27 forbids a negative price: a negative unit price is written as a negative quantity instead.
  const flip = line.unitPriceCents < 0 ? -1 : 1;
  const allowance =
    amounts.discountCents !== 0 &&
    element('cac:AllowanceCharge', [
      element('cbc:ChargeIndicator', 'false'),
      element('cbc:AllowanceChargeReasonCode', '95'),
      element('cbc:AllowanceChargeReason', 'Discount'),
      amount('cbc:Amount', amounts.discountCents),
    ]);
  return element(isInvoice ? 'cac:InvoiceLine' : 'cac:CreditNoteLine', [
    element('cbc:ID', String(index + 1)),
    element(isInvoice ? 'cbc:InvoicedQuantity' : 'cbc:CreditedQuantity', formatQuantity(flip * line.quantity + 0), { unitCode: 'C62' }),
    amount('cbc:LineExtensionAmount', amounts.netCents),
    allowance,
    element('cac:Item', [element('cbc:Name', line.description), taxCategory('cac:ClassifiedTaxCategory', line.vatRateBp)]),
    element('cac:Price', [amount('cbc:PriceAmount', flip * line.unitPriceCents)]),
  ]);
}

function taxCategory(name: string, rateBp: number): XmlElement {
  return element(name, [
    element('cbc:ID', vatCategory(rateBp)),
    element('cbc:Percent', formatPercent(rateBp)),
    element('cac:TaxScheme', [element('cbc:ID', 'VAT')]),
  ]);
}

function amount(name: string, cents: number): XmlElement {
  return element(name, formatEuros(cents), { currencyID: 'EUR' });
}
