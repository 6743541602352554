import type { Company, Contact } from './state.js';

// Focus's customers: companies and their contact persons, with the defaults a new one gets.

/** A new company. */
export type CompanyInput = Pick<Company, 'name'> & Partial<Omit<Company, 'id' | 'name'>>;

/** A new contact person. */
export type ContactInput = Pick<Contact, 'firstName' | 'lastName'> & Partial<Omit<Contact, 'id'>>;

/** A company as `input` describes it, with Focus's defaults for the rest (Belgian, unlinked, made by a user). */
export function newCompany(id: string, { name, ...rest }: CompanyInput): Company {
  return {
    id,
    name,
    vatNumber: rest.vatNumber ?? null,
    country: rest.country ?? 'BE',
    email: rest.email ?? null,
    externalId: rest.externalId ?? null,
    accountingId: rest.accountingId ?? null,
    accountingCode: rest.accountingCode ?? null,
    origin: rest.origin ?? 'user',
  };
}

/** A contact person as `input` describes it, with Focus's defaults for the rest (no company, unlinked, made by a user). */
export function newContact(id: string, input: ContactInput): Contact {
  return {
    id,
    companyId: input.companyId ?? null,
    firstName: input.firstName,
    lastName: input.lastName,
    email: input.email ?? null,
    externalId: input.externalId ?? null,
    accountingId: input.accountingId ?? null,
    origin: input.origin ?? 'user',
  };
}
