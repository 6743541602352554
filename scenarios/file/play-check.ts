import { checkInvariants } from '../../core/index.js';
import { expectBell, expectBooked, expectJournal } from '../expectations.js';
import { invariantIds } from '../session.js';
import { StepFailure, type ScenarioContext } from '../scenario.js';
import type { FileCheck } from './checks-schema.js';

// Checks one expectation of a scenario file with the checks of scenarios/expectations.ts, against the story's literals.

/** Fails the step unless what `check` states holds now. */
export async function playCheck(ctx: ScenarioContext, check: FileCheck): Promise<void> {
  switch (check.expect) {
    case 'booked':
      return expectBooked(ctx, check.kind, check.rows);
    case 'journal':
      return expectJournal(ctx, check.journal, check.entries, check.next);
    case 'bell':
      return expectBell(ctx, check.text);
    case 'violations': {
      const found = invariantIds(await checkInvariants(ctx.world));
      const wanted = [...new Set(check.invariants)].sort();
      if (found.join(',') !== wanted.join(','))
        throw new StepFailure(`The checker names ${found.join(', ') || 'nothing'}, not ${wanted.join(', ') || 'nothing'}.`);
      return;
    }
  }
}
