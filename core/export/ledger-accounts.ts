import type { Focus } from '../focus/focus.js';
import type { LedgerAccount } from '../focus/export-state.js';
import { suggestedAccount } from '../focus/lines.js';
import { done, problems, refuse, type FocusResult } from '../focus/problems.js';
import { kindWord } from '../messages/document-kinds.js';
import type { FocusDocument, FocusState } from '../focus/state.js';

// Every invoice line needs a ledger account of Focus's own list, and a commercial discount needs the discount
// account (R21). Settings > Revenue > Ledger accounts holds the list, the discount account and the suggestions.

/** What applying the suggestions in bulk changed. */
export interface BulkResult {
  lines: number;
  documents: number;
  documentIds: string[];
}

/** Creates a ledger account (admins only): a code of digits, unique in the list (R21). */
export function createLedgerAccount(focus: Focus, userId: string, { code, description }: LedgerAccount): FocusResult<LedgerAccount> {
  if (!focus.user(userId)?.admin) return refuse(problems.notAdmin('change the ledger accounts'));
  const trimmed = code.trim();
  if (!/^\d{1,10}$/.test(trimmed))
    return refuse(problems.invalid(`Ledger account "${code}" is not valid: use digits only (at most 10), e.g. 700000.`));
  if (!description.trim()) return refuse(problems.invalid(`Ledger account ${trimmed} needs a description, e.g. "Sales of services".`));
  const { accounts } = focus.state.bookkeepingExport.ledger;
  if (accounts[trimmed]) return refuse(problems.duplicateLedgerAccount(trimmed));
  const account = { code: trimmed, description: description.trim() };
  focus.bookkeepingExport.addLedgerAccount(account);
  return done(account);
}

/** The ledger accounts, in code order. */
export function listLedgerAccounts(focus: Focus): LedgerAccount[] {
  return Object.values(focus.state.bookkeepingExport.ledger.accounts).sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
}

/** Sets the account for commercial discounts, or clears it with null (admins only, R21). */
export function setDiscountAccount(focus: Focus, userId: string, code: string | null): FocusResult<string | null> {
  if (!focus.user(userId)?.admin) return refuse(problems.notAdmin('change the ledger accounts'));
  const { ledger } = focus.state.bookkeepingExport;
  if (code !== null && !ledger.accounts[code]) return refuse(problems.unknownLedgerAccount(code));
  focus.bookkeepingExport.setDiscountAccount(code);
  return done(code);
}

/** "Auto-suggest accounts at certain VAT-tariffs": the account a new line at this VAT rate gets; null removes it (admins only, R21). */
export function setAutoSuggest(focus: Focus, userId: string, vatRateBp: number, code: string | null): FocusResult<string | null> {
  if (!focus.user(userId)?.admin) return refuse(problems.notAdmin('change the ledger accounts'));
  if (!Number.isInteger(vatRateBp) || vatRateBp < 0 || vatRateBp > 10_000) {
    return refuse(problems.invalid(`VAT rate ${vatRateBp} is not valid: give it in basis points between 0 and 10000 (2100 = 21 %).`));
  }
  const { ledger } = focus.state.bookkeepingExport;
  if (code !== null && !ledger.accounts[code]) return refuse(problems.unknownLedgerAccount(code));
  focus.bookkeepingExport.setAutoSuggest(vatRateBp, code);
  return done(code);
}

/** The account suggested for a line at this VAT rate, if one is set (R21). */
export function suggestLedgerAccount(state: FocusState, vatRateBp: number): string | null {
  return suggestedAccount(state.bookkeepingExport.ledger.autoSuggest, vatRateBp);
}

/**
 * Sets the suggested accounts on the lines of every existing invoice and credit note (admins only, R21): only
 * lines without an account, or every line with `overwrite`. A changed document is edited as any edit is, so a
 * synced one is marked `editedAfterSync` (R11). Lines at a VAT rate without suggestion stay as they are.
 */
export function applySuggestionsInBulk(
  focus: Focus,
  userId: string,
  { overwrite = false }: { overwrite?: boolean } = {},
): FocusResult<BulkResult> {
  if (!focus.user(userId)?.admin) return refuse(problems.notAdmin('change the ledger accounts of existing invoices'));
  if (Object.keys(focus.state.bookkeepingExport.ledger.autoSuggest).length === 0) {
    return refuse(
      problems.invalid('No account is suggested for any VAT rate yet: set "Auto-suggest accounts at certain VAT-tariffs" first.'),
    );
  }
  const result: BulkResult = { lines: 0, documents: 0, documentIds: [] };
  for (const document of Object.values(focus.state.documents)) {
    let changed = 0;
    const lines = document.lines.map((line) => {
      const suggested = suggestLedgerAccount(focus.state, line.vatRateBp);
      if (!suggested || line.ledgerAccount === suggested || (line.ledgerAccount !== null && !overwrite)) return line;
      changed++;
      return { ...line, ledgerAccount: suggested };
    });
    if (changed === 0) continue;
    const edited = focus.editLines(document.id, lines);
    // The document was just read from the state and has lines, so the edit cannot be refused.
    if (!edited.ok) throw new Error(`[booklab] ${edited.problem.message}`);
    result.lines += changed;
    result.documents++;
    result.documentIds.push(document.id);
  }
  return done(result);
}

/**
 * What keeps one document out of the export (R21), as the preview shows it: lines without a ledger account,
 * accounts that are not in the list, and a commercial discount while no discount account is set.
 */
export function ledgerProblems(state: FocusState, document: FocusDocument): string[] {
  const { accounts, discountAccount } = state.bookkeepingExport.ledger;
  const name = `${kindWord(document.kind)} ${document.number ?? document.id}`;
  const errors: string[] = [];
  const unspecified = lineNumbers(document, (line) => line.ledgerAccount === null);
  if (unspecified.length > 0) {
    errors.push(
      `Unspecified ledger account on ${linesWord(unspecified)} of ${name}: open it, use the pencil next to 'content' and set the accounts, or apply the auto-suggested accounts in bulk.`,
    );
  }
  const unknown = [...new Set(document.lines.map((line) => line.ledgerAccount).filter((code) => code !== null && !accounts[code]))];
  for (const code of unknown) {
    const lines = lineNumbers(document, (line) => line.ledgerAccount === code);
    errors.push(
      `Ledger account ${code} on ${linesWord(lines)} of ${name} does not exist: create it under Settings > Revenue > Ledger accounts, or pick another account.`,
    );
  }
  const discounted = lineNumbers(document, (line) => line.discountBp > 0);
  if (discounted.length > 0 && discountAccount === null) {
    errors.push(
      `Missing ledger account for commercial discounts: ${linesWord(discounted)} of ${name} ${discounted.length === 1 ? 'has' : 'have'} a discount. Set a discount account under Settings > Revenue > Ledger accounts.`,
    );
  } else if (discounted.length > 0 && discountAccount !== null && !accounts[discountAccount]) {
    errors.push(
      `The discount account ${discountAccount} does not exist: create it under Settings > Revenue > Ledger accounts, or pick another discount account.`,
    );
  }
  return errors;
}

/** "line 2" or "lines 1, 3". */
function linesWord(numbers: number[]): string {
  return `line${numbers.length === 1 ? '' : 's'} ${numbers.join(', ')}`;
}

/** The 1-based numbers of the lines that match. */
function lineNumbers(document: FocusDocument, test: (line: FocusDocument['lines'][number]) => boolean): number[] {
  return document.lines.flatMap((line, index) => (test(line) ? [index + 1] : []));
}
