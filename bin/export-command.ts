import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { createDemoExportAccount, DEFAULT_WORLD_START, EXPORTERS, ExportWizard, Focus, readCaseFile, type CaseFile, type ExportParameters } from '../core/index.js';
import { createClock } from '../mock-accounting/index.js';
import { styleFor, type Style } from '../scenarios/reporters/style.js';
import type { Output } from '../scenarios/scenarios-command.js';
import { costLine, externalIdsLine, packageLine, parametersLine, periodLine, previewLines } from './export-report.js';

/** What the `export` command needs from the program around it. */
export interface ExportCommandOptions {
  /** Raises the exit code: 1 when the export was refused or the preview showed errors. */
  setExitCode(code: number): void;
  stdout?: Output;
  env?: Record<string, string | undefined>;
}

interface ExportFlags {
  case?: string;
  from?: string;
  to?: string;
  package: string;
  out: string;
  vat: 'lines' | 'total';
  customers: boolean;
  invoiceJournal: string;
  creditNoteJournal: string;
  generateIds?: boolean;
  startValue?: number;
  confirmReuse?: boolean;
  param: Record<string, string>;
  user: string;
  save: boolean;
}

const HELP = `
The steps are those of Invoices > Export > Bookkeeping export (article 004): period, package,
manage external IDs, the cost (EUR 0.12 per invoice from the wallet, each invoice charged once),
the parameters, a preview of customers and invoices with their errors, and only without errors
the files.

Without --case the export runs on a demo account (nothing is saved). With --case, the wallet and
the external IDs are saved back into the case file, so exporting the same invoices again is free.

Examples:
  booklab export                                            the demo account, generic CSV
  booklab export --package peppol-ubl --out out/ubl          UBL 2.1 / Peppol BIS 3.0 files
  booklab export --case ticket-4711.json --from 2026-01-01 --to 2026-03-31 --generate-ids

Exit codes: 0 files written, 1 refused (wallet too low, empty period, errors in the preview), 2 usage error.`;

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('use a whole number of 1 or more.');
  return n;
}

function parameter(value: string, previous: Record<string, string>): Record<string, string> {
  const [name, ...rest] = value.split('=');
  if (!name || rest.length === 0) throw new InvalidArgumentError('write it as NAME=VALUE.');
  return { ...previous, [name]: rest.join('=') };
}

