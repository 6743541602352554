import { z } from 'zod';
import { TokenSetSchema } from '../exact-client/tokens.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../messages/document-kinds.js';
import { BookkeepingExportSchema, demoOwnCompany, emptyBookkeepingExport, isoDate, OwnCompanySchema } from './export-state.js';

// Focus's state is plain JSON (described once, as zod schemas), so that a world can be
// snapshotted, diffed, saved in a case file and loaded again.

/** A Focus user; integration settings need admin rights (R4). */
export const FocusUserSchema = z.object({ id: z.string(), name: z.string(), admin: z.boolean() });

/** A customer company, linked to an accounting relation once synced. */
export const CompanySchema = z.object({
  id: z.string(),
  name: z.string(),
  vatNumber: z.string().nullable(),
  country: z.string(),
  email: z.string().nullable(),
  /** External ID (one-way bookkeeping export, R18). */
  externalId: z.string().nullable(),
  /** The accounting relation this company is linked to (Exact account GUID), or null. */
  accountingId: z.string().nullable(),
  /** The relation's code in the accounting package, once known. */
  accountingCode: z.string().nullable(),
  /** Who created it: a person, or an import (so undoing an import removes only its companies). */
  origin: z.string(),
});

/** A contact person at a company. */
export const ContactSchema = z.object({
  id: z.string(),
  companyId: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  externalId: z.string().nullable(),
  accountingId: z.string().nullable(),
  origin: z.string(),
});

/** An invoice line: quantity × unit price (cents), less a commercial discount, VAT computed per line. */
export const LineSchema = z.object({
  description: z.string(),
  quantity: z.number(),
  unitPriceCents: z.number().int(),
  /** VAT rate in basis points (2100 = 21 %). */
  vatRateBp: z.number().int().min(0),
  /** Ledger (revenue) account code, e.g. 700000; null = unspecified. */
  ledgerAccount: z.string().nullable(),
  /** Commercial discount in basis points (1000 = 10 %). */
  discountBp: z.number().int().min(0).max(10_000),
  /** Cost centre (Octopus resets it on an edit sync). */
  costCentre: z.string().nullable(),
});

/** Where a synced document stands in the accounting package. */
export const LinkSchema = z.object({
  division: z.number().int(),
  journal: z.string(),
  /** The booking's id in the accounting package (EntryID). */
  entryId: z.string(),
});

/** An invoice or a credit note. Drafts have no number; booked ones are numbered `YYYY/N` per series (I7). */
export const DocumentSchema = z.object({
  id: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  status: z.enum(['draft', 'booked']),
  /** `2026/7`; null while a draft. */
  number: z.string().nullable(),
  fiscalYear: z.number().int().nullable(),
  sequence: z.number().int().nullable(),
  date: isoDate,
  dueDate: isoDate,
  companyId: z.string(),
  lines: z.array(LineSchema),
  /** Booking number from the accounting package (R6); null = not synced. */
  bookingNumber: z.number().int().nullable(),
  link: LinkSchema.nullable(),
  paymentStatus: z.enum(['unpaid', 'partially_paid', 'paid']),
  paidCents: z.number().int(),
  /** For a credit note: the invoice it credits. */
  creditedInvoiceId: z.string().nullable(),
  /** Changed in Focus after it was synced (R11: not sent to Exact). */
  editedAfterSync: z.boolean(),
  sent: z.boolean(),
});

/** A bell notification. */
export const NotificationSchema = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(['sync_success', 'sync_error', 'sync_no_changes', 'info']),
  message: z.string(),
  read: z.boolean(),
});

/** The bell: unread notifications in a bounded list (R16), and what could not be shown. */
export const BellSchema = z.object({
  capacity: z.number().int().positive(),
  notifications: z.array(NotificationSchema),
  /** Notifications that arrived while the list was full: the user never saw them. */
  hidden: z.array(NotificationSchema),
});

