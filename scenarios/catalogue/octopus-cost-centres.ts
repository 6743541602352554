import type { DocumentKind, LineInput } from '../../core/index.js';
import { documentNumbered, expectSame } from '../actions.js';
import { editInExact } from '../exact-moves.js';
import { note } from '../notes.js';
import { StepFailure, type ScenarioContext } from '../scenario.js';
import { journalEntry } from '../screens.js';

/** What Focus says while editing a document synced to Octopus. */
const WARNING = note<string>("Focus's warning");

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

/**
 * Edits the lines of a document synced to Octopus in Focus (`doing` names the edit in a refusal) and checks the warning
 * Focus gives while editing, word for word (R11: the sync will push the edit and reset the cost centres).
 */
export function editSyncedDocument(
  ctx: ScenarioContext,
  {
    kind,
    number,
    doing,
    change,
    warning,
  }: { kind: DocumentKind; number: string; doing: string; change: (line: LineInput) => LineInput; warning: string },
): void {
  const document = documentNumbered(ctx, kind, number);
  const edited = ctx.world.focus.editLines(document.id, document.lines.map(change));
  if (!edited.ok) throw new StepFailure(`${doing} was refused: ${edited.problem.message}`);
  ctx.notes.write(WARNING, edited.warnings?.[0] ?? '(no warning)');
  expectSame(ctx.notes.read(WARNING), warning, 'The warning while editing');
}
