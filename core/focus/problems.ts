import type { Failure, Success } from '../../primitives/index.js';
import { kindTitle, kindWord, type DocumentKind } from '../messages/document-kinds.js';
import { euros } from '../words.js';

/** A refusal of the Focus app, as a value: a `code` to branch on and the `message` the user sees. */
export type FocusProblem =
  | { code: 'not_admin'; message: string }
  | { code: 'not_found'; message: string; entity: string; id: string }
  | { code: 'not_last'; message: string; documentId: string; lastNumber: string }
  | { code: 'has_booking_number'; message: string; documentId: string; bookingNumber: number }
  | { code: 'not_draft'; message: string; documentId: string }
  | { code: 'not_booked'; message: string; documentId: string }
  | { code: 'invalid'; message: string }
  | { code: 'integration_inactive'; message: string }
  | { code: 'integration_active'; message: string }
  | { code: 'unknown_journal'; message: string; journal: string }
  | { code: 'accounting_unreachable'; message: string }
  | { code: 'not_editable'; message: string; companyId: string }
  | { code: 'duplicate_external_id'; message: string; externalId: string; companyId: string }
  | { code: 'start_value_reuses_ids'; message: string; startValue: number; reused: string[] }
  | { code: 'invalid_csv'; message: string; line: number }
  | { code: 'import_undone'; message: string; importId: string }
  | { code: 'duplicate_ledger_account'; message: string; account: string }
  | { code: 'unknown_ledger_account'; message: string; account: string }
  | { code: 'insufficient_funds'; message: string; neededCents: number; balanceCents: number }
  | { code: 'preview_has_errors'; message: string; errorCount: number }
  | { code: 'cannot_write'; message: string; path: string };

/** An outcome of a Focus operation. */
export type FocusResult<T> = (Success<T> & { warnings?: string[] }) | Failure<FocusProblem>;

/** Wraps a success. */
export const done = <T>(value: T): FocusResult<T> => ({ ok: true, value });

/** Wraps a refusal. */
export const refuse = (problem: FocusProblem): Failure<FocusProblem> => ({ ok: false, problem });

