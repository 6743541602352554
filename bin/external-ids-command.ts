import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Argument, Command } from 'commander';
import { wholeNumber } from '../scenarios/index.js';
import {
  companiesWithoutExternalId,
  findDuplicateCompanies,
  generateExternalIds,
  importCustomers,
  planExternalIds,
  plural,
  setExternalId,
  setManuallyEditable,
  undoImport,
  type Company,
  type Focus,
  type FocusResult,
  done,
  focusProblems as problems,
  refuse,
} from '../core/index.js';
import { onAccount, toReport, withAccountOptions, type AccountCommandOptions } from './account-command.js';
import {
  assignmentLines,
  companyLines,
  duplicateLines,
  generatedLine,
  importLines,
  sharedIdLines,
  undoLines,
} from './external-ids-report.js';

const HELP = `
External IDs are how the accounting package recognises a customer in the exported file
(article 004, Invoices > Export > Bookkeeping export > Manage external IDs). Only admins see
them. Start by importing the package's customer list; a name spelt differently creates a
duplicate, which undoing the import removes. Typing an ID needs "Manually editable" on.

Subcommands that change the account need --case FILE and save the change into it (not with
--no-save); list and generate --dry-run also run on the demo account.

Examples:
  booklab external-ids list --missing                         the segment "External ID is not filled out"
  booklab external-ids import customers.csv --case ticket.json
  booklab external-ids undo import-1 --case ticket.json
  booklab external-ids editable on --case ticket.json
  booklab external-ids set "Café Het Anker" 1003 --case ticket.json
  booklab external-ids generate --start-value 1000 --dry-run  shows the IDs it would reuse

Exit codes: 0 done, 1 refused by Focus (the message says why; nothing is saved), 2 usage error.`;

type ListFlags = { missing?: boolean };
type GenerateFlags = { startValue?: number; confirmReuse?: boolean; skipTaken?: boolean; dryRun?: boolean };

