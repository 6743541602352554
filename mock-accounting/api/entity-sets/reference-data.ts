import type { Division, FinancialPeriod, GLAccount, Journal, VATCode } from '../../store/index.js';
import { toEpochMs } from '../../../primitives/index.js';
import { flavourOf, octopusTypeOf } from '../../domain/flavours.js';
import { defineEntitySet, field } from '../entity-set.js';

// The read-only master data a client reads before booking: divisions, journals, G/L accounts, VAT codes, periods.

const divisionFields = {
  Code: field('Int32', 'r'),
  Description: field('String', 'r'),
  Hid: field('Int64', 'r'),
  Current: field('Boolean', 'r'),
  Status: field('Int16', 'r'),
  DivisionMoveDate: field('DateTime', 'r'),
  Country: field('String', 'r'),
  Currency: field('String', 'r'),
  Created: field('DateTime', 'r'),
};

function divisionSet(path: string, typeName: string) {
  return defineEntitySet<Division>({
    path,
    typeName,
    key: 'Code',
    fields: divisionFields,
    list: (ctx) => ctx.user.divisions.map((code) => ctx.ledger.store.state.divisions[String(code)]).filter((d): d is Division => !!d),
    get: (ctx, key) => (ctx.user.divisions.includes(Number(key)) ? ctx.ledger.store.state.divisions[String(key)] : undefined),
    toRow: (d, ctx) => ({
      Code: d.code,
      Description: d.description,
      Hid: Number(d.hid),
      Current: d.code === ctx.user.currentDivision,
      Status: d.status,
      DivisionMoveDate: null,
      Country: 'BE',
      Currency: 'EUR',
      Created: d.created,
    }),
  });
}

/** system/Divisions: the divisions the user can open. */
export const systemDivisions = divisionSet('system/Divisions', 'SystemDivision');

/** hrm/Divisions: the same list, as osso reads it. */
export const hrmDivisions = divisionSet('hrm/Divisions', 'Division');

/**
 * financial/Journals. The API has no next-booking-number field (it lives in the back office, R8).
 * `TypeDescription` names the type as Octopus does ('Sales bookings'); Exact's API has no such field, so it is null there.
 */
export const journals = defineEntitySet<Journal>({
  path: 'financial/Journals',
  typeName: 'Journal',
  key: 'ID',
  fields: {
    ID: field('Guid', 'r'),
    Code: field('String', 'r'),
    Description: field('String', 'r'),
    Type: field('Int32', 'r'),
    TypeDescription: field('String', 'r'),
    Currency: field('String', 'r'),
    AllowVAT: field('Boolean', 'r'),
    IsBlocked: field('Boolean', 'r'),
    GLAccount: field('Guid', 'r'),
    Division: field('Int32', 'r'),
  },
  list: (ctx) => ctx.ledger.divisions.of('journals', ctx.division),
  get: (ctx, key) => inDivision(ctx.ledger.store.state.journals[String(key)], ctx.division),
  toRow: (j, ctx) => ({
    ID: j.id,
    Code: j.code,
    Description: j.description,
    Type: j.type,
    TypeDescription: flavourOf(ctx.ledger.store.state, j.division) === 'octopus' ? octopusTypeOf(j) : null,
    Currency: 'EUR',
    AllowVAT: true,
    IsBlocked: j.isBlocked,
    GLAccount: j.glAccountId,
    Division: j.division,
  }),
});

/** financial/GLAccounts. */
export const glAccounts = defineEntitySet<GLAccount>({
  path: 'financial/GLAccounts',
  typeName: 'GLAccount',
  key: 'ID',
  fields: {
    ID: field('Guid', 'r'),
    Code: field('String', 'r'),
    Description: field('String', 'r'),
    Type: field('Int32', 'r'),
    BalanceType: field('String', 'r'),
    VATCode: field('String', 'r'),
    IsBlocked: field('Boolean', 'r'),
    Division: field('Int32', 'r'),
  },
  list: (ctx) => ctx.ledger.divisions.of('glAccounts', ctx.division),
  get: (ctx, key) => inDivision(ctx.ledger.store.state.glAccounts[String(key)], ctx.division),
  toRow: (g) => ({
    ID: g.id,
    Code: g.code,
    Description: g.description,
    Type: g.type,
    BalanceType: g.balanceType,
    VATCode: g.vatCode,
    IsBlocked: g.isBlocked,
    Division: g.division,
  }),
});

/** vat/VATCodes. Percentage is a fraction (0.21). */
export const vatCodes = defineEntitySet<VATCode>({
  path: 'vat/VATCodes',
  typeName: 'VATCode',
  key: 'ID',
  fields: {
    ID: field('Guid', 'r'),
    Code: field('String', 'r'),
    Description: field('String', 'r'),
    Percentage: field('Double', 'r'),
    Type: field('String', 'r'),
    VATTransactionType: field('String', 'r'),
    Division: field('Int32', 'r'),
  },
  list: (ctx) => ctx.ledger.divisions.of('vatCodes', ctx.division),
  get: (ctx, key) => inDivision(ctx.ledger.store.state.vatCodes[String(key)], ctx.division),
  toRow: (v) => ({
    ID: v.id,
    Code: v.code,
    Description: v.description,
    Percentage: v.rateBp / 10_000,
    Type: v.type,
    VATTransactionType: v.vatTransactionType,
    Division: v.division,
  }),
});

/** financial/FinancialPeriods: the period-date table. */
export const financialPeriods = defineEntitySet<FinancialPeriod>({
  path: 'financial/FinancialPeriods',
  typeName: 'FinancialPeriod',
  key: 'ID',
  fields: {
    ID: field('Guid', 'r'),
    FinYear: field('Int16', 'r'),
    FinPeriod: field('Int16', 'r'),
    StartDate: field('DateTime', 'r'),
    EndDate: field('DateTime', 'r'),
    Division: field('Int32', 'r'),
  },
  list: (ctx) => ctx.ledger.divisions.of('periods', ctx.division),
  get: (ctx, key) => inDivision(ctx.ledger.store.state.periods[String(key)], ctx.division),
  toRow: (p) => ({
    ID: p.id,
    FinYear: p.finYear,
    FinPeriod: p.finPeriod,
    StartDate: toEpochMs(p.startDate),
    EndDate: toEpochMs(p.endDate),
    Division: p.division,
  }),
});

/** An entity when it belongs to the division, else undefined (another division's key reads as not found). */
export function inDivision<E extends { division: number }>(entity: E | undefined, division: number): E | undefined {
  return entity?.division === division ? entity : undefined;
}