/** How the integration posts: `faithful` as the real app does, or `safe` (looks for an existing booking first). */
export const SyncStrategySchema = z.enum(['faithful', 'safe']);

/** The two-way integration's settings (R5, R13). */
export const IntegrationSettingsSchema = z.object({
  tool: z.enum(['exact', 'octopus', 'yuki']),
  division: z.number().int(),
  startDate: isoDate,
  invoiceJournal: z.string(),
  creditNoteJournal: z.string(),
  nightlySync: z.boolean(),
  /** Focus ledger account → accounting G/L account code (identity when absent). */
  ledgerMap: z.record(z.string(), z.string()),
  /** VAT rate (basis points, as text) → accounting VAT code. */
  vatMap: z.record(z.string(), z.string()),
  strategy: SyncStrategySchema,
});

/** The integration: active or deactivated, its settings, tokens and sync bookkeeping. */
export const IntegrationSchema = z.object({
  active: z.boolean(),
  settings: IntegrationSettingsSchema,
  tokens: TokenSetSchema.nullable(),
  /** Epoch ms of the last nightly run (so one night runs once). */
  lastNightlyRun: z.number().int().nullable(),
  /** The delink date of the last deactivation (R12), kept across a reconnect so the settings can show it. */
  delinkDate: z.string().optional(),
});

/** Focus's whole state. */
export const FocusStateSchema = z.object({
  schema: z.literal(1),
  /** Counters for ids. */
  counters: z.record(z.string(), z.number().int()),
  /** Start numbers per fiscal year and series (`2026:invoice` → 1001). */
  startNumbers: z.record(z.string(), z.number().int().positive()),
  users: z.record(z.string(), FocusUserSchema),
  companies: z.record(z.string(), CompanySchema),
  contacts: z.record(z.string(), ContactSchema),
  documents: z.record(z.string(), DocumentSchema),
  bell: BellSchema,
  integration: IntegrationSchema.nullable(),
  /** The account's own company, the seller on exported invoices (defaulted so older case files load). */
  ownCompany: OwnCompanySchema.default(demoOwnCompany),
  /** The one-way bookkeeping export (R18–R24; defaulted so older case files load). */
  bookkeepingExport: BookkeepingExportSchema.default(emptyBookkeepingExport),
});

export type FocusUser = z.infer<typeof FocusUserSchema>;
export type Company = z.infer<typeof CompanySchema>;
export type Contact = z.infer<typeof ContactSchema>;
export type Line = z.infer<typeof LineSchema>;
export type Link = z.infer<typeof LinkSchema>;
export type FocusDocument = z.infer<typeof DocumentSchema>;
export type { DocumentKind };
export type Notification = z.infer<typeof NotificationSchema>;
export type Bell = z.infer<typeof BellSchema>;
export type SyncStrategy = z.infer<typeof SyncStrategySchema>;
export type IntegrationSettings = z.infer<typeof IntegrationSettingsSchema>;
export type { TokenSet } from '../exact-client/tokens.js';
export type Integration = z.infer<typeof IntegrationSchema>;
export type FocusState = z.infer<typeof FocusStateSchema>;

/** How many unread notifications the bell shows before new ones cannot be shown (R16). */
export const DEFAULT_BELL_CAPACITY = 10;

/** A Focus account with an admin and a non-admin user and nothing else. */
export function emptyFocusState(): FocusState {
  return {
    schema: 1,
    counters: {},
    startNumbers: {},
    users: {
      admin: { id: 'admin', name: 'Alex Admin', admin: true },
      sales: { id: 'sales', name: 'Sam Sales', admin: false },
    },
    companies: {},
    contacts: {},
    documents: {},
    bell: { capacity: DEFAULT_BELL_CAPACITY, notifications: [], hidden: [] },
    integration: null,
    ownCompany: demoOwnCompany(),
    bookkeepingExport: emptyBookkeepingExport(),
  };
}
