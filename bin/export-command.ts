import { resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { defaultExportPeriod, DEMOS, EXPORTERS, ExportWizard, writeExportFiles, type ExportParameters } from '../core/index.js';
import { wholeNumber, styleFor, type Style, type Output } from '../scenarios/index.js';
import { costLine, externalIdsLine, packageLine, parametersLine, periodLine, previewLines } from './export-report.js';
import { openAccount, saveFocus } from './focus-account.js';

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
  flagSharedIds?: boolean;
  force?: boolean;
  param: Record<string, string>;
  user: string;
  save: boolean;
}

const HELP = `
The steps are those of Invoices > Export > Bookkeeping export (article 004): period, package,
manage external IDs, the cost (EUR 0.12 per invoice or credit note from the wallet, each charged once),
the parameters, a preview of customers and invoices with their errors, and only without errors
the files.

Without --case the export runs on the demo export account of article 004, not the dashboard's
demo world (nothing is saved). With --case, the wallet and
the external IDs are saved back into the case file, so exporting the same invoices again is free.

Examples:
  booklab export                                            the demo account, generic CSV
  booklab export --package peppol-ubl --out out/ubl          UBL 2.1 / Peppol BIS 3.0 files
  booklab export --case ticket-4711.json --from 2026-01-01 --to 2026-03-31 --generate-ids

Exit codes: 0 files written, 1 refused (wallet too low, empty period, errors in the preview), 2 usage error.`;

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
    .option('--to <day>', "last day of the period, YYYY-MM-DD (default: today on the case's clock; the demo's is 2026-03-02)")
    .addOption(
      new Option('--package <id>', 'bookkeeping program (file format)').choices(EXPORTERS.map((e) => e.id)).default(EXPORTERS[0]!.id),
    )
    .option('--out <dir>', 'an empty or new directory the files are written to', 'booklab-export')
    .option('--force', 'write into a directory that already holds files (same names are replaced, the others stay)')
    .addOption(
      new Option('--vat <where>', 'VAT on lines (what Focus computes: choose this) or on total')
        .choices(['lines', 'total'])
        .default('lines'),
    )
    .option('--no-customers', 'do not export the customers (only the invoice lines)')
    .option('--invoice-journal <code>', 'journal of the invoices in the package', 'V1')
    .option('--credit-note-journal <code>', 'journal of the credit notes (may equal the invoice journal)', 'V2')
    .option('--generate-ids', 'give customers without an external ID a new sequential one')
    .option(
      '--start-value <n>',
      'start value of generated external IDs (default 100000; lower only after asking your accountant)',
      wholeNumber,
    )
    .option('--confirm-reuse', 'generate even when the start value would reuse external IDs customers already have')
    .option('--flag-shared-ids', 'the fix beside the product: the preview stops customers that share an external ID')
    .option('--param <name=value>', "a package's own parameter (repeatable)", parameter, {})
    .option('--user <id>', 'the Focus user who exports (external IDs need an admin)', 'admin')
    .option('--no-save', 'with --case: leave the case file as it was')
    .addHelpText('after', HELP)
    .action(async (flags: ExportFlags, command: Command) => {
      const usage = (message: string) => command.error(`error: ${message}`, { exitCode: 2, code: 'booklab.usage' });
      if (!flags.generateIds && (flags.startValue !== undefined || flags.confirmReuse))
        usage('--start-value and --confirm-reuse only apply with --generate-ids.');
      const known = EXPORTERS.find((e) => e.id === flags.package)!.parameters.map((p) => p.name);
      const unknown = Object.keys(flags.param).filter((name) => !known.includes(name));
      if (unknown.length)
        usage(`${flags.package} has no parameter ${unknown.join(', ')}; it takes ${known.join(', ') || 'none beyond the common ones'}.`);
      const style = styleFor(stdout, env);
      const say = (line: string) => stdout.write(`${line}\n`);
      const account = await openAccount(flags.case);
      if (!account.ok) return fail(say, style, account.problem.message, setExitCode);
      const { focus, caseFile } = account.value;
      if (!caseFile) say(style.dim(`On ${DEMOS.export}. Nothing is saved; give --case FILE to export a saved case.`));
      const wizard = new ExportWizard(focus, flags.user, { flagSharedExternalIds: Boolean(flags.flagSharedIds) });
      const proposed = defaultExportPeriod(focus.clock.today());
      const period = { from: flags.from ?? proposed.from, to: flags.to ?? proposed.to };
      const chosen = wizard.choosePeriod(period);
      if (!chosen.ok) return fail(say, style, chosen.problem.message, setExitCode);
      say(periodLine(period, chosen.value));
      const exporter = wizard.choosePackage(flags.package);
      if (!exporter.ok) return fail(say, style, exporter.problem.message, setExitCode);
      say(packageLine(exporter.value));
      const ids = wizard.manageExternalIds({
        generate: Boolean(flags.generateIds),
        startValue: flags.startValue,
        confirmReuse: flags.confirmReuse,
      });
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
      const written = files.ok ? await writeExportFiles(files.value, flags.out, { replace: Boolean(flags.force) }) : files;
      if (written.ok) {
        wizard.recordExport();
        say(
          `7 File          ${written.value.length} file${written.value.length === 1 ? '' : 's'} in ${resolve(flags.out)}: ${wizard.files.map((f) => f.name).join(', ')}`,
        );
      } else {
        say(style.fail(written.problem.message));
        setExitCode(1);
      }
      if (caseFile && flags.save) {
        await saveFocus(flags.case!, caseFile, focus);
        say(style.dim(`Saved the wallet and external IDs in ${flags.case}: exporting these invoices again is free.`));
      }
    });
}

function fail(say: (line: string) => void, style: Style, message: string, setExitCode: (code: number) => void): void {
  say(style.fail(message));
  setExitCode(1);
}
