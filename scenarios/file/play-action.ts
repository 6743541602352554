import type { FocusResult } from '../../core/index.js';
import { DAY_MS } from '../../primitives/index.js';
import {
  book,
  creditInvoice,
  demoConnection,
  DIVISION,
  documentNumbered,
  expectOk,
  expectRefused,
  line,
  setAmountToZero,
  syncNow,
  tryDeleteInFocus,
} from '../actions.js';
import { bookByHand, deleteInExact, editInExact, loseNextAnswer, payInExact } from '../exact-moves.js';
import { word } from '../procedure/words.js';
import { StepFailure, type ScenarioContext } from '../scenario.js';
import type { FileAction } from './actions-schema.js';
import type { LineSchema } from './fields.js';
import type { z } from 'zod';

// Plays one action of a scenario file with the moves of scenarios/actions.ts: a file and a TypeScript scenario act
// through the same functions, so they refuse, number and narrate alike.

/** A file's line as Focus takes it: services at 21 % on 700000 unless the file says otherwise. */
function focusLine({ unitPriceCents, ...overrides }: z.output<typeof LineSchema>) {
  return line(unitPriceCents, overrides);
}

/** Success, or the refusal the story expects instead (`refused`). */
function settle<T>(result: FocusResult<T>, doing: string, refused: { code: string; words: string[] } | undefined): void {
  if (refused) expectRefused(result, doing, refused.code as Parameters<typeof expectRefused>[2], refused.words);
  else expectOk(result, doing);
}

/** The actions Focus may refuse as part of the story (the file then says `refused`). */
export type RefusableAction = Extract<FileAction, { do: 'connect' | 'deactivate' | 'delete-in-focus' }>;

/** True for an action Focus may refuse as part of the story. */
export function isRefusable(action: FileAction): action is RefusableAction {
  return action.do === 'connect' || action.do === 'deactivate' || action.do === 'delete-in-focus';
}

/** What Focus answers to a refusable action, refusal included, and what it is called in a message. */
export async function attemptRefusable(
  ctx: ScenarioContext,
  action: RefusableAction,
): Promise<{ result: FocusResult<unknown>; doing: string }> {
  switch (action.do) {
    case 'connect': {
      const { do: _, user, refused: __, ...options } = action;
      return { result: await ctx.world.connect(user, demoConnection(ctx, options)), doing: 'Connecting Exact Online' };
    }
    case 'deactivate':
      return {
        result: ctx.world.deactivate(action.user, { delinkDate: action.delinkDate, delinkContacts: action.delinkContacts }),
        doing: 'Deactivating the integration',
      };
    case 'delete-in-focus':
      return { result: tryDeleteInFocus(ctx, action.kind, action.number), doing: `Deleting ${word(action.kind)} ${action.number}` };
  }
}

/** Plays `action` in the scenario's world; a refusal the story does not expect fails the step. */
export async function playAction(ctx: ScenarioContext, action: FileAction): Promise<void> {
  if (isRefusable(action)) {
    const { result, doing } = await attemptRefusable(ctx, action);
    return settle(result, doing, action.refused);
  }
  switch (action.do) {
    case 'book':
      book(ctx, action.number, {
        kind: action.kind,
        date: action.date,
        customer: action.customer,
        ...(action.lines ? { lines: action.lines.map(focusLine) } : {}),
      });
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
      if (entryNumber !== undefined && given !== entryNumber)
        throw new StepFailure(`Exact numbered the booking by hand ${given}, not ${entryNumber}.`);
      return;
    }
    case 'lose-next-answer':
      await loseNextAnswer(ctx);
      return;
    case 'edit':
      expectOk(
        ctx.world.focus.editLines(documentNumbered(ctx, action.kind, action.number).id, action.lines.map(focusLine)),
        `Editing ${word(action.kind)} ${action.number}`,
      );
      return;
    case 'set-amount-to-zero':
      setAmountToZero(ctx, action.kind, action.number);
      return;
    case 'set-next-booking-number':
      expectOk(
        await ctx.world.backOffice.setNextBookingNumber(DIVISION, action.journal, action.next),
        `Correcting journal ${action.journal}'s next booking number`,
      );
      return;
    case 'close-period':
      expectOk(
        await ctx.world.backOffice.setPeriodClosed(DIVISION, action.year, action.period, action.closed),
        `${action.closed ? 'Closing' : 'Reopening'} period ${action.year}/${action.period}`,
      );
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
