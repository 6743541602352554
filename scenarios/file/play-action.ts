import type { FocusResult } from '../../core/index.js';
import {
  book,
  bookByHand,
  creditInvoice,
  deleteInExact,
  demoConnection,
  DIVISION,
  documentNumbered,
  editInExact,
  expectOk,
  expectRefused,
  line,
  loseNextAnswer,
  payInExact,
  setAmountToZero,
  syncNow,
  tryDeleteInFocus,
} from '../actions.js';
import { word } from '../procedure/words.js';
import { StepFailure, type ScenarioContext } from '../scenario.js';
import type { FileAction } from './actions-schema.js';
import type { LineSchema } from './fields.js';
import type { z } from 'zod';

// Plays one action of a scenario file with the moves of scenarios/actions.ts: a file and a TypeScript scenario act
// through the same functions, so they refuse, number and narrate alike.

const DAY_MS = 86_400_000;

/** A file's line as Focus takes it: services at 21 % on 700000 unless the file says otherwise. */
function focusLine({ unitPriceCents, ...overrides }: z.output<typeof LineSchema>) {
  return line(unitPriceCents, overrides);
}

/** Success, or the refusal the story expects instead (`refused`). */
function settle<T>(result: FocusResult<T>, doing: string, refused: { code: string; words: string[] } | undefined): void {
  if (refused) expectRefused(result, doing, refused.code as Parameters<typeof expectRefused>[2], refused.words);
  else expectOk(result, doing);
}

/** Plays `action` in the scenario's world; a refusal the story does not expect fails the step. */
export async function playAction(ctx: ScenarioContext, action: FileAction): Promise<void> {
  switch (action.do) {
    case 'connect': {
      const { do: _, user, refused, ...options } = action;
      return settle(await ctx.world.connect(user, demoConnection(ctx, options)), 'Connecting Exact Online', refused);
    }
    case 'deactivate':
      return settle(ctx.world.deactivate(action.user, { delinkDate: action.delinkDate, delinkContacts: action.delinkContacts }), 'Deactivating the integration', action.refused);
    case 'book':
      book(ctx, action.number, { kind: action.kind, date: action.date, customer: action.customer, ...(action.lines ? { lines: action.lines.map(focusLine) } : {}) });
      return;
    case 'credit':
      creditInvoice(ctx, action.invoice, { date: action.date, creditNote: action.creditNote });
      return;
    case 'sync':
      await syncNow(ctx);
      return;
    case 'nightly-sync':
      await ctx.world.sync('nightly');
      return;
    case 'pass-days':
      await ctx.world.advance(action.days * DAY_MS);
      return;
    case 'delete-in-exact':
      await deleteInExact(ctx, action.journal, action.entryNumber);
      return;
    case 'book-by-hand': {
      const { do: _, journal, entryNumber, ...booking } = action;
      const given = await bookByHand(ctx, journal, booking);
      if (entryNumber !== undefined && given !== entryNumber) throw new StepFailure(`Exact numbered the booking by hand ${given}, not ${entryNumber}.`);
      return;
    }
    case 'lose-next-answer':
      await loseNextAnswer(ctx);
      return;
    case 'delete-in-focus':
      return settle(tryDeleteInFocus(ctx, action.kind, action.number), `Deleting ${word(action.kind)} ${action.number}`, action.refused);
    case 'edit':
      expectOk(ctx.world.focus.editLines(documentNumbered(ctx, action.kind, action.number).id, action.lines.map(focusLine)), `Editing ${word(action.kind)} ${action.number}`);
      return;
    case 'set-amount-to-zero':
      setAmountToZero(ctx, action.kind, action.number);
      return;
    case 'set-next-booking-number':
      expectOk(await ctx.world.backOffice.setNextBookingNumber(DIVISION, action.journal, action.next), `Correcting journal ${action.journal}'s next booking number`);
      return;
    case 'close-period':
      expectOk(await ctx.world.backOffice.setPeriodClosed(DIVISION, action.year, action.period, action.closed), `${action.closed ? 'Closing' : 'Reopening'} period ${action.year}/${action.period}`);
      return;
    case 'pay-in-exact':
      await payInExact(ctx, action.journal, action.entryNumber);
      return;
    case 'edit-in-exact':
      await editInExact(ctx, action.journal, action.entryNumber, action.lines);
      return;
    case 'update-settings': {
      const { do: _, user, ...change } = action;
      expectOk(ctx.world.updateSettings(user, change), 'Changing the integration settings');
      return;
    }
  }
}
