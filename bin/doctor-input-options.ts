import { type Command, InvalidArgumentError, Option } from 'commander';
import { caseFromApi, caseFromCaseFile, caseFromExports, type CaseFile, type InputProblem } from '../core/index.js';
import { DEMO_DIVISIONS } from '../mock-accounting/index.js';
import { wholeNumber } from '../scenarios/index.js';
import type { Result } from '../primitives/index.js';

/** The doctor's input options as commander parses them. */
export interface DoctorInputOptions {
  case?: string;
  focusInvoices?: string;
  focusCreditNotes?: string;
  exactEntries?: string;
  nextNumbers?: string;
  startDate?: string;
  journals?: { invoice: string; creditNote: string };
  division?: number;
  exactUrl?: string;
  clientId?: string;
  clientSecret?: string;
  token?: string;
  refreshToken?: string;
  redirectUri?: string;
  now?: number;
}

/** What the doctor examines, and a line per source it was read from; or why it cannot be read. */
export type DoctorInput = Result<{ caseFile: CaseFile; sources: string[] }, InputProblem>;

/** The environment variables that carry the API's secrets, so they stay out of the shell history. */
export const SECRET_ENV = {
  clientId: 'EXACT_CLIENT_ID',
  clientSecret: 'EXACT_CLIENT_SECRET',
  token: 'EXACT_TOKEN',
  refreshToken: 'EXACT_REFRESH_TOKEN',
} as const;

/** How to call the doctor with each kind of input (shown in --help and after a usage error). */
export const INPUT_EXAMPLES = `Inputs (one of; docs/doctor-inputs.md has the columns and formats):
  a case file:
    booklab doctor --case ticket.json
  support's CSV exports (English or Dutch headers, "," or ";"):
    booklab doctor --focus-invoices facturen.csv --focus-credit-notes creditnotas.csv \\
      --exact-entries boekingen.csv --next-numbers 70=1005,71=8002 --start-date 2026-01-01 --journals 70,71
  a running Exact-compatible API (booklab serve, or Exact with the app's tokens), Focus from a case or overviews:
    booklab doctor --exact-url http://127.0.0.1:5080 --division 100001 --case ticket.json
    EXACT_TOKEN=... booklab doctor --exact-url https://start.exactonline.nl --division 1234567 \\
      --client-id ... --next-numbers 70=1005,71=8002 --focus-invoices facturen.csv --start-date 2026-01-01 --journals 70,71`;

function day(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new InvalidArgumentError('write the day as YYYY-MM-DD, e.g. 2026-01-01.');
  return value;
}

function journals(value: string): { invoice: string; creditNote: string } {
  const [invoice, creditNote, ...rest] = value.split(',').map((j) => j.trim());
  if (!invoice || !creditNote || rest.length > 0)
    throw new InvalidArgumentError('give the invoice journal and the credit note journal, e.g. 70,71.');
  return { invoice, creditNote };
}

function moment(value: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new InvalidArgumentError('give a date-time, e.g. 2026-03-02T09:00:00Z.');
  return ms;
}

function url(value: string): string {
  try {
    const parsed = new URL(value);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new TypeError('protocol');
  } catch {
    throw new InvalidArgumentError('give the API origin, e.g. http://127.0.0.1:5080 or https://start.exactonline.nl.');
  }
  return value.replace(/\/+$/, '');
}

/** Adds the doctor's input options (case file, CSV exports, API) to a command. */
export function addDoctorInputOptions(command: Command): Command {
  return command
    .option('--case <file>', 'a case file saved by booklab (both sides; with --exact-url only its Focus side)')
    .option(
      '--focus-invoices <csv>',
      "Focus's invoice overview with the booking number column (Number, Date, Customer, Total, Status, Booking number)",
    )
    .option('--focus-credit-notes <csv>', "Focus's credit note overview, same columns")
    .option('--exact-entries <csv>', "Exact's journal entries (Journal, Entry number, Date, Your ref., Amount)")
    .option('--next-numbers <list|csv>', "each journal's next booking number: 70=1005,71=8002 or a CSV (Journal, Next booking number)")
    .option('--start-date <day>', "the integration's start date in Focus, YYYY-MM-DD", day)
    .option('--journals <invoice,credit>', "the integration's invoice and credit note journals, e.g. 70,71", journals)
    .option(
      '--division <n>',
      `the administration (default with CSVs: ${DEMO_DIVISIONS.main}; with --exact-url: the case's, else the user's current one)`,
      wholeNumber,
    )
    .option('--exact-url <url>', 'read the accounting side from a running Exact-compatible API at this origin', url)
    .addOption(new Option('--client-id <id>', "the app's OAuth client id (default: booklab's demo app)").env(SECRET_ENV.clientId))
    .addOption(new Option('--client-secret <secret>', "the app's OAuth client secret").env(SECRET_ENV.clientSecret))
    .addOption(
      new Option(
        '--token <token>',
        'an access token of the app (without one, a refresh token, or the code flow booklab serve approves)',
      ).env(SECRET_ENV.token),
    )
    .addOption(
      new Option('--refresh-token <token>', 'a refresh token of the app (traded for tokens once; it rotates)').env(SECRET_ENV.refreshToken),
    )
    .option('--redirect-uri <uri>', "the app's registered redirect URI")
    .option('--now <moment>', 'the moment the case is read at, ISO (default: now; the clock of the world the doctor plays on)', moment);
}

/** A usage problem: what is wrong with the combination, what to give instead, and the examples. */
function usage(message: string): DoctorInput {
  return { ok: false, problem: { code: 'usage', message: `${message}\n\n${INPUT_EXAMPLES}`, file: null, line: null, column: null } };
}