/** The words of every refusal, in one place. */
export const problems = {
  /** `action` says what was refused, e.g. "create ledger accounts"; the integration settings by default (R4). */
  notAdmin: (action = 'change the integration settings (connect, deactivate, reconnect)'): FocusProblem => ({
    code: 'not_admin',
    message: `Only an admin can ${action}. Ask an admin of this Focus account to do it.`,
  }),
  notFound: (entity: string, id: string): FocusProblem => ({ code: 'not_found', entity, id, message: `No ${entity} with id ${id}.` }),
  notLast: (kind: DocumentKind, documentId: string, number: string, lastNumber: string): FocusProblem => ({
    code: 'not_last',
    documentId,
    lastNumber,
    message:
      `${kindTitle(kind)} ${number} cannot be deleted: only the last ${kindWord(kind)} (${lastNumber}) can be deleted, ` +
      `because numbers must stay sequential without gaps. ${kind === 'invoice' ? 'Credit it with a credit note, or set its amount to zero.' : 'Set its amount to zero, or book a new invoice to correct it.'}`,
  }),
  hasBookingNumber: (kind: DocumentKind, documentId: string, number: string, bookingNumber: number, date: string): FocusProblem => ({
    code: 'has_booking_number',
    documentId,
    bookingNumber,
    message:
      `${kindTitle(kind)} ${number} cannot be deleted: it has booking number ${bookingNumber} from the bookkeeping tool. ` +
      `Delete the booking there first, then deactivate the integration with a delink date on or before ${date} to reset the booking number. ` +
      (kind === 'invoice'
        ? 'Deleting an invoice can have legal implications: a credit note is usually the better way.'
        : 'Deleting a credit note can have legal implications: booking a new invoice is usually the better way.'),
  }),
  notDraft: (documentId: string, number: string | null): FocusProblem => ({
    code: 'not_draft',
    documentId,
    message: `Document ${number ?? documentId} is already booked.`,
  }),
  notBooked: (documentId: string): FocusProblem => ({
    code: 'not_booked',
    documentId,
    message: `Document ${documentId} is a draft: book it first.`,
  }),
  invalid: (message: string): FocusProblem => ({ code: 'invalid', message }),
  integrationInactive: (): FocusProblem => ({
    code: 'integration_inactive',
    message: 'The bookkeeping integration is not connected. Connect it under Integrations first.',
  }),
  integrationActive: (): FocusProblem => ({
    code: 'integration_active',
    message: 'The bookkeeping integration is already connected. Deactivate it first to change the division, start date or journals.',
  }),
  unknownJournal: (journal: string, division: number): FocusProblem => ({
    code: 'unknown_journal',
    journal,
    message: `Journal ${journal} does not exist in administration ${division}. Pick one of the sales journals of that administration.`,
  }),
  accountingUnreachable: (detail: string): FocusProblem => ({
    code: 'accounting_unreachable',
    message: `Could not reach the bookkeeping tool: ${detail}. Check the connection and try again.`,
  }),
  notEditable: (companyId: string, reason: 'not_admin' | 'not_manually_editable'): FocusProblem => ({
    code: 'not_editable',
    companyId,
    message:
      reason === 'not_admin'
        ? 'Only an admin can see and edit external IDs. Ask an admin of this Focus account to do it.'
        : 'External IDs are not manually editable. Turn on "Manually editable" under Invoices > Export > Bookkeeping export > Manage external IDs first.',
  }),
  duplicateExternalId: (externalId: string, companyId: string, holder: string): FocusProblem => ({
    code: 'duplicate_external_id',
    externalId,
    companyId,
    message: `External ID ${externalId} already belongs to ${holder}. Each customer needs its own external ID; pick another one.`,
  }),
  startValueReusesIds: (startValue: number, reused: string[]): FocusProblem => ({
    code: 'start_value_reuses_ids',
    startValue,
    reused,
    message:
      `Start value ${startValue} would give out external IDs that customers already have (${reused.slice(0, 5).join(', ')}${reused.length > 5 ? ', …' : ''}): ` +
      'importing the export would overwrite those customers in your accounting package. Consult your accountant before lowering the start value below 100000, or confirm to go on anyway.',
  }),
  invalidCsv: (line: number, detail: string): FocusProblem => ({
    code: 'invalid_csv',
    line,
    message: `The file cannot be imported: line ${line}: ${detail}. Fix the file (one company per line, with a header row) and import it again.`,
  }),
  importUndone: (importId: string): FocusProblem => ({
    code: 'import_undone',
    importId,
    message: `Import ${importId} has already been undone; there is nothing left to remove.`,
  }),
  duplicateLedgerAccount: (account: string): FocusProblem => ({
    code: 'duplicate_ledger_account',
    account,
    message: `Ledger account ${account} already exists. Edit it, or create the account under another number.`,
  }),
  unknownLedgerAccount: (account: string): FocusProblem => ({
    code: 'unknown_ledger_account',
    account,
    message: `Ledger account ${account} does not exist. Create it under Settings > Revenue > Ledger accounts first.`,
  }),
  insufficientFunds: (neededCents: number, balanceCents: number): FocusProblem => ({
    code: 'insufficient_funds',
    neededCents,
    balanceCents,
    message:
      `The export costs ${euros(neededCents)} but the wallet holds ${euros(balanceCents)}: nothing was charged. ` +
      'Top up the wallet, or export a shorter period.',
  }),
  directoryInUse: (path: string, files: number): FocusProblem => ({
    code: 'cannot_write',
    path,
    message: `${path} already holds ${files} file${files === 1 ? '' : 's'}: an export written there would mix with them, and an accountant importing the folder would book the old ones again. Choose an empty or new directory (or replace them on purpose with --force).`,
  }),
  cannotWrite: (path: string, detail: string): FocusProblem => ({
    code: 'cannot_write',
    path,
    message: `The export could not be written to ${path}: ${detail}. Choose a directory you can write to and export again (the invoices are already paid for).`,
  }),
  previewHasErrors: (errorCount: number): FocusProblem => ({
    code: 'preview_has_errors',
    errorCount,
    message: `The preview shows ${errorCount} error${errorCount === 1 ? '' : 's'}: no file was made. Fix the customers and invoices listed and export again (it is already paid for).`,
  }),
};
