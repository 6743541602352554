// Over 250 lines: the whole state's schema and the types inferred from it in one place, so types, loading and restore cannot disagree.
import { z } from 'zod';

// The state is described once, as zod schemas: the TypeScript types are inferred from them,
// and the same schemas validate a data file on load and a document given to restore.

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const cents = z.number().int();
const epochMs = z.number().int();

/** The highest entry (booking) number: EntryNumber is an Int32 in Exact's API. */
export const MAX_ENTRY_NUMBER = 2_147_483_647;
const entryNumber = z.number().int().positive().max(MAX_ENTRY_NUMBER);
/** A journal's next booking number: one past the highest entry number once they are all used. */
const nextEntryNumber = z
  .number()
  .int()
  .positive()
  .max(MAX_ENTRY_NUMBER + 1);

/** An app registered for OAuth (Exact's "app registration"). Redirect URIs are accepted on `redirectHosts`. */
export const OAuthClientSchema = z.object({
  id: z.string().min(1),
  secret: z.string().min(1),
  name: z.string(),
  redirectHosts: z.array(z.string()),
});

/** An Exact user: the owner of tokens, with access to some divisions. */
export const UserSchema = z.object({
  id: guid,
  userName: z.string(),
  fullName: z.string(),
  email: z.string(),
  languageCode: z.string(),
  divisions: z.array(z.number().int()),
  currentDivision: z.number().int(),
});

/** Which bookkeeping product a division imitates. */
export const FlavourSchema = z.enum(['exact', 'octopus', 'yuki']);

/** An administration (Exact "division", Focus "department"). */
export const DivisionSchema = z.object({
  code: z.number().int().positive(),
  description: z.string(),
  hid: z.string(),
  status: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  flavour: FlavourSchema,
  /** Yuki: the domain whose daily call quota the division shares with the others on it; its own code when absent. */
  domain: z.string().min(1).optional(),
  created: epochMs,
});

/**
 * A journal (dagboek) with its master-data *next booking number* (R8).
 * Type: 10 Cash, 12 Bank, 16 Payment service, 20 Sales, 21 Return invoice, 22 Purchase, 90 General.
 */
export const JournalSchema = z.object({
  id: guid,
  division: z.number().int(),
  code: z.string().min(1),
  description: z.string(),
  type: z.number().int(),
  glAccountId: guid.nullable(),
  isBlocked: z.boolean(),
  firstEntryNumber: entryNumber,
  nextEntryNumber,
  nextEntryNumberByYear: z.record(z.string(), nextEntryNumber),
  /** Octopus: the journal type by name ('Sales bookings', 'Invoices', …); derived from `type` when absent. */
  typeName: z.string().min(1).optional(),
});

/** A general-ledger account. Type 110 is revenue, 20 receivables, 24 VAT. */
export const GLAccountSchema = z.object({
  id: guid,
  division: z.number().int(),
  code: z.string().min(1),
  description: z.string(),
  type: z.number().int(),
  balanceType: z.enum(['B', 'W']),
  vatCode: z.string().nullable(),
  isBlocked: z.boolean(),
});

/** A VAT code; the rate is kept in basis points (2100 = 21 %). */
export const VATCodeSchema = z.object({
  id: guid,
  division: z.number().int(),
  code: z.string().min(1),
  description: z.string(),
  rateBp: z.number().int().min(0),
  type: z.enum(['B', 'E', 'I', 'N']),
  vatTransactionType: z.enum(['B', 'P', 'S']),
});

/** A financial period of the period-date table, open or closed. */
export const FinancialPeriodSchema = z.object({
  id: guid,
  division: z.number().int(),
  finYear: z.number().int(),
  finPeriod: z.number().int(),
  startDate: isoDate,
  endDate: isoDate,
  closed: z.boolean(),
});

/** A relation (crm/Accounts). `code` is kept trimmed; the API pads it to 18 characters. */
export const AccountSchema = z.object({
  id: guid,
  division: z.number().int(),
  code: z.string().min(1).max(18),
  name: z.string(),
  status: z.enum(['A', 'S', 'P', 'C']),
  isSupplier: z.boolean(),
  vatNumber: z.string().nullable(),
  chamberOfCommerce: z.string().nullable(),
  email: z.string().nullable(),
  country: z.string().nullable(),
  blocked: z.boolean(),
  searchCode: z.string().nullable(),
  created: epochMs,
  modified: epochMs,
  timestamp: z.number().int(),
});

/** A payment registered against a sales entry. */
export const PaymentSchema = z.object({ date: isoDate, amountCents: cents });

/** A line of a sales entry; amounts exclude VAT. */
export const SalesEntryLineSchema = z.object({
  id: guid,
  lineNumber: z.number().int(),
  description: z.string().nullable(),
  quantity: z.number().nullable(),
  glAccountId: guid,
  amountCents: cents,
  vatCode: z.string().nullable(),
  vatRateBp: z.number().int(),
  vatAmountCents: cents,
  costCenter: z.string().nullable(),
  costUnit: z.string().nullable(),
  /** Deferred revenue: the range the line's revenue belongs to (Exact's `From`/`To`); kept only when given. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** The project the line is linked to (a GUID, not checked against a project list); kept only when given. */
  project: guid.optional(),
});

