import type { DocumentKind } from './state.js';

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
  | { code: 'accounting_unreachable'; message: string };

/** An outcome of a Focus operation. */
export type FocusResult<T> = { ok: true; value: T } | { ok: false; problem: FocusProblem };

/** Wraps a success. */
export const done = <T>(value: T): FocusResult<T> => ({ ok: true, value });

/** Wraps a refusal. */
export const refuse = (problem: FocusProblem): { ok: false; problem: FocusProblem } => ({ ok: false, problem });

/** "invoice" / "credit note", for messages. */
export const kindWord = (kind: DocumentKind) => (kind === 'invoice' ? 'invoice' : 'credit note');

/** The words of every refusal, in one place. */
export const problems = {
  notAdmin: (): FocusProblem => ({
    code: 'not_admin',
    message: 'Only an admin can change the integration settings (connect, deactivate, reconnect). Ask an admin of this Focus account to do it.',
  }),
  notFound: (entity: string, id: string): FocusProblem => ({ code: 'not_found', entity, id, message: `No ${entity} with id ${id}.` }),
  notLast: (kind: DocumentKind, documentId: string, number: string, lastNumber: string): FocusProblem => ({
    code: 'not_last',
    documentId,
    lastNumber,
    message:
      `${capital(kindWord(kind))} ${number} cannot be deleted: only the last ${kindWord(kind)} (${lastNumber}) can be deleted, ` +
      `because numbers must stay sequential without gaps. ${kind === 'invoice' ? 'Credit it with a credit note, or set its amount to zero.' : 'Set its amount to zero, or book a new invoice to correct it.'}`,
  }),
  hasBookingNumber: (kind: DocumentKind, documentId: string, number: string, bookingNumber: number, date: string): FocusProblem => ({
    code: 'has_booking_number',
    documentId,
    bookingNumber,
    message:
      `${capital(kindWord(kind))} ${number} cannot be deleted: it has booking number ${bookingNumber} from the bookkeeping tool. ` +
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
};

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
