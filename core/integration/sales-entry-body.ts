import type { Result } from '../../primitives/index.js';
import type { ExactError } from '../exact-client/index.js';
import { bookSign, lineNetCents } from '../focus/totals.js';
import type { FocusDocument } from '../focus/state.js';
import type { IntegrationContext } from './context.js';

/** G/L account ids by code and VAT codes known in the administration, loaded at the start of a sync. */
export interface AccountingReferences {
  glAccountIds: Map<string, string>;
  vatCodes: Set<string>;
}

/** Why the references could not be loaded: which of the two, and the API's problem (`cause`). */
export interface ReferencesProblem {
  code: 'references_unreadable';
  what: 'ledger accounts' | 'VAT codes';
  cause: ExactError;
  message: string;
}

/** Loads the G/L accounts and VAT codes of the administration; a failure says which of the two could not be read. */
export async function loadReferences(ctx: IntegrationContext, division: number): Promise<Result<AccountingReferences, ReferencesProblem>> {
  const glAccounts = await ctx.exact.getAll<{ ID: string; Code: string; Type: number }>(division, 'financial/GLAccounts', {
    $select: 'ID,Code,Type',
  });
  if (!glAccounts.ok) return unreadable('ledger accounts', glAccounts.problem);
  const vatCodes = await ctx.exact.getAll<{ Code: string }>(division, 'vat/VATCodes', { $select: 'Code' });
  if (!vatCodes.ok) return unreadable('VAT codes', vatCodes.problem);
  return {
    ok: true,
    value: {
      glAccountIds: new Map(glAccounts.value.map((g) => [g.Code.trim(), g.ID])),
      vatCodes: new Set(vatCodes.value.map((v) => v.Code.trim())),
    },
  };
}

const unreadable = (what: ReferencesProblem['what'], cause: ExactError): { ok: false; problem: ReferencesProblem } => ({
  ok: false,
  problem: { code: 'references_unreadable', what, cause, message: `The ${what} could not be loaded: ${cause.message}` },
});

/** One line of a sales entry as posted. */
export interface SalesEntryLineBody {
  GLAccount: string;
  AmountFC: number;
  VATCode: string;
  Description: string;
  Quantity: number;
}

/** What keeps a document from being posted; the sync words it (one message for all unspecified ledgers). */
export type LinesProblem =
  { code: 'unspecified_ledger' } | { code: 'unknown_account'; account: string } | { code: 'unmapped_vat'; rateBp: number };

/** The first problem that keeps a document from being posted, or the line data to post. */
export type PreparedLines = Result<SalesEntryLineBody[], LinesProblem>;

/** Maps a document's lines to sales entry lines: ledger account → G/L account, VAT rate → VAT code, credit notes negative. */
export function prepareLines(
  document: FocusDocument,
  references: AccountingReferences,
  ledgerMap: Record<string, string>,
  vatMap: Record<string, string>,
): PreparedLines {
  const sign = bookSign(document);
  const lines = [];
  for (const line of document.lines) {
    if (!line.ledgerAccount) return { ok: false, problem: { code: 'unspecified_ledger' } };
    const account = ledgerMap[line.ledgerAccount] ?? line.ledgerAccount;
    const glAccount = references.glAccountIds.get(account);
    if (!glAccount) return { ok: false, problem: { code: 'unknown_account', account } };
    const vatCode = vatMap[String(line.vatRateBp)];
    if (vatCode === undefined || !references.vatCodes.has(vatCode))
      return { ok: false, problem: { code: 'unmapped_vat', rateBp: line.vatRateBp } };
    lines.push({
      GLAccount: glAccount,
      AmountFC: (sign * lineNetCents(line)) / 100,
      VATCode: vatCode,
      Description: line.description,
      Quantity: line.quantity,
    });
  }
  return { ok: true, value: lines };
}
