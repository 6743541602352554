import { kindTitle, kindWord, type DocumentKind } from './document-kinds.js';
import { joinWords, plural } from '../words.js';

/** The texts the Focus integration shows in the bell and while editing (focus-side.md §1a, §1b), in one place. */
export const syncMessages = {
  sameBookingNumber: (kind: DocumentKind, numbers: string[]) =>
    `The ${kind === 'invoice' ? 'invoices' : 'credit notes'} ${joinWords(numbers)} have the same booking number`,
  invalidVatNumber: (company: string, vatNumber: string, example: string) =>
    `Invalid VAT number ${vatNumber} of ${company}: use the format ${example}.`,
  accountNotFound: (account: string) =>
    `The account number ${account} could not be found in Exact Online. Create this account number in Exact Online or choose another one.`,
  vatRateNotMapped: (rateBp: number) =>
    `No match was found in Exact Online for the VAT rate ${rateBp / 100}%. Link the VAT codes to Exact Online in the integration settings.`,
  unspecifiedLedgerAccounts: (count: number) =>
    `There are ${count} documents which have unspecified ledger accounts. Open each document and set the ledger accounts of its lines.`,
  documentRefused: (kind: DocumentKind, number: string, message: string) => `${kindTitle(kind)} ${number} could not be synced: ${message}`,
  customerRefused: (company: string, message: string) => `Customer ${company} could not be synced: ${message}`,
  connectionLost: (kind: DocumentKind, number: string) =>
    `${kindTitle(kind)} ${number} could not be synced: the connection to Exact Online was lost. It will be synced again next time.`,
  wrongJournalType: (journal: string, required: string, actual: string) =>
    `'Journal ${journal}' in Octopus has the wrong type. This should be '${required}' but is '${actual}' instead.`,
  journalNotFound: (journal: string) =>
    `Journal ${journal} was not found in Octopus. A new journal is not visible to Focus until Octopus has synchronised it: in Octopus choose File > 'Synchronise', then click 'LINK DOSSIER' again in the Octopus integration settings.`,
  costCentresReset: (kind: DocumentKind, number: string) => `The cost centres of ${kindWord(kind)} ${number} will be reset after the sync.`,
  quotaExhausted: (message: string, left: number) =>
    `${message} ${plural(left, 'invoice or credit note', 'invoices and credit notes')} ${left === 1 ? 'was' : 'were'} not synced: the first sync after midnight sends ${left === 1 ? 'it' : 'them'}.`,
  noChanges: () => 'There are no changes',
  synced: (customers: number, invoices: number, creditNotes: number) =>
    `Synchronisation finished: ${plural(customers, 'customer')}, ${plural(invoices, 'invoice')} and ${plural(creditNotes, 'credit note')} synced`,
};
