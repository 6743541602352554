import type { Account } from '../../store/index.js';
import { createAccount, deleteAccount, padAccountCode, updateAccount, type AccountInput } from '../../domain/accounts.js';
import { defineEntitySet, field, readOnlyFields, type Body } from '../entity-set.js';
import type { RequestContext } from '../context.js';
import { inDivision } from './reference-data.js';

/** The fields Exact's "mandatory filtering" on crm/Accounts accepts (the list in its error message). */
export const ACCOUNT_MANDATORY_FILTER_FIELDS = ['Accountant', 'Code', 'ID', 'Name', 'VATNumber'] as const;

const accountFields = {
  ID: field('Guid', 'r'),
  Code: field('String'),
  Name: field('String'),
  Status: field('String'),
  IsSales: field('Boolean', 'c'),
  IsSupplier: field('Boolean'),
  VATNumber: field('String'),
  ChamberOfCommerce: field('String'),
  Email: field('String'),
  Country: field('String'),
  Blocked: field('Boolean'),
  SearchCode: field('String'),
  Accountant: field('Guid', 'r'),
  Created: field('DateTime', 'c'),
  Modified: field('DateTime', 'c'),
  Division: field('Int32', 'r'),
};

function accountRow(a: Account) {
  return {
    ID: a.id,
    Code: padAccountCode(a.code),
    Name: a.name,
    Status: a.status,
    IsSales: a.status === 'C',
    IsSupplier: a.isSupplier,
    VATNumber: a.vatNumber,
    ChamberOfCommerce: a.chamberOfCommerce,
    Email: a.email,
    Country: a.country,
    Blocked: a.blocked,
    SearchCode: a.searchCode,
    Accountant: null,
    Created: a.created,
    Modified: a.modified,
    Division: a.division,
  };
}

function accountInput(body: Body): AccountInput | string {
  const status = body.Status;
  if (status !== undefined && status !== null && !['A', 'S', 'P', 'C'].includes(String(status))) {
    return `Invalid: Status. Use A (none), S (suspect), P (prospect) or C (customer).`;
  }
  return {
    code: body.Code === null ? undefined : (body.Code as string | undefined),
    name: body.Name as string | undefined,
    status: (status ?? undefined) as AccountInput['status'],
    isSupplier: (body.IsSupplier ?? undefined) as boolean | undefined,
    vatNumber: body.VATNumber as string | null | undefined,
    chamberOfCommerce: body.ChamberOfCommerce as string | null | undefined,
    email: body.Email as string | null | undefined,
    country: body.Country as string | null | undefined,
    blocked: (body.Blocked ?? undefined) as boolean | undefined,
    searchCode: body.SearchCode as string | null | undefined,
  };
}

/** crm/Accounts: relations. Code is right-aligned in 18 characters; a missing code becomes highest + 1. */
export const accounts = defineEntitySet<Account>({
  path: 'crm/Accounts',
  typeName: 'Account',
  key: 'ID',
  fields: accountFields,
  mandatoryFilter: (ctx: RequestContext) => (ctx.mandatoryAccountFilter ? ACCOUNT_MANDATORY_FILTER_FIELDS : undefined),
  list: (ctx) => ctx.ledger.divisions.of('accounts', ctx.division),
  get: (ctx, key) => inDivision(ctx.ledger.store.state.accounts[String(key)], ctx.division),
  toRow: accountRow,
  create(ctx, body) {
    const input = accountInput(body);
    if (typeof input === 'string') return Promise.resolve({ ok: false, problem: { code: 'bad_request', message: input } });
    return ctx.ledger.store.attempt((tx) => createAccount(tx, ctx.ledger, ctx.division, input));
  },
  update(ctx, account, body) {
    const input = accountInput(body);
    if (typeof input === 'string') return Promise.resolve({ ok: false, problem: { code: 'bad_request', message: input } });
    return ctx.ledger.store.attempt((tx) => updateAccount(tx, ctx.ledger, account, input));
  },
  remove: (ctx, account) => ctx.ledger.store.attempt((tx) => deleteAccount(tx, ctx.ledger, account, ctx.user.id)),
});

/** sync/CRM/Accounts: accounts keyed by their row version, for incremental reads (`Timestamp gt N`). */
export const syncAccounts = defineEntitySet<Account>({
  path: 'sync/CRM/Accounts',
  typeName: 'SyncCRMAccount',
  key: 'Timestamp',
  pageSize: 1000,
  filterable: ['Timestamp'],
  fields: { Timestamp: field('Int64', 'r'), ...readOnlyFields(accountFields) },
  list: (ctx) => ctx.ledger.divisions.of('accounts', ctx.division),
  get: (ctx, key) => ctx.ledger.divisions.of('accounts', ctx.division).find((a) => a.timestamp === key),
  toRow: (a) => ({ Timestamp: a.timestamp, ...accountRow(a) }),
});
