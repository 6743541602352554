import type { Account, Transaction } from '../store/index.js';
import { definedOnly } from './defined-only.js';
import { nextGuid } from './ids.js';
import { recordDeletion } from './deleted-records.js';
import type { Ledger } from './ledger.js';
import { fail, ok, type Result } from './result.js';

/** The writable fields of a relation (crm/Accounts). */
export interface AccountInput {
  code?: string;
  name?: string;
  status?: Account['status'];
  isSupplier?: boolean;
  vatNumber?: string | null;
  chamberOfCommerce?: string | null;
  email?: string | null;
  country?: string | null;
  blocked?: boolean;
  searchCode?: string | null;
}

/** Pads a relation code the way Exact stores it: right-aligned in 18 characters. */
export function padAccountCode(code: string): string {
  return code.trim().padStart(18, ' ');
}

/** The code a new relation gets when none is given: the highest numeric code + 1. */
export function nextAccountCode(ledger: Ledger, division: number): string {
  let highest = 0;
  for (const account of Object.values(ledger.store.state.accounts)) {
    if (account.division !== division || !/^\d+$/.test(account.code)) continue;
    highest = Math.max(highest, Number(account.code));
  }
  return String(highest + 1);
}

/** Creates a relation; a missing code becomes highest + 1, a taken code is refused ("Already exists: Code"). */
export function createAccount(tx: Transaction, ledger: Ledger, division: number, input: AccountInput): Result<Account> {
  if (!input.name?.trim()) return fail({ code: 'mandatory', fields: ['name'] });
  const code = input.code?.trim() || nextAccountCode(ledger, division);
  const tooLong = codeTooLong(code);
  if (tooLong) return tooLong;
  if (codeTaken(tx, division, code)) return fail({ code: 'code_in_use', accountCode: code });
  const now = ledger.clock.now();
  const account: Account = {
    id: nextGuid(tx),
    division,
    code,
    name: input.name.trim(),
    status: input.status ?? 'C',
    isSupplier: input.isSupplier ?? false,
    vatNumber: input.vatNumber ?? null,
    chamberOfCommerce: input.chamberOfCommerce ?? null,
    email: input.email ?? null,
    country: input.country ?? null,
    blocked: input.blocked ?? false,
    searchCode: input.searchCode ?? null,
    created: now,
    modified: now,
    timestamp: tx.next('rowVersion'),
  };
  tx.put('accounts', account.id, account);
  return ok(account);
}

/** Changes a relation's fields; a new code must be free, non-empty and at most 18 characters (as on create). */
export function updateAccount(tx: Transaction, ledger: Ledger, account: Account, input: AccountInput): Result<Account> {
  const code = input.code?.trim();
  if (code === '') return fail({ code: 'mandatory', fields: ['code'] });
  const tooLong = codeTooLong(code);
  if (tooLong) return tooLong;
  if (code !== undefined && code !== account.code && codeTaken(tx, account.division, code)) {
    return fail({ code: 'code_in_use', accountCode: code });
  }
  if (input.name !== undefined && !input.name.trim()) return fail({ code: 'mandatory', fields: ['name'] });
  const updated: Account = {
    ...account,
    ...definedOnly(input),
    code: code ?? account.code,
    modified: ledger.clock.now(),
    timestamp: tx.next('rowVersion'),
  };
  tx.put('accounts', account.id, updated);
  return ok(updated);
}

/** Deletes a relation that has no bookings; records it in sync/Deleted (EntityType 2). */
export function deleteAccount(tx: Transaction, ledger: Ledger, account: Account, deletedBy: string): Result<Account> {
  if (Object.values(tx.state.salesEntries).some((e) => e.customerId === account.id)) {
    return fail({ code: 'account_in_use', accountCode: account.code });
  }
  tx.remove('accounts', account.id);
  recordDeletion(tx, ledger, { division: account.division, entityKey: account.id, entityType: 2, deletedBy });
  return ok(account);
}

/** Refuses a relation code longer than the 18 characters Exact stores (none given is not too long). */
function codeTooLong(code: string | undefined) {
  return code !== undefined && code.length > 18
    ? fail({ code: 'bad_request', message: `The code '${code}' is longer than 18 characters.` })
    : undefined;
}

function codeTaken(tx: Transaction, division: number, code: string): boolean {
  return Object.values(tx.state.accounts).some((a) => a.division === division && a.code === code);
}