/** `booklab export`: the one-way bookkeeping export wizard on the command line (R18–R24). */
export function exportCommand({ setExitCode, stdout = process.stdout, env = process.env }: ExportCommandOptions): Command {
  return new Command('export')
    .description('export invoices to a bookkeeping package that has no two-way sync (CSV or Peppol UBL)')
    .option('--case <file>', 'a case file saved by booklab (default: a demo account)')
    .option('--from <day>', 'first day of the period, YYYY-MM-DD (default: 1 January of this year)')
    .option('--to <day>', 'last day of the period, YYYY-MM-DD (default: today)')
    .addOption(new Option('--package <id>', 'bookkeeping program (file format)').choices(EXPORTERS.map((e) => e.id)).default(EXPORTERS[0]!.id))
    .option('--out <dir>', 'directory the files are written to', 'booklab-export')
    .addOption(new Option('--vat <where>', 'VAT on lines (what Focus computes: choose this) or on total').choices(['lines', 'total']).default('lines'))
    .option('--no-customers', 'do not export the customers (only the invoice lines)')
    .option('--invoice-journal <code>', 'journal of the invoices in the package', 'V1')
    .option('--credit-note-journal <code>', 'journal of the credit notes (may equal the invoice journal)', 'V2')
    .option('--generate-ids', 'give customers without an external ID a new sequential one')
    .option('--start-value <n>', 'start value of generated external IDs (default 100000; lower only after asking your accountant)', wholeNumber)
    .option('--confirm-reuse', 'generate even when the start value would reuse external IDs customers already have')
    .option('--param <name=value>', "a package's own parameter (repeatable)", parameter, {})
    .option('--user <id>', 'the Focus user who exports (external IDs need an admin)', 'admin')
    .option('--no-save', 'with --case: leave the case file as it was')
    .addHelpText('after', HELP)
    .action(async (flags: ExportFlags) => {
      const style = styleFor(stdout, env);
      const say = (line: string) => stdout.write(`${line}\n`);
      const account = await openAccount(flags.case);
      if (!account.ok) return fail(say, style, account.message, setExitCode);
      const { focus, caseFile } = account;
      if (!caseFile) say(style.dim('Demo account: nothing is saved. Give --case FILE to export a saved case.'));
      const wizard = new ExportWizard(focus, flags.user);
      const period = { from: flags.from ?? `${focus.clock.today().slice(0, 4)}-01-01`, to: flags.to ?? focus.clock.today() };
      const chosen = wizard.choosePeriod(period);
      if (!chosen.ok) return fail(say, style, chosen.problem.message, setExitCode);
      say(periodLine(period, chosen.value));
      const exporter = wizard.choosePackage(flags.package);
      if (!exporter.ok) return fail(say, style, exporter.problem.message, setExitCode);
      say(packageLine(exporter.value));
      const ids = wizard.manageExternalIds({ generate: Boolean(flags.generateIds), startValue: flags.startValue, confirmReuse: flags.confirmReuse });
      if (!ids.ok) return fail(say, style, ids.problem.message, setExitCode);
      say(externalIdsLine(ids.value));
      const paid = wizard.pay();
      if (!paid.ok) {
        say(costLine(wizard.quote(), false));
        return fail(say, style, paid.problem.message, setExitCode);
      }
      say(costLine(paid.value, true));
      const change: Partial<ExportParameters> = {
        vat: flags.vat,
        exportCustomers: flags.customers,
        invoiceJournal: flags.invoiceJournal,
        creditNoteJournal: flags.creditNoteJournal,
        extra: flags.param,
      };
      const preview = wizard.setParameters(change);
      say(parametersLine(wizard.parameters!));
      for (const line of previewLines(preview, style)) say(line);
      const files = wizard.download();
      if (files.ok) {
        const dir = resolve(flags.out);
        await mkdir(dir, { recursive: true });
        for (const file of files.value) await writeFile(join(dir, file.name), file.content, 'utf8');
        say(`7 File          ${files.value.length} file${files.value.length === 1 ? '' : 's'} in ${dir}: ${files.value.map((f) => f.name).join(', ')}`);
      } else {
        say(style.fail(files.problem.message));
        setExitCode(1);
      }
      if (caseFile && flags.save) {
        await saveFocus(flags.case!, caseFile, focus);
        say(style.dim(`Saved the wallet and external IDs in ${flags.case}: exporting these invoices again is free.`));
      }
    });
}

type Account = { ok: true; focus: Focus; caseFile: CaseFile | null } | { ok: false; message: string };

async function openAccount(path: string | undefined): Promise<Account> {
  if (!path) return { ok: true, focus: createDemoExportAccount(createClock({ start: DEFAULT_WORLD_START, frozen: true })), caseFile: null };
  const read = await readCaseFile(path);
  if (!read.ok) return { ok: false, message: read.problem.message };
  const { snapshot } = read.value;
  const focus = new Focus(createClock({ start: new Date(snapshot.clock).toISOString(), frozen: true }), snapshot.focus);
  return { ok: true, focus, caseFile: read.value };
}

async function saveFocus(path: string, caseFile: CaseFile, focus: Focus): Promise<void> {
  const updated: CaseFile = { ...caseFile, snapshot: { ...caseFile.snapshot, focus: focus.snapshot() } };
  await writeFile(path, `${JSON.stringify(updated, null, 2)}\n`, 'utf8');
}

function fail(say: (line: string) => void, style: Style, message: string, setExitCode: (code: number) => void): void {
  say(style.fail(message));
  setExitCode(1);
}
