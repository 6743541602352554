import { z } from 'zod';

// What the one-way bookkeeping export (article 004, R18–R24) keeps in Focus: its own ledger accounts,
// the external-ID settings and imports, the wallet that pays the export fee, and the exports made.

/** A day written `YYYY-MM-DD`, as every date in Focus's state. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A ledger account of Focus's own list (Settings > Revenue > Ledger accounts, R21). */
export const LedgerAccountSchema = z.object({ code: z.string().regex(/^\d{1,10}$/), description: z.string() });

/** The ledger-account settings: the list, the discount account and the auto-suggestion per VAT rate (R21). */
export const LedgerSettingsSchema = z.object({
  accounts: z.record(z.string(), LedgerAccountSchema),
  /** Account for commercial discounts; required as soon as a line has one. */
  discountAccount: z.string().nullable(),
  /** VAT rate in basis points (as text) → suggested account code. */
  autoSuggest: z.record(z.string(), z.string()),
});

/** A customer import from the accounting package (R18), kept so that undoing it removes only what it created. */
export const CustomerImportSchema = z.object({
  id: z.string(),
  at: z.string(),
  source: z.string(),
  /** Companies the import created (they carry `origin: <import id>`). */
  created: z.array(z.string()),
  /** Existing companies whose empty external ID the import filled in. */
  matched: z.array(z.string()),
  undone: z.boolean(),
});

/** External-ID settings (Manage external IDs, R18, R20). */
export const ExternalIdSettingsSchema = z.object({
  /** "Manually editable": admins may type external IDs. */
  manuallyEditable: z.boolean(),
  /** Start value of generated IDs; 100000 by default so package customers are not overwritten. */
  startValue: z.number().int().positive(),
  imports: z.record(z.string(), CustomerImportSchema),
});

/** The Focus wallet that pays the export fee; each document is charged once (R22). */
export const WalletSchema = z.object({
  balanceCents: z.number().int().min(0),
  /** Document id → when it was paid for and what it cost. */
  charged: z.record(z.string(), z.object({ at: z.string(), feeCents: z.number().int().min(0) })),
});

/** An export that produced files. */
export const ExportRecordSchema = z.object({
  id: z.string(),
  at: z.string(),
  from: isoDate,
  to: isoDate,
  exporter: z.string(),
  documentIds: z.array(z.string()),
  files: z.array(z.string()),
});

/** The Focus account's own company: the seller on exported invoices. */
export const OwnCompanySchema = z.object({
  name: z.string(),
  vatNumber: z.string(),
  country: z.string(),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  iban: z.string(),
});

/** Everything the one-way export keeps. */
export const BookkeepingExportSchema = z.object({
  ledger: LedgerSettingsSchema,
  externalIds: ExternalIdSettingsSchema,
  wallet: WalletSchema,
  exports: z.array(ExportRecordSchema),
});

export type LedgerAccount = z.infer<typeof LedgerAccountSchema>;
export type LedgerSettings = z.infer<typeof LedgerSettingsSchema>;
export type CustomerImport = z.infer<typeof CustomerImportSchema>;
export type ExternalIdSettings = z.infer<typeof ExternalIdSettingsSchema>;
export type Wallet = z.infer<typeof WalletSchema>;
export type ExportRecord = z.infer<typeof ExportRecordSchema>;
export type OwnCompany = z.infer<typeof OwnCompanySchema>;
export type BookkeepingExport = z.infer<typeof BookkeepingExportSchema>;

/** Generated external IDs start here unless an admin lowers it (R20). */
export const DEFAULT_EXTERNAL_ID_START = 100_000;

/** The export fee per document: EUR 0.12 (R22; the old article said 0.10, the price drifted). */
export const EXPORT_FEE_CENTS = 12;

/** A new account's export settings: no ledger accounts, an empty wallet, IDs from 100000. */
export function emptyBookkeepingExport(): BookkeepingExport {
  return {
    ledger: { accounts: {}, discountAccount: null, autoSuggest: {} },
    externalIds: { manuallyEditable: false, startValue: DEFAULT_EXTERNAL_ID_START, imports: {} },
    wallet: { balanceCents: 0, charged: {} },
    exports: [],
  };
}

/** The demo account's own company (a valid Belgian enterprise number, so Peppol files validate). */
export function demoOwnCompany(): OwnCompany {
  return {
    name: 'Booklab Demo BV',
    vatNumber: 'BE0123456749',
    country: 'BE',
    street: 'Kerkstraat 1',
    postalCode: '9000',
    city: 'Gent',
    iban: 'BE68539007547034',
  };
}