/** The options given, by name, for messages. */
function given(options: DoctorInputOptions, names: ReadonlyArray<keyof DoctorInputOptions>): string[] {
  return names.filter((name) => options[name] !== undefined).map((name) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
}

const FOCUS_FILES = ['focusInvoices', 'focusCreditNotes'] as const;
const API_ONLY = ['clientId', 'clientSecret', 'token', 'refreshToken', 'redirectUri'] as const;
const SETTINGS = ['startDate', 'journals'] as const;

/**
 * Reads the doctor's input as the options describe it: a case file, support's CSV exports, or a running API with
 * Focus from a case file or its overviews. A combination that does not make one input is refused with what is
 * missing or too much and an example of a correct call; a bad file with its file, line and column. The sources
 * are only read.
 */
export async function openDoctorInput(options: DoctorInputOptions, now: number = Date.now()): Promise<DoctorInput> {
  const at = options.now ?? now;
  const focusFiles = given(options, FOCUS_FILES);
  if (!options.exactUrl && given(options, API_ONLY).length > 0) {
    return usage(`${given(options, API_ONLY).join(', ')} only go with --exact-url (the API they sign in to).`);
  }
  if (options.exactUrl && options.exactEntries)
    return usage('Give the accounting side once: --exact-url reads it from the API, --exact-entries from an export. Drop one of them.');
  if (options.case && (focusFiles.length > 0 || options.exactEntries)) {
    return usage(
      `--case already holds ${options.exactUrl ? "Focus's side" : 'both sides'}; drop ${[...focusFiles, ...given(options, ['exactEntries'])].join(', ')}, or drop --case.`,
    );
  }
  if (options.case && !options.exactUrl) {
    const extra = given(options, ['nextNumbers', ...SETTINGS, 'division', 'now']);
    if (extra.length > 0) return usage(`--case alone holds the whole case; ${extra.join(', ')} only go with CSV exports or --exact-url.`);
    const read = await caseFromCaseFile(options.case);
    return read.ok ? { ok: true, value: { caseFile: read.value, sources: [options.case] } } : read;
  }
  if (options.case && options.exactUrl) {
    const extra = given(options, SETTINGS);
    if (extra.length > 0) return usage(`${extra.join(', ')}: the case file already holds the integration's settings. Drop them.`);
    const read = await caseFromApi({ ...apiAccess(options), focus: { case: options.case }, nextNumbers: options.nextNumbers, now: at });
    return read.ok ? { ok: true, value: { caseFile: read.value, sources: [options.case, apiSource(options, read.value)] } } : read;
  }
  if (!options.exactUrl && !options.exactEntries) {
    return usage(
      focusFiles.length > 0
        ? `${focusFiles.join(' and ')} need Exact's side: add --exact-entries (an export) or --exact-url (a running API).`
        : 'Give the case to examine: --case FILE (a case file saved by booklab or the dashboard), CSV exports (--focus-invoices, --exact-entries, …) or a running API (--exact-url).',
    );
  }
  const missing = [
    ...(focusFiles.length === 0 ? ['--focus-invoices and/or --focus-credit-notes'] : []),
    ...(options.startDate ? [] : ['--start-date']),
    ...(options.journals ? [] : ['--journals']),
    ...(options.exactEntries && !options.nextNumbers ? ['--next-numbers'] : []),
  ];
  if (missing.length > 0)
    return usage(
      `Reading ${options.exactUrl ? "Focus's overviews with an API" : 'CSV exports'}, the doctor also needs ${missing.join(', ')} (the settings are not in the exports: read them in Focus's integration settings and Exact's journals).`,
    );
  const settings = {
    startDate: options.startDate!,
    invoiceJournal: options.journals!.invoice,
    creditNoteJournal: options.journals!.creditNote,
  };
  const overviews = { invoices: options.focusInvoices, creditNotes: options.focusCreditNotes };
  if (options.exactUrl) {
    const read = await caseFromApi({
      ...apiAccess(options),
      focus: { ...overviews, ...settings },
      nextNumbers: options.nextNumbers,
      now: at,
    });
    return read.ok
      ? { ok: true, value: { caseFile: read.value, sources: [...focusSources(options), apiSource(options, read.value)] } }
      : read;
  }
  const read = await caseFromExports({
    ...overviews,
    ...settings,
    entries: options.exactEntries!,
    nextNumbers: options.nextNumbers!,
    division: options.division ?? DEMO_DIVISIONS.main,
    now: at,
  });
  if (!read.ok) return read;
  const nextNumbers = options.nextNumbers!.includes('=') ? `next booking numbers ${options.nextNumbers}` : options.nextNumbers!;
  return { ok: true, value: { caseFile: read.value, sources: [...focusSources(options), options.exactEntries!, nextNumbers] } };
}

function apiAccess(options: DoctorInputOptions) {
  const { exactUrl, division, clientId, clientSecret, token, refreshToken, redirectUri } = options;
  return { url: exactUrl!, division, clientId, clientSecret, accessToken: token, refreshToken, redirectUri };
}

function focusSources(options: DoctorInputOptions): string[] {
  return [options.focusInvoices, options.focusCreditNotes].filter((f): f is string => f !== undefined);
}

function apiSource(options: DoctorInputOptions, caseFile: CaseFile): string {
  const division = Object.values(caseFile.snapshot.accounting.divisions)[0]?.code;
  return `${options.exactUrl} (division ${division})`;
}
