import type { CustomerImport, ExportRecord, LedgerAccount } from './export-state.js';
import type { FocusState } from './state.js';

/**
 * What the one-way bookkeeping export (R18–R24, core/export) records in Focus (`focus.bookkeepingExport`): external
 * IDs, customer imports, the wallet, the ledger accounts and the exports made. core/export decides; Focus records,
 * so its state has one writer, core/focus.
 */
export class FocusExport {
  constructor(private readonly state: () => FocusState) {}

  /** Turns "Manually editable" on or off (Manage external IDs, R18). */
  setManuallyEditable(on: boolean): void {
    this.state().bookkeepingExport.externalIds.manuallyEditable = on;
  }

  /** A company's external ID, or none (null). */
  setExternalId(companyId: string, externalId: string | null): void {
    const company = this.state().companies[companyId];
    if (!company) throw new Error(`[booklab] No company ${companyId} in Focus: the export sets IDs only of companies it read there.`);
    company.externalId = externalId;
  }

  /**
   * Generated external IDs (R20): each company gets its ID, the counter `counter` remembers how many numbers from the
   * start value are used up, and the start value is kept in the settings.
   */
  recordGeneratedIds(
    assignments: ReadonlyArray<{ companyId: string; externalId: string }>,
    counter: string,
    used: number,
    startValue: number,
  ): void {
    for (const { companyId, externalId } of assignments) this.setExternalId(companyId, externalId);
    const state = this.state();
    state.counters[counter] = used;
    state.bookkeepingExport.externalIds.startValue = startValue;
  }

  /** A customer import, so that it can be undone (R18). */
  recordImport(record: CustomerImport): void {
    this.state().bookkeepingExport.externalIds.imports[record.id] = record;
  }

  /** Undoing an import removes a company it created. */
  removeImportedCompany(companyId: string): void {
    delete this.state().companies[companyId];
  }

  /** An import has been undone: it cannot be undone twice. */
  markImportUndone(importId: string): void {
    const record = this.state().bookkeepingExport.externalIds.imports[importId];
    if (!record) throw new Error(`[booklab] No import ${importId} in Focus: only a recorded import can be undone.`);
    record.undone = true;
  }

  /** Charges the wallet for documents not charged before, each at `feeCents`, `totalCents` in all (R22). */
  charge(documentIds: readonly string[], at: string, feeCents: number, totalCents: number): void {
    const { wallet } = this.state().bookkeepingExport;
    for (const id of documentIds) {
      if (!wallet.charged[id]) wallet.charged[id] = { at, feeCents };
    }
    wallet.balanceCents -= totalCents;
  }

  /** Adds credit to the wallet; returns the new balance. */
  topUp(cents: number): number {
    const { wallet } = this.state().bookkeepingExport;
    wallet.balanceCents += cents;
    return wallet.balanceCents;
  }

  /** An export whose files are saved (R24). */
  recordExport(record: ExportRecord): void {
    this.state().bookkeepingExport.exports.push(record);
  }

  /** A new ledger account of Focus's own list (R21). */
  addLedgerAccount(account: LedgerAccount): void {
    this.state().bookkeepingExport.ledger.accounts[account.code] = account;
  }

  /** The account for commercial discounts, or none (R21). */
  setDiscountAccount(code: string | null): void {
    this.state().bookkeepingExport.ledger.discountAccount = code;
  }

  /** The account a new line at this VAT rate gets, or none (R21). */
  setAutoSuggest(vatRateBp: number, code: string | null): void {
    const { ledger } = this.state().bookkeepingExport;
    if (code === null) delete ledger.autoSuggest[String(vatRateBp)];
    else ledger.autoSuggest[String(vatRateBp)] = code;
  }
}
