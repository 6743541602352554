import type { DocumentKind } from '../focus/state.js';

/** The texts the Focus integration shows in the bell (focus-side.md §1a), in one place. */
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
  documentRefused: (kind: DocumentKind, number: string, message: string) =>
    `${kind === 'invoice' ? 'Invoice' : 'Credit note'} ${number} could not be synced: ${message}`,
  customerRefused: (company: string, message: string) => `Customer ${company} could not be synced: ${message}`,
  connectionLost: (kind: DocumentKind, number: string) =>
    `${kind === 'invoice' ? 'Invoice' : 'Credit note'} ${number} could not be synced: the connection to Exact Online was lost. It will be synced again next time.`,
  noChanges: () => 'There are no changes',
  synced: (customers: number, invoices: number, creditNotes: number) =>
    `Synchronisation finished: ${plural(customers, 'customer')}, ${plural(invoices, 'invoice')} and ${plural(creditNotes, 'credit note')} synced`,
};

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function joinWords(words: string[]): string {
  return words.length <= 2 ? words.join(' and ') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
