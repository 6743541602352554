import { Command, InvalidArgumentError, Option } from 'commander';
import { writeCaseFile, type DoctorResult, type TestDocument } from '../core/index.js';
import {
  caseFileOf,
  caseOfFile,
  type DoctorCase,
  examine,
  EXIT_CODES,
  type Examination,
  type Output,
  doctorText,
} from '../scenarios/index.js';
import { addDoctorInputOptions, INPUT_EXAMPLES, openDoctorInput, type DoctorInputOptions } from './doctor-input-options.js';
import { doctorJson } from './doctor-json.js';

/** What the `doctor` command needs from the program around it. */
export interface DoctorCommandOptions {
  setExitCode(code: number): void;
  stdout?: Output;
}

/** The input options: where the world is read from (a case file, CSV exports or a running API). */
export type DoctorInputFlags = DoctorInputOptions;

interface DoctorFlags extends DoctorInputFlags {
  testInvoice: string[];
  testCreditNote: string[];
  format: 'checklist' | 'markdown' | 'json';
  saveCase?: string;
}

const HELP = `
The doctor reads a support case into a copy of the world, says what is wrong (each finding with its
article, rules, documents and bookings), fills in the article's repair procedure with every value
(delink date, bookings to delete, numbers to write down, next booking numbers, start date, journals),
plays that plan on a copy step by step and checks the invariants I1-I8 after. When the article's
plan leaves something wrong, booklab's completed plan (one extra step) is offered with its own proof.
The sources (case file, CSV exports, API) are never changed.

${INPUT_EXAMPLES}

Examples:
  booklab doctor --case ticket-4711.json
  booklab doctor --case ticket-4711.json --test-invoice 2026/7 --format markdown
  booklab doctor --case ticket-4711.json --format json --save-case repaired.json

--save-case FILE writes two case files: FILE with .before.json (the case as read) and .after.json (the
world after the plan that holds, else after the article's plan).

Exit codes: 0 nothing found, 1 findings with a proven plan, 3 findings without a proven plan,
2 usage or input error. The JSON output is described in docs/doctor-json.md.`;

/** `2026/7` as Focus numbers documents; anything else is a usage error. */
function documentNumber(value: string, previous: string[]): string[] {
  if (!/^\d{4}\/\d+$/.test(value)) throw new InvalidArgumentError('write the number as the overview shows it, e.g. 2026/7.');
  return [...previous, value];
}

/**
 * Reads the world the doctor examines from the input options (openDoctorInput: a case file, support's CSV exports,
 * or a running Exact-compatible API with Focus from a case file or its overviews). The one place that knows where
 * input comes from.
 */
export async function openDoctorWorld(flags: DoctorInputFlags): Promise<DoctorResult<DoctorCase>> {
  const input = await openDoctorInput(flags);
  if (!input.ok) return { ok: false, problem: { code: 'unreadable-input', message: input.problem.message } };
  return { ok: true, value: caseOfFile(input.value.caseFile) };
}

/** `booklab doctor`: diagnose a case, fill in the articles' repair and prove it on a copy before anyone touches the books. */
export function doctorCommand({ setExitCode, stdout = process.stdout }: DoctorCommandOptions): Command {
  return addDoctorInputOptions(
    new Command('doctor').description("diagnose a support case and hand support the article's repair plan, proven on a copy first"),
  )
    .option('--test-invoice <number>', 'an invoice booked by accident, e.g. 2026/7 (article 000; repeatable)', documentNumber, [])
    .option('--test-credit-note <number>', 'a credit note booked by accident (repeatable)', documentNumber, [])
    .addOption(
      new Option('--format <format>', 'checklist (read aloud), markdown (for a ticket) or json (docs/doctor-json.md)')
        .choices(['checklist', 'markdown', 'json'])
        .default('checklist'),
    )
    .option('--save-case <file>', 'write the world before and after the plan as two case files (.before.json, .after.json)')
    .addHelpText('after', HELP)
    .action(async (flags: DoctorFlags, command: Command) => {
      const inputError = (message: string) => command.error(`error: ${message}`, { exitCode: 2, code: 'booklab.input' });
      const opened = await openDoctorWorld(flags);
      if (!opened.ok) return inputError(opened.problem.message);
      const testDocuments: TestDocument[] = [
        ...flags.testInvoice.map((number) => ({ kind: 'invoice' as const, number })),
        ...flags.testCreditNote.map((number) => ({ kind: 'credit_note' as const, number })),
      ];
      let examined: DoctorResult<Examination>;
      try {
        examined = await examine(opened.value, { testDocuments, keepAfter: Boolean(flags.saveCase) });
      } catch (error) {
        return inputError(
          `The case cannot be examined: ${error instanceof Error ? error.message : String(error)}. Check that the case file was saved by booklab and not edited by hand.`,
        );
      }
      if (!examined.ok) return inputError(examined.problem.message);
      const examination = examined.value;
      const out = flags.format === 'json' ? [JSON.stringify(doctorJson(examination), null, 2)] : doctorText(examination, flags.format);
      stdout.write(`${out.join('\n')}\n`);
      if (flags.saveCase)
        await saveBeforeAndAfter(flags.saveCase, examination, flags.format === 'json' ? () => {} : (line) => stdout.write(`${line}\n`));
      setExitCode(EXIT_CODES[examination.verdict]);
    });
}

/** Writes the case as read and the world after the plan that holds (else the article's) as two case files. */
async function saveBeforeAndAfter(path: string, examination: Examination, say: (line: string) => void): Promise<void> {
  const stem = path.replace(/\.json$/, '');
  const before = `${stem}.before.json`;
  await writeCaseFile(before, caseFileOf(examination.case, examination.case.snapshot, 'The case as booklab doctor read it.'));
  const played = examination.completed?.proof.holds ? examination.completed : examination.article;
  if (!played?.proof.after) return say(`Saved ${before}; nothing was played, so there is no world after a plan.`);
  const after = `${stem}.after.json`;
  const which = played.plan.kind === 'completed' ? "booklab's completed plan" : "the article's plan";
  await writeCaseFile(
    after,
    caseFileOf(examination.case, played.proof.after, `The world after ${which}, played by booklab doctor on a copy.`),
  );
  say(`Saved ${before} (as read) and ${after} (after ${which}).`);
}
