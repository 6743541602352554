import type { Line } from './state.js';

/** A line as callers give it: only description, quantity, price and VAT rate are required. */
export type LineInput = Pick<Line, 'description' | 'quantity' | 'unitPriceCents' | 'vatRateBp'> & Partial<Line>;

/**
 * Fills in a line's defaults. A line without a ledger account gets the account suggested for its VAT rate,
 * as "Auto-suggest accounts at certain VAT-tariffs" does when a new line's VAT rate is selected (R21).
 */
export function completeLine(line: LineInput, autoSuggest: Readonly<Record<string, string>> = {}): Line {
  return {
    description: line.description,
    quantity: line.quantity,
    unitPriceCents: line.unitPriceCents,
    vatRateBp: line.vatRateBp,
    ledgerAccount: line.ledgerAccount ?? suggestedAccount(autoSuggest, line.vatRateBp),
    discountBp: line.discountBp ?? 0,
    costCentre: line.costCentre ?? null,
  };
}

/** The account auto-suggested for a VAT rate (basis points), or null when none is set (R21). */
export function suggestedAccount(autoSuggest: Readonly<Record<string, string>>, vatRateBp: number): string | null {
  return autoSuggest[String(vatRateBp)] ?? null;
}
