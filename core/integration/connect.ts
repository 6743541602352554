import { isIsoDay } from '../../primitives/index.js';
import { done, problems, refuse, type FocusResult } from '../focus/problems.js';
import type { IntegrationSettings } from '../focus/state.js';
import type { IntegrationContext } from './context.js';
import { DEFAULT_VAT_MAP } from './defaults.js';

/** What the "Connect Exact Online" screen asks (R13). */
export interface ConnectInput {
  /** Administration (division); the user's current one when absent. */
  division?: number;
  startDate: string;
  invoiceJournal: string;
  creditNoteJournal: string;
  /** "Import contacts and companies": creates a company per accounting relation, duplicates included (R13). */
  importContacts?: boolean;
  /** The automatic sync at night (R17); off by default, on by default for Yuki. */
  nightlySync?: boolean;
  ledgerMap?: Record<string, string>;
  vatMap?: Record<string, string>;
  strategy?: IntegrationSettings['strategy'];
  tool?: IntegrationSettings['tool'];
}

/** What connecting did. */
export interface ConnectReport {
  settings: IntegrationSettings;
  importedCompanies: number;
}

/** What the "Deactivate" dialog asks (R12). */
export interface DeactivateInput {
  /** Every invoice and credit note dated on or after it loses its link and booking number. */
  delinkDate: string;
  /** "Also delink contacts and companies" (the repair procedures say: leave it off). */
  delinkContacts?: boolean;
}

/** What deactivating did. */
export interface DeactivateReport {
  delinkedDocuments: string[];
  delinkedCompanies: number;
}

/** Connects (or reconnects) the integration: admin only (R4), OAuth, journals checked, optional import (R13). */
export async function connect(ctx: IntegrationContext, userId: string, input: ConnectInput): Promise<FocusResult<ConnectReport>> {
  const { focus, exact } = ctx;
  if (!focus.user(userId)?.admin) return refuse(problems.notAdmin());
  if (focus.state.integration?.active) return refuse(problems.integrationActive());
  if (!isIsoDay(input.startDate)) return refuse(problems.invalid('The start date must be YYYY-MM-DD.'));
  const tool = input.tool ?? 'exact';
  let settings: IntegrationSettings = {
    tool,
    division: input.division ?? 0,
    startDate: input.startDate,
    invoiceJournal: input.invoiceJournal,
    creditNoteJournal: input.creditNoteJournal,
    // Yuki takes invoices once a night (support.yuki.be), so its nightly sync is on unless switched off.
    nightlySync: input.nightlySync ?? tool === 'yuki',
    ledgerMap: input.ledgerMap ?? {},
    vatMap: input.vatMap ?? DEFAULT_VAT_MAP,
    strategy: input.strategy ?? 'faithful',
  };
  const previous = focus.integration.open(settings);
  const failed = (problem: Parameters<typeof refuse>[0]) => {
    focus.integration.restore(previous);
    return refuse(problem);
  };

  const tokens = await exact.connect();
  if (!tokens.ok) return failed(problems.accountingUnreachable(tokens.problem.message));
  if (input.division === undefined) {
    const current = await exact.currentDivision();
    if (!current.ok) return failed(problems.accountingUnreachable(current.problem.message));
    settings = { ...settings, division: current.value };
    focus.integration.setSettings(settings);
  }
  const journals = await exact.getAll<{ Code: string }>(settings.division, 'financial/Journals', { $select: 'Code' });
  if (!journals.ok) return failed(problems.accountingUnreachable(journals.problem.message));
  for (const journal of [settings.invoiceJournal, settings.creditNoteJournal]) {
    if (!journals.value.some((j) => j.Code === journal)) return failed(problems.unknownJournal(journal, settings.division));
  }

  let importedCompanies = 0;
  if (input.importContacts) {
    const imported = await importCompanies(ctx, settings.division);
    if (!imported.ok) return failed(imported.problem);
    importedCompanies = imported.value;
  }
  focus.integration.activate();
  return done({ settings, importedCompanies });
}

/**
 * Imports every relation of the administration as a new company, as the real import does: it does not look
 * for a company that already exists, so existing ones are duplicated (R13).
 */
async function importCompanies(ctx: IntegrationContext, division: number): Promise<FocusResult<number>> {
  const accounts = await ctx.exact.getAll<{
    ID: string;
    Code: string;
    Name: string;
    VATNumber: string | null;
    Country: string | null;
    Email: string | null;
  }>(division, 'sync/CRM/Accounts', { $filter: 'Timestamp gt 1L', $select: 'ID,Code,Name,VATNumber,Country,Email' });
  if (!accounts.ok) return refuse(problems.accountingUnreachable(accounts.problem.message));
  const origin = ctx.focus.nextId('import');
  for (const account of accounts.value) {
    ctx.focus.addCompany({
      name: account.Name,
      vatNumber: account.VATNumber,
      country: account.Country ?? 'BE',
      email: account.Email,
      accountingId: account.ID,
      accountingCode: account.Code.trim(),
      origin,
    });
  }
  return done(accounts.value.length);
}

/**
 * Deactivates the integration (R12): admin only (R4); every invoice and credit note dated on or after the
 * delink date loses its link and booking number; contacts and companies too when asked.
 */
export function deactivate(
  ctx: IntegrationContext,
  userId: string,
  { delinkDate, delinkContacts = false }: DeactivateInput,
): FocusResult<DeactivateReport> {
  const { focus } = ctx;
  if (!focus.user(userId)?.admin) return refuse(problems.notAdmin());
  const integration = focus.state.integration;
  if (!integration?.active) return refuse(problems.integrationInactive());
  if (!isIsoDay(delinkDate)) return refuse(problems.invalid('The delink date must be YYYY-MM-DD.'));
  const delinkedDocuments: string[] = [];
  for (const document of Object.values(focus.state.documents)) {
    if (document.date < delinkDate || (document.link === null && document.bookingNumber === null)) continue;
    focus.integration.delink(document.id);
    delinkedDocuments.push(document.number ?? document.id);
  }
  let delinkedCompanies = 0;
  if (delinkContacts) {
    for (const company of Object.values(focus.state.companies)) {
      if (company.accountingId === null) continue;
      focus.integration.linkCompany(company.id, null, null);
      delinkedCompanies += 1;
    }
    focus.integration.unlinkContacts();
  }
  focus.integration.deactivate(delinkDate);
  return done({ delinkedDocuments, delinkedCompanies });
}
