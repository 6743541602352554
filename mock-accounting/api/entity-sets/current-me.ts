import type { User } from '../../store/index.js';
import { defineEntitySet, field } from '../entity-set.js';

/** The first name, the initials and the last name of a full name written "First Last". */
function nameParts(fullName: string) {
  const [first = '', ...rest] = fullName.trim().split(/\s+/);
  const initials = [first, ...rest]
    .filter(Boolean)
    .slice(0, -1)
    .map((part) => `${part[0]!.toUpperCase()}.`)
    .join('');
  return { first: first || null, last: rest.length ? rest.join(' ') : null, initials: initials || null };
}

/**
 * current/Me: the signed-in user with the current division; a collection holding one item. It has every
 * property of Exact's reference (SystemSystemMe, exact-api.md §1), filled from the user and its division; what
 * the mock does not know (phone, picture, legislation, the division's owner account) is null, never missing.
 */
export const currentMe = defineEntitySet<User>({
  path: 'current/Me',
  typeName: 'Me',
  key: 'UserID',
  fields: {
    UserID: field('Guid', 'r'),
    AccountingDivision: field('Int32', 'r'),
    CurrentDivision: field('Int32', 'r'),
    CustomerCode: field('String', 'r'),
    DivisionCustomer: field('Guid', 'r'),
    DivisionCustomerCode: field('String', 'r'),
    DivisionCustomerName: field('String', 'r'),
    DivisionCustomerSiretNumber: field('String', 'r'),
    DivisionCustomerVatNumber: field('String', 'r'),
    DossierDivision: field('Int32', 'r'),
    Email: field('String', 'r'),
    EmployeeID: field('Guid', 'r'),
    FirstName: field('String', 'r'),
    FullName: field('String', 'r'),
    Gender: field('String', 'r'),
    Initials: field('String', 'r'),
    IsClientUser: field('Boolean', 'r'),
    IsEmployeeSelfServiceUser: field('Boolean', 'r'),
    IsMyFirmLiteUser: field('Boolean', 'r'),
    IsMyFirmPortalUser: field('Boolean', 'r'),
    IsOEIMigrationMandatory: field('Boolean', 'r'),
    IsStarterUser: field('Boolean', 'r'),
    Language: field('String', 'r'),
    LanguageCode: field('String', 'r'),
    LastName: field('String', 'r'),
    Legislation: field('Int64', 'r'),
    MiddleName: field('String', 'r'),
    Mobile: field('String', 'r'),
    Nationality: field('String', 'r'),
    PackageCode: field('String', 'r'),
    Phone: field('String', 'r'),
    PhoneExtension: field('String', 'r'),
    PictureUrl: field('String', 'r'),
    ServerTime: field('String', 'r'),
    ServerUtcOffset: field('Double', 'r'),
    // Edm.Binary in Exact's reference, which says it never has a value; always null here.
    ThumbnailPicture: field('String', 'r'),
    ThumbnailPictureFormat: field('String', 'r'),
    Title: field('String', 'r'),
    UserName: field('String', 'r'),
  },
  list: (ctx) => [ctx.user],
  get: (ctx, key) => (key === ctx.user.id ? ctx.user : undefined),
  toRow(u, ctx) {
    const name = nameParts(u.fullName);
    const division = ctx.ledger.store.state.divisions[String(u.currentDivision)];
    return {
      UserID: u.id,
      // The division the user's own administration lives in: the first the user was given.
      AccountingDivision: u.divisions[0] ?? u.currentDivision,
      CurrentDivision: u.currentDivision,
      DivisionCustomerName: division?.description ?? null,
      Email: u.email,
      FirstName: name.first,
      FullName: u.fullName,
      Gender: 'O',
      Initials: name.initials,
      IsClientUser: false,
      IsEmployeeSelfServiceUser: false,
      IsMyFirmLiteUser: false,
      IsMyFirmPortalUser: false,
      IsOEIMigrationMandatory: false,
      IsStarterUser: false,
      Language: u.languageCode.slice(0, 2).toUpperCase() || null,
      LanguageCode: u.languageCode,
      LastName: name.last,
      ServerTime: new Date(ctx.ledger.clock.now()).toISOString(),
      ServerUtcOffset: 0,
      UserName: u.userName,
    };
  },
});
