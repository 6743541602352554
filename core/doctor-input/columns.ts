import type { ColumnSpec } from './csv-table.js';

// The columns of support's exports, with the header names Focus and Exact use in English and Dutch.
// docs/doctor-inputs.md lists the same names; a header matches in any case, without dots or accents.

/** Focus's invoice and credit note overviews (with the "booking number" column switched on via the cogwheel). */
export const FOCUS_OVERVIEW_COLUMNS = [
  {
    key: 'number',
    required: true,
    names: ['Number', 'Invoice number', 'Credit note number', 'Nummer', 'Factuurnummer', 'Creditnotanummer', 'Creditnota nummer'],
  },
  { key: 'date', required: true, names: ['Date', 'Invoice date', 'Credit note date', 'Datum', 'Factuurdatum', 'Creditnotadatum'] },
  { key: 'customer', required: true, names: ['Customer', 'Company', 'Client', 'Klant', 'Bedrijf', 'Klantnaam'] },
  {
    key: 'total',
    required: true,
    names: ['Total', 'Total incl. VAT', 'Amount', 'Totaal', 'Totaal incl. btw', 'Bedrag', 'Bedrag incl. btw'],
  },
  { key: 'status', required: true, names: ['Status'] },
  { key: 'bookingNumber', required: true, names: ['Booking number', 'Boekstuknummer', 'Boekingsnummer'] },
  { key: 'dueDate', required: false, names: ['Due date', 'Vervaldatum'] },
  { key: 'paid', required: false, names: ['Paid', 'Amount paid', 'Betaald', 'Betaald bedrag'] },
] as const satisfies readonly ColumnSpec<string>[];

/** Exact's journal entries (Financial > Entries, or the journal's entry list, exported). */
export const EXACT_ENTRY_COLUMNS = [
  { key: 'journal', required: true, names: ['Journal', 'Journal code', 'Dagboek', 'Dagboekcode'] },
  { key: 'entryNumber', required: true, names: ['Entry number', 'Entry no', 'Booking number', 'Boekstuknummer', 'Boekstuknr'] },
  { key: 'date', required: true, names: ['Date', 'Entry date', 'Datum', 'Boekdatum', 'Factuurdatum'] },
  { key: 'yourRef', required: true, names: ['Your ref.', 'Your reference', 'Uw ref.', 'Uw referentie'] },
  { key: 'amount', required: true, names: ['Amount', 'Amount DC', 'Amount FC', 'Total', 'Bedrag', 'Bedrag VV', 'Totaal'] },
  { key: 'customer', required: false, names: ['Customer', 'Account', 'Account name', 'Relation', 'Relatie', 'Klant', 'Debiteur', 'Naam'] },
  { key: 'description', required: false, names: ['Description', 'Omschrijving'] },
  { key: 'outstanding', required: false, names: ['Outstanding', 'Open amount', 'Openstaand', 'Openstaand bedrag'] },
] as const satisfies readonly ColumnSpec<string>[];

/** Exact's journals with their master-data next booking number (Master data > Journals). */
export const NEXT_NUMBER_COLUMNS = [
  { key: 'journal', required: true, names: ['Journal', 'Code', 'Journal code', 'Dagboek', 'Dagboekcode'] },
  {
    key: 'nextNumber',
    required: true,
    names: [
      'Next booking number',
      'Next entry number',
      'Next number',
      'Volgend boekstuknummer',
      'Volgende boekstuknummer',
      'Volgend nummer',
    ],
  },
  { key: 'description', required: false, names: ['Description', 'Omschrijving'] },
] as const satisfies readonly ColumnSpec<string>[];

/** The keys of a column list. */
export type ColumnKey<T extends readonly ColumnSpec<string>[]> = T[number]['key'];
