import type { OwnCompany } from '../../focus/export-state.js';
import type { Company } from '../../focus/state.js';
import { compactVatNumber, peppolEndpoint, type EndpointResult, type PeppolEndpoint } from './peppol-endpoint.js';
import { element, type XmlElement } from './xml-text.js';

// The seller and buyer of a UBL invoice as BIS Billing 3.0 wants them: electronic address, name, postal
// address with country, VAT identifier and legal name (BG-4, BG-7).

/** A VAT number's Peppol endpoint; `check()` reports a VAT number without one before `write()` runs. */
export function endpointOf(vatNumber: string | null, who: string): PeppolEndpoint {
  const result: EndpointResult =
    vatNumber === null ? { ok: false, problem: { code: 'missing', message: 'is missing' } } : peppolEndpoint(vatNumber);
  if (!result.ok)
    throw new Error(
      `[booklab] The VAT number of ${who} ${result.problem.message}; the UBL exporter's check() reports this before a file is written.`,
    );
  return result.value;
}

/** AccountingSupplierParty: Focus's own company, with its enterprise number as legal registration when Belgian. */
export function supplierParty(seller: OwnCompany): XmlElement {
  const endpoint = endpointOf(seller.vatNumber, 'the own company');
  const address = [
    seller.street ? element('cbc:StreetName', seller.street) : null,
    seller.city ? element('cbc:CityName', seller.city) : null,
    seller.postalCode ? element('cbc:PostalZone', seller.postalCode) : null,
    country(seller.country),
  ];
  const legalId = endpoint.schemeId === '0208' && element('cbc:CompanyID', endpoint.id, { schemeID: '0208' });
  return element('cac:AccountingSupplierParty', [
    element('cac:Party', [
      element('cbc:EndpointID', endpoint.id, { schemeID: endpoint.schemeId }),
      element('cac:PartyName', [element('cbc:Name', seller.name)]),
      element('cac:PostalAddress', address),
      vatScheme(seller.vatNumber),
      element('cac:PartyLegalEntity', [element('cbc:RegistrationName', seller.name), legalId]),
    ]),
  ]);
}

/** AccountingCustomerParty: the customer company; Focus keeps no address for it, so only its country. */
export function customerParty(company: Company): XmlElement {
  const endpoint = endpointOf(company.vatNumber, company.name);
  return element('cac:AccountingCustomerParty', [
    element('cac:Party', [
      element('cbc:EndpointID', endpoint.id, { schemeID: endpoint.schemeId }),
      element('cac:PartyName', [element('cbc:Name', company.name)]),
      element('cac:PostalAddress', [country(company.country)]),
      company.vatNumber !== null && vatScheme(company.vatNumber),
      element('cac:PartyLegalEntity', [element('cbc:RegistrationName', company.name)]),
      company.email !== null && element('cac:Contact', [element('cbc:ElectronicMail', company.email)]),
    ]),
  ]);
}

function country(code: string): XmlElement {
  return element('cac:Country', [element('cbc:IdentificationCode', code)]);
}

function vatScheme(vatNumber: string): XmlElement {
  return element('cac:PartyTaxScheme', [
    element('cbc:CompanyID', compactVatNumber(vatNumber)),
    element('cac:TaxScheme', [element('cbc:ID', 'VAT')]),
  ]);
}
