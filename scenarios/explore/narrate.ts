import { euros, kindWord } from '../../core/index.js';
import type { FileAction } from '../file/index.js';

// The sentence a saved history says for each action, generated from the action's own values.

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function refusedBy(action: { refused?: { code: string } }): string {
  return action.refused ? `; Focus refuses (${action.refused.code})` : '';
}

/** One sentence for `action`, without a final full stop. */
export function actionInWords(action: FileAction): string {
  switch (action.do) {
    case 'connect':
      return `Exact Online is connected from ${action.startDate}, journals ${action.invoiceJournal} and ${action.creditNoteJournal}, contacts ${action.importContacts ? '' : 'not '}imported${refusedBy(action)}`;
    case 'deactivate':
      return `The integration is deactivated with delink date ${action.delinkDate}, contacts ${action.delinkContacts ? '' : 'not '}delinked${refusedBy(action)}`;
    case 'book':
      return `${capital(kindWord(action.kind))} ${action.number} of ${action.date} to ${action.customer} is booked`;
    case 'credit':
      return `Invoice ${action.invoice} is credited with credit note ${action.creditNote} of ${action.date}`;
    case 'sync':
      return 'A manual sync (the two arrows)';
    case 'nightly-sync':
      return 'The nightly sync runs';
    case 'pass-days':
      return `${action.days} day${action.days === 1 ? '' : 's'} pass`;
    case 'delete-in-exact':
      return `The accountant deletes booking ${action.entryNumber} of journal ${action.journal} in Exact Online`;
    case 'book-by-hand':
      return `The accountant books ${action.yourRef ?? 'an entry'}${action.entryDate ? ` of ${action.entryDate}` : ''} by hand in journal ${action.journal} of Exact Online`;
    case 'lose-next-answer':
      return "The connection will drop before Exact Online's answer to the next booking it stores";
    case 'delete-in-focus':
      return `${capital(kindWord(action.kind))} ${action.number} is deleted in Focus${refusedBy(action)}`;
    case 'edit':
      return `${capital(kindWord(action.kind))} ${action.number} is edited in Focus: ${action.lines.map((l) => euros(l.unitPriceCents)).join(', ')} excluding VAT`;
    case 'set-amount-to-zero':
      return `${capital(kindWord(action.kind))} ${action.number} is set to zero in Focus`;
    case 'set-next-booking-number':
      return `The next booking number of journal ${action.journal} is set to ${action.next} in Exact Online`;
    case 'close-period':
      return `Period ${action.year}/${action.period} is ${action.closed ? 'closed' : 'reopened'} in Exact Online`;
    case 'pay-in-exact':
      return `Booking ${action.entryNumber} of journal ${action.journal} is paid in Exact Online`;
    case 'edit-in-exact':
      return `Booking ${action.entryNumber} of journal ${action.journal} is typed in again in Exact Online`;
    case 'update-settings':
      return 'The integration settings are changed';
  }
}