/** A booking in a sales journal. Type 20 sales entry, 21 credit note; status 20 Open, 50 Processed. */
export const SalesEntrySchema = z.object({
  id: guid,
  division: z.number().int(),
  journalCode: z.string(),
  entryNumber,
  entryDate: isoDate,
  dueDate: isoDate.nullable(),
  customerId: guid,
  yourRef: z.string().nullable(),
  description: z.string().nullable(),
  currency: z.string(),
  reportingYear: z.number().int(),
  reportingPeriod: z.number().int(),
  paymentCondition: z.string().nullable(),
  paymentReference: z.string().nullable(),
  orderNumber: z.number().int().nullable(),
  document: z.string().nullable(),
  lines: z.array(SalesEntryLineSchema),
  type: z.union([z.literal(20), z.literal(21)]),
  status: z.union([z.literal(20), z.literal(50)]),
  payments: z.array(PaymentSchema),
  /** Receivable id (`HID` of ReceivablesList). */
  hid: z.number().int(),
  created: epochMs,
  modified: epochMs,
  /** Row version, read by sync/Financial/TransactionLines. */
  timestamp: z.number().int(),
});

/** A row of sync/Deleted. EntityType 1 TransactionLines, 2 Accounts. */
export const DeletedRecordSchema = z.object({
  id: guid,
  division: z.number().int(),
  entityKey: z.string(),
  entityType: z.number().int(),
  deletedBy: z.string(),
  deletedDate: epochMs,
  timestamp: z.number().int(),
});

/** A single-use authorization code of the OAuth code flow. */
export const AuthCodeSchema = z.object({
  code: z.string(),
  clientId: z.string(),
  userId: z.string(),
  redirectUri: z.string(),
  expiresAt: epochMs,
  used: z.boolean(),
});

/** A bearer token for API calls. */
export const AccessTokenSchema = z.object({
  token: z.string(),
  clientId: z.string(),
  userId: z.string(),
  issuedAt: epochMs,
  expiresAt: epochMs,
});

/** A refresh token; a used one is kept so that reuse can be told apart from an unknown token. */
export const RefreshTokenSchema = z.object({
  token: z.string(),
  clientId: z.string(),
  userId: z.string(),
  expiresAt: epochMs,
  usedAt: epochMs.nullable(),
});

/** API calls a Yuki domain made on one UTC day, counted against its daily quota. */
export const QuotaUsageSchema = z.object({ dayStart: epochMs, calls: z.number().int().min(0) });

const keyed = <T extends z.ZodType>(entity: T) => z.record(z.string(), entity);

/** The accounting side's whole state: one record per collection, keyed by the entity's id. */
export const MockStateSchema = z.object({
  schema: z.literal(1),
  /** Scalar counters: `rowVersion` (sync timestamps), `hid` (receivable ids). */
  meta: keyed(z.number().int()),
  clients: keyed(OAuthClientSchema),
  users: keyed(UserSchema),
  divisions: keyed(DivisionSchema),
  journals: keyed(JournalSchema),
  glAccounts: keyed(GLAccountSchema),
  vatCodes: keyed(VATCodeSchema),
  periods: keyed(FinancialPeriodSchema),
  accounts: keyed(AccountSchema),
  salesEntries: keyed(SalesEntrySchema),
  deleted: keyed(DeletedRecordSchema),
  authCodes: keyed(AuthCodeSchema),
  accessTokens: keyed(AccessTokenSchema),
  refreshTokens: keyed(RefreshTokenSchema),
  /** Yuki's daily call count per domain: in the state, so a restart, a snapshot and a restore keep it as Yuki does. */
  quotaUsage: keyed(QuotaUsageSchema).default({}),
});

export type MockState = z.infer<typeof MockStateSchema>;
export type OAuthClient = z.infer<typeof OAuthClientSchema>;
export type User = z.infer<typeof UserSchema>;
export type Flavour = z.infer<typeof FlavourSchema>;
export type Division = z.infer<typeof DivisionSchema>;
export type Journal = z.infer<typeof JournalSchema>;
export type GLAccount = z.infer<typeof GLAccountSchema>;
export type VATCode = z.infer<typeof VATCodeSchema>;
export type FinancialPeriod = z.infer<typeof FinancialPeriodSchema>;
export type Account = z.infer<typeof AccountSchema>;
export type Payment = z.infer<typeof PaymentSchema>;
export type SalesEntryLine = z.infer<typeof SalesEntryLineSchema>;
export type SalesEntry = z.infer<typeof SalesEntrySchema>;
export type DeletedRecord = z.infer<typeof DeletedRecordSchema>;
export type AuthCode = z.infer<typeof AuthCodeSchema>;
export type QuotaUsage = z.infer<typeof QuotaUsageSchema>;
export type AccessToken = z.infer<typeof AccessTokenSchema>;
export type RefreshToken = z.infer<typeof RefreshTokenSchema>;

/** The names of the keyed collections of {@link MockState}. */
export type CollectionName = Exclude<keyof MockState, 'schema'>;

/** The entity type stored in a collection. */
export type EntityOf<C extends CollectionName> = MockState[C][string];
