import { documentName, ledgerProblems, listLedgerAccounts, type BulkResult, type Focus, type FocusState } from '../core/index.js';
import type { Style } from '../scenarios/index.js';
import type { Report } from './account-command.js';

// The lines `booklab ledger-accounts` prints (R21): the list with its settings, bulk changes and the problems.

/** "21 %", "5.5 %" for a VAT rate in basis points. */
export function percent(vatRateBp: number): string {
  return `${vatRateBp / 100} %`;
}

/** The accounts in code order, each with what it is used for, then the discount account and the suggestions. */
export function accountLines(focus: Focus, style: Style): string[] {
  const { accounts, discountAccount, autoSuggest } = focus.state.bookkeepingExport.ledger;
  const list = listLedgerAccounts(focus);
  const suggestions = Object.entries(autoSuggest)
    .map(([rate, code]) => ({ rate: Number(rate), code }))
    .sort((a, b) => a.rate - b.rate);
  if (list.length === 0)
    return ['No ledger accounts yet: create one with `booklab ledger-accounts create 700000 Sales of services --case FILE`.'];
  const codeWidth = Math.max(...list.map((a) => a.code.length));
  const width = Math.max(...list.map((a) => a.description.length));
  const rows = list.map((account) => {
    const uses = [
      ...(account.code === discountAccount ? ['discount account'] : []),
      ...(suggestions.some((s) => s.code === account.code)
        ? [
            `suggested at ${suggestions
              .filter((s) => s.code === account.code)
              .map((s) => percent(s.rate))
              .join(', ')}`,
          ]
        : []),
    ];
    return `  ${account.code.padEnd(codeWidth)}  ${account.description.padEnd(width)}  ${style.dim(uses.join('; '))}`.trimEnd();
  });
  const discount = discountAccount
    ? `Discount account: ${discountAccount}${accounts[discountAccount] ? '' : ' (does not exist: set another one)'}`
    : 'Discount account: none (needed as soon as a line has a commercial discount)';
  const suggest =
    suggestions.length > 0 ? `Auto-suggest: ${suggestions.map((s) => `${percent(s.rate)} → ${s.code}`).join(', ')}` : 'Auto-suggest: none';
  return [`${list.length} ledger account${list.length === 1 ? '' : 's'}`, ...rows, discount, suggest];
}

/** What applying the suggestions in bulk changed. */
export function bulkLines(result: BulkResult, state: FocusState): string[] {
  if (result.lines === 0)
    return ['No line changed: every line at a suggested VAT rate already has an account (use --overwrite to replace them).'];
  const names = result.documentIds.map((id) => documentName(state.documents[id]!));
  return [
    `Applied the suggested accounts to ${result.lines} line${result.lines === 1 ? '' : 's'} on ${result.documents} document${result.documents === 1 ? '' : 's'}: ${names.join(', ')}`,
  ];
}

/** The ledger-account problems of every booked document (what keeps it out of the export); exit 1 when there are any. */
export function checkReport(state: FocusState, style: Style): Report {
  const booked = Object.values(state.documents).filter((d) => d.status === 'booked');
  const withProblems = booked.map((document) => ({ document, errors: ledgerProblems(state, document) })).filter((d) => d.errors.length > 0);
  if (withProblems.length === 0) {
    return {
      lines: [
        style.pass(
          `✓ ${booked.length} booked document${booked.length === 1 ? '' : 's'}: every line has an existing ledger account, and discounts have one too.`,
        ),
      ],
    };
  }
  const lines = withProblems.flatMap(({ document, errors }) => [
    style.fail(`✗ ${documentName(document)}  ${state.companies[document.companyId]?.name ?? document.companyId}`),
    ...errors.map((error) => `    ${error}`),
  ]);
  const summary = `${withProblems.length} of ${booked.length} booked documents have ledger-account problems: the export preview shows them as errors until they are fixed.`;
  return { lines: [...lines, summary], exitCode: 1 };
}
