import type { Focus } from '../focus/focus.js';
import { EXPORT_FEE_CENTS } from '../focus/export-state.js';
import { done, problems, refuse, type FocusResult } from '../focus/problems.js';
import type { FocusDocument, FocusState } from '../focus/state.js';

/** The cost step of the export wizard (R22): what the selection costs and whether the wallet covers it. */
export interface ExportCost {
  /** Documents in the selection. */
  documents: number;
  /** Documents paid for by an earlier export: exporting them again is free. */
  alreadyPaid: number;
  /** Documents this export charges for. */
  toCharge: number;
  feeCents: number;
  balanceCents: number;
  /** The wallet covers the fee. */
  enough: boolean;
}

/** What the selection costs: EUR 0.12 per document not charged before (R22). */
export function exportCost(state: FocusState, documents: readonly FocusDocument[]): ExportCost {
  const { wallet } = state.bookkeepingExport;
  const toCharge = documents.filter((d) => !wallet.charged[d.id]).length;
  const feeCents = toCharge * EXPORT_FEE_CENTS;
  return {
    documents: documents.length,
    alreadyPaid: documents.length - toCharge,
    toCharge,
    feeCents,
    balanceCents: wallet.balanceCents,
    enough: wallet.balanceCents >= feeCents,
  };
}

/**
 * Charges the wallet for the documents not paid for yet, each once (R22). Too little in the wallet is refused
 * before anything is charged, so a refused export leaves the wallet and the documents as they were.
 */
export function payForExport(focus: Focus, documents: readonly FocusDocument[]): FocusResult<ExportCost> {
  const cost = exportCost(focus.state, documents);
  if (!cost.enough) return refuse(problems.insufficientFunds(cost.feeCents, cost.balanceCents));
  const at = new Date(focus.clock.now()).toISOString();
  focus.bookkeepingExport.charge(
    documents.map((d) => d.id),
    at,
    EXPORT_FEE_CENTS,
    cost.feeCents,
  );
  return done(cost);
}

/** Adds credit to the wallet (what buying credits in Focus does). */
export function topUpWallet(focus: Focus, cents: number): FocusResult<number> {
  if (!Number.isInteger(cents) || cents <= 0) return refuse(problems.invalid(`A top-up must be a positive number of cents, got ${cents}.`));
  return done(focus.bookkeepingExport.topUp(cents));
}
