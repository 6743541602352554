import { Command, InvalidArgumentError } from 'commander';
import { applySuggestionsInBulk, createLedgerAccount, setAutoSuggest, setDiscountAccount, done } from '../core/index.js';
import { onAccount, toReport, withAccountOptions, type AccountCommandOptions } from './account-command.js';
import { accountLines, bulkLines, checkReport, percent } from './ledger-accounts-report.js';

const HELP = `
Every invoice line needs a ledger account of Focus's own list, and a commercial discount needs the
discount account (article 004, Settings > Revenue > Ledger accounts). Accounts can be suggested per
VAT rate and applied in bulk to the existing invoices and credit notes.

Subcommands that change the account need --case FILE and save the change into it (not with
--no-save); list and check also run on the demo account.

Examples:
  booklab ledger-accounts list
  booklab ledger-accounts create 700000 Sales of services --case ticket.json
  booklab ledger-accounts discount 708000 --case ticket.json     "-" clears it
  booklab ledger-accounts suggest 21 700000 --case ticket.json   VAT in percent: 21, 12, 5.5, 0
  booklab ledger-accounts apply --case ticket.json               lines without an account get the suggestion
  booklab ledger-accounts check --case ticket.json               what keeps booked documents out of the export

Exit codes: 0 done, 1 refused by Focus or (check) problems found, 2 usage error.`;

/** "21" or "5.5" (percent) → 2100 or 550 basis points. */
function vatPercent(value: string): number {
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(value) || Number(value) > 100)
    throw new InvalidArgumentError('give the VAT rate in percent between 0 and 100, e.g. 21 or 5.5.');
  return Math.round(Number(value) * 100);
}

/** `booklab ledger-accounts`: Focus's own ledger accounts of the one-way export, outside the wizard (R21). */
export function ledgerAccountsCommand(options: AccountCommandOptions): Command {
  const command = new Command('ledger-accounts')
    .description("list and create Focus's ledger accounts, set the discount account and the suggestions per VAT rate, apply them, check")
    .addHelpText('after', HELP);

  withAccountOptions(command.command('list'), 'reads')
    .description('the ledger accounts, the discount account and the suggestion per VAT rate')
    .action(async (_flags: unknown, sub: Command) =>
      onAccount(sub, options, 'reads', ({ focus, style }) => done({ lines: accountLines(focus, style) })),
    );

  withAccountOptions(command.command('create'), 'changes')
    .description('create a ledger account (admins only): a code of digits and a description')
    .argument('<code>', 'the account number, digits only, e.g. 700000')
    .argument('<description...>', 'what the account is for, e.g. Sales of services')
    .action(async (code: string, description: string[], _flags: unknown, sub: Command) =>
      onAccount(sub, options, 'changes', ({ focus, user }) =>
        toReport(createLedgerAccount(focus, user, { code, description: description.join(' ') }), (account) => [
          `Created ledger account ${account.code} ${account.description}.`,
        ]),
      ),
    );

  withAccountOptions(command.command('discount'), 'changes')
    .description('set the account for commercial discounts, or clear it with "-" (admins only)')
    .argument('<code>', 'an existing ledger account, or - for none')
    .action(async (code: string, _flags: unknown, sub: Command) =>
      onAccount(sub, options, 'changes', ({ focus, user }) =>
        toReport(setDiscountAccount(focus, user, code === '-' ? null : code), (set) => [
          set
            ? `Discount account: ${set}.`
            : 'Discount account: none. Invoices with a commercial discount cannot be exported until one is set.',
        ]),
      ),
    );

  withAccountOptions(command.command('suggest'), 'changes')
    .description('the account a new line at a VAT rate gets ("Auto-suggest accounts at certain VAT-tariffs"); "-" removes it')
    .argument('<vat-percent>', 'the VAT rate in percent, e.g. 21 or 5.5', vatPercent)
    .argument('<code>', 'an existing ledger account, or - for no suggestion')
    .action(async (vatRateBp: number, code: string, _flags: unknown, sub: Command) =>
      onAccount(sub, options, 'changes', ({ focus, user }) =>
        toReport(setAutoSuggest(focus, user, vatRateBp, code === '-' ? null : code), (set) => [
          set
            ? `Lines at ${percent(vatRateBp)} VAT are suggested account ${set}.`
            : `No account is suggested at ${percent(vatRateBp)} VAT any more.`,
        ]),
      ),
    );

  withAccountOptions(command.command('apply'), 'changes')
    .description('set the suggested accounts on the lines of all existing invoices and credit notes (admins only)')
    .option('--overwrite', 'also replace accounts that lines already have')
    .action(async (flags: { overwrite?: boolean }, sub: Command) =>
      onAccount(sub, options, 'changes', ({ focus, user }) =>
        toReport(applySuggestionsInBulk(focus, user, { overwrite: Boolean(flags.overwrite) }), (result) => bulkLines(result, focus.state)),
      ),
    );

  withAccountOptions(command.command('check'), 'reads')
    .description('the ledger-account problems of every booked document, as the export preview shows them; exit 1 when there are any')
    .action(async (_flags: unknown, sub: Command) =>
      onAccount(sub, options, 'reads', ({ focus, style }) => done(checkReport(focus.state, style))),
    );
  return command;
}