/** `booklab external-ids`: the customers' external IDs of the one-way export, outside the wizard (R18–R20). */
export function externalIdsCommand(options: AccountCommandOptions): Command {
  const command = new Command('external-ids')
    .description("list, import, type and generate the customers' external IDs of the one-way export (admins only)")
    .addHelpText('after', HELP);

  withAccountOptions(command.command('list'), 'reads')
    .description('all companies with their external ID, IDs two companies share and likely duplicates (R18, R19)')
    .option('--missing', 'only the segment "External ID is not filled out" (R19)')
    .action(async (flags: ListFlags, sub: Command) =>
      onAccount(sub, options, 'reads', ({ focus, user, style }) => {
        if (!focus.user(user)?.admin) return refuse(problems.notAdmin('see external IDs'));
        const all = Object.values(focus.state.companies);
        const missing = companiesWithoutExternalId(focus);
        const { manuallyEditable, startValue } = focus.state.bookkeepingExport.externalIds;
        const head = flags.missing
          ? `Segment "External ID is not filled out": ${plural(missing.length, 'company', 'companies')}`
          : `${plural(all.length, 'company', 'companies')}, ${missing.length} without an external ID`;
        const settings = style.dim(`Manually editable: ${manuallyEditable ? 'on' : 'off'}; generated IDs start at ${startValue}`);
        const rows = companyLines(flags.missing ? missing : all);
        return done({
          lines: [head, ...rows, settings, ...sharedIdLines(focus.state, style), ...duplicateLines(findDuplicateCompanies(focus), style)],
        });
      }),
    );

  withAccountOptions(command.command('import'), 'changes')
    .description("import the package's customer list (CSV with a header row; , or ;) with their external IDs (R18)")
    .argument('<csv-file>', 'the customer list the accounting package exported')
    .action(async (file: string, _flags: unknown, sub: Command) =>
      onAccount(sub, options, 'changes', async ({ focus, user, style }) => {
        let text: string;
        try {
          text = await readFile(file, 'utf8');
        } catch (error) {
          return refuse(
            problems.invalid(
              `Cannot read ${file}: ${(error as Error).message}. Give the path of the customer list (CSV) your accounting package exported.`,
            ),
          );
        }
        const imported = importCustomers(focus, user, text, { source: basename(file) });
        if (!imported.ok) return imported;
        const created = new Set(imported.value.created.map((c) => c.companyId));
        const duplicates = findDuplicateCompanies(focus).filter((group) => group.some((c) => created.has(c.id)));
        const undo =
          created.size > 0
            ? [style.dim(`Undo it with: booklab external-ids undo ${imported.value.importId} --case ${sub.opts().case}`)]
            : [];
        return done({ lines: [...importLines(imported.value), ...duplicateLines(duplicates, style), ...undo] });
      }),
    );

  withAccountOptions(command.command('undo'), 'changes')
    .description('undo an import: remove the companies it created, and only those (R18)')
    .argument('<import-id>', 'the id the import printed, e.g. import-1')
    .action(async (importId: string, _flags: unknown, sub: Command) =>
      onAccount(sub, options, 'changes', ({ focus, user }) => toReport(undoImport(focus, user, importId), undoLines)),
    );

  withAccountOptions(command.command('editable'), 'changes')
    .description('turn "Manually editable" on or off: whether admins may type external IDs (R18)')
    .addArgument(new Argument('<on|off>', 'on: admins may type IDs with `set`; off: only import and generate').choices(['on', 'off']))
    .action(async (value: 'on' | 'off', _flags: unknown, sub: Command) =>
      onAccount(sub, options, 'changes', ({ focus, user }) =>
        toReport(setManuallyEditable(focus, user, value === 'on'), (on) => [
          on
            ? 'Manually editable: on. Admins can type external IDs with `booklab external-ids set`.'
            : 'Manually editable: off. External IDs can only be imported or generated.',
        ]),
      ),
    );

  withAccountOptions(command.command('set'), 'changes')
    .description('type a company\'s external ID, or clear it with "-" (admins, with "Manually editable" on; R18)')
    .argument('<company>', 'the company id (company-3) or its exact name')
    .argument('<external-id>', 'the new external ID, or - to clear it')
    .action(async (which: string, externalId: string, _flags: unknown, sub: Command) =>
      onAccount(sub, options, 'changes', ({ focus, user }) => {
        const company = findCompany(focus, which);
        if (!company.ok) return company;
        const before = focus.state.companies[company.value]?.externalId ?? null;
        const set = setExternalId(focus, user, company.value, externalId === '-' ? null : externalId);
        if (!set.ok && set.problem.code === 'not_found') {
          return refuse({
            ...set.problem,
            message: `No company with id or exact name "${which}". \`booklab external-ids list\` shows them.`,
          });
        }
        return toReport(set, (c) => [`${c.name} (${c.id}): external ID ${before ?? 'none'} → ${c.externalId ?? 'none'}`]);
      }),
    );

  withAccountOptions(command.command('generate'), 'changes')
    .description('give every company without an external ID the next sequential one (R20)')
    .option('--start-value <n>', 'first ID (default: the saved start value, 100000; lower only after asking your accountant)', wholeNumber)
    .option('--confirm-reuse', 'generate even when the start value hands out IDs that customers already have')
    .option('--skip-taken', 'the fix: skip numbers a customer already holds instead of reusing them')
    .option('--dry-run', 'print the IDs and the reuse warning, change nothing (runs on the demo account without --case)')
    .action(async (flags: GenerateFlags, sub: Command) =>
      onAccount(sub, options, flags.dryRun ? 'reads' : 'changes', ({ focus, user, style }) => {
        const choice = { startValue: flags.startValue, skipTaken: flags.skipTaken, confirmReuse: flags.confirmReuse };
        if (!flags.dryRun) {
          return toReport(generateExternalIds(focus, user, choice), (generated) => [
            generatedLine(generated),
            ...assignmentLines({ assignments: generated.assigned }),
            ...(generated.reused.length > 0
              ? [style.warn(`! Reused IDs that customers already had: ${generated.reused.join(', ')}. Those customers now share an ID.`)]
              : []),
          ]);
        }
        if (!focus.user(user)?.admin) return refuse(problems.notAdmin('see and generate external IDs'));
        return toReport(planExternalIds(focus, choice), (plan) => [
          `Dry run: ${plural(plan.assignments.length, 'company', 'companies')} would get an external ID from start value ${plan.startValue} (first ${plan.firstValue})`,
          ...assignmentLines(plan),
          ...(plan.reused.length > 0
            ? [
                style.warn(problems.startValueReusesIds(plan.startValue, plan.reused).message),
                'Without --confirm-reuse generating is refused; --skip-taken skips the numbers customers hold.',
              ]
            : []),
          style.dim('Nothing was changed.'),
        ]);
      }),
    );
  return command;
}

/** A company by id, or by exact name when that names exactly one; an unknown one is left to Focus to refuse. */
function findCompany(focus: Focus, which: string): FocusResult<string> {
  if (focus.state.companies[which]) return done(which);
  const named: Company[] = Object.values(focus.state.companies).filter((c) => c.name === which);
  if (named.length > 1) {
    return refuse(
      problems.invalid(
        `${named.length} companies are called "${which}" (${named.map((c) => c.id).join(', ')}): give the id of the one you mean.`,
      ),
    );
  }
  return done(named[0]?.id ?? which);
}
