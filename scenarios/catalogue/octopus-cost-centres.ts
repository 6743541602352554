import { editInExact } from '../exact-moves.js';
import type { ScenarioContext } from '../scenario.js';
import { journalEntry } from '../screens.js';

/** A booking line as the accountant types it again in Octopus: revenue account 700000 at 21 % VAT, with a cost centre. */
export interface CostCentreLine {
  description: string;
  amountCents: number;
  costCenter: string;
}

/** The cost centres of booking 1 of `journal` in Octopus, line by line: "INSTALL, STOCK" ("none" for a line without one). */
export async function costCentres(ctx: ScenarioContext, journal: string): Promise<string> {
  return (await journalEntry(ctx, journal, 1)).lines.map((l) => l.costCentre ?? 'none').join(', ');
}

/** The accountant opens booking 1 of `journal` in Octopus and types its lines again with their cost centres. */
export async function assignCostCentres(ctx: ScenarioContext, journal: string, lines: readonly CostCentreLine[]): Promise<void> {
  await editInExact(
    ctx,
    journal,
    1,
    lines.map(({ description, amountCents, costCenter }) => ({
      glAccountCode: '700000',
      amountCents,
      vatCode: '21',
      description,
      costCenter,
    })),
  );
}
