import type { ExactError } from '../exact-client/index.js';
import { bookSign, lineNetCents } from '../focus/totals.js';
import type { FocusDocument } from '../focus/state.js';
import type { IntegrationContext } from './context.js';

/** G/L account ids by code and VAT codes known in the administration, loaded at the start of a sync. */
export interface AccountingReferences {
  glAccountIds: Map<string, string>;
  vatCodes: Set<string>;
}

/** Loads the G/L accounts and VAT codes of the administration; a failure says which of the two could not be read. */
export async function loadReferences(
  ctx: IntegrationContext,
  division: number,
): Promise<{ ok: true; value: AccountingReferences } | { ok: false; what: string; error: ExactError }> {
  const glAccounts = await ctx.exact.getAll<{ ID: string; Code: string; Type: number }>(division, 'financial/GLAccounts', {
    $select: 'ID,Code,Type',
  });
  if (!glAccounts.ok) return { ok: false, what: 'ledger accounts', error: glAccounts.error };
  const vatCodes = await ctx.exact.getAll<{ Code: string }>(division, 'vat/VATCodes', { $select: 'Code' });
  if (!vatCodes.ok) return { ok: false, what: 'VAT codes', error: vatCodes.error };
  return {
    ok: true,
    value: {
      glAccountIds: new Map(glAccounts.value.map((g) => [g.Code.trim(), g.ID])),
      vatCodes: new Set(vatCodes.value.map((v) => v.Code.trim())),
    },
  };
}

/** The first problem that keeps a document from being posted, or the line data to post. */
export type PreparedLines =
  | { ok: true; lines: Array<{ GLAccount: string; AmountFC: number; VATCode: string; Description: string; Quantity: number }> }
  | {
      ok: false;
      reason: { code: 'unspecified_ledger' } | { code: 'unknown_account'; account: string } | { code: 'unmapped_vat'; rateBp: number };
    };

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
    if (!line.ledgerAccount) return { ok: false, reason: { code: 'unspecified_ledger' } };
    const account = ledgerMap[line.ledgerAccount] ?? line.ledgerAccount;
    const glAccount = references.glAccountIds.get(account);
    if (!glAccount) return { ok: false, reason: { code: 'unknown_account', account } };
    const vatCode = vatMap[String(line.vatRateBp)];
    if (vatCode === undefined || !references.vatCodes.has(vatCode))
      return { ok: false, reason: { code: 'unmapped_vat', rateBp: line.vatRateBp } };
    lines.push({
      GLAccount: glAccount,
      AmountFC: (sign * lineNetCents(line)) / 100,
      VATCode: vatCode,
      Description: line.description,
      Quantity: line.quantity,
    });
  }
  return { ok: true, lines };
}
