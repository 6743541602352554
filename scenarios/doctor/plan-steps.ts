import { lineNetCents, type Focus, type PlanAction, type PlanStep, type RepairPlan } from '../../core/index.js';
import { DIVISION, expectOk } from '../actions.js';
import { step, StepFailure, type ScenarioContext, type Step } from '../scenario.js';
import { journalScreenOf } from '../screens.js';

// A repair plan as scenario steps: each step does, on the world it plays in, exactly what the plan tells the person,
// with the plan's values, so the proof and the dashboard's walkthrough play it as a scenario is played.

/** Steps that only tell: why nothing can depend on them. */
const TELLS: Partial<Record<PlanAction['do'], string>> = {
  'show-booking-numbers': 'Adding a column to an overview changes neither Focus nor Exact Online.',
  'note-delink-date': 'Writing a date down changes nothing; the deactivate step fills it in.',
  'check-documents-from': 'Looking at the overview changes nothing; the deletion in Exact Online follows.',
  'write-down': 'Writing numbers down changes nothing; the correction step compares them with Exact Online.',
  'check-next-booking-numbers': 'Comparing changes nothing; the correction step sets what differs.',
  'note-settings': 'Writing the settings down changes nothing; reconnecting fills them in.',
  'move-delink-date-back': 'The date moves on paper; the deactivate step fills in the new one.',
  advice: 'Advice is read out; booklab cannot play it.',
};

/** The plan's procedures as repair steps, numbered as the checklist numbers them. */
export function planSteps(plan: RepairPlan): Step[] {
  let n = 0;
  return plan.procedures.flatMap((p) => p.steps.map((s) => toStep(s, (n += 1))));
}

function toStep(planned: PlanStep, n: number): Step {
  const title = `${n}. ${planned.title}`;
  const told = TELLS[planned.action.do];
  if (told !== undefined) return step('repair', title, planned.text, () => {}, told);
  return step('repair', title, planned.text, (ctx) => act(ctx, planned.action));
}

function focusDocument(focus: Focus, kind: string, number: string) {
  const found = Object.values(focus.state.documents).find((d) => d.kind === kind && d.number === number && d.status === 'booked');
  if (!found) throw new StepFailure(`Focus has no ${kind === 'invoice' ? 'invoice' : 'credit note'} ${number}.`);
  return found;
}

/**
 * The top of a journal's screen, where its next booking number shows: read from the journals alone, as the check needs
 * nothing below it and reading the journal's bookings too (thousands in a big case) would only cost time.
 */
async function journalScreenHead(ctx: ScenarioContext, code: string) {
  const journals = expectOk(await ctx.world.backOffice.journals(DIVISION), 'Reading the journals in Exact Online');
  const journal = journals.find((j) => j.code === code);
  if (!journal) throw new StepFailure(`Exact Online has no journal ${code}.`);
  return journalScreenOf(journal, []);
}

async function act(ctx: ScenarioContext, action: PlanAction): Promise<void> {
  const { world } = ctx;
  const division = world.division;
  switch (action.do) {
    case 'delete-in-exact': {
      if (action.bookings.length === 0) return;
      // One request for thousands of bookings, each deleted as one DELETE deletes it; a refusal reads as that DELETE's.
      const { refused } = expectOk(await world.backOffice.deleteBookings(division, action.bookings), 'Deleting the bookings');
      if (refused)
        expectOk(
          { ok: false, problem: { code: refused.code, status: refused.status, message: refused.message } },
          `Deleting booking ${refused.entryNumber} in journal ${refused.journal}`,
        );
      return;
    }
    case 'correct-next-booking-numbers':
      for (const c of action.checks) {
        const says = (await journalScreenHead(ctx, c.journal)).nextBookingNumber;
        if (says !== c.writtenDown)
          expectOk(
            await world.backOffice.setNextBookingNumber(division, c.journal, c.writtenDown),
            `Correcting journal ${c.journal}'s next booking number`,
          );
      }
      return;
    case 'set-next-booking-number':
      expectOk(
        await world.backOffice.setNextBookingNumber(division, action.journal, action.value),
        `Setting journal ${action.journal}'s next booking number`,
      );
      return;
    case 'deactivate':
      expectOk(world.deactivate('admin', { delinkDate: action.delinkDate, delinkContacts: false }), 'Deactivating the integration');
      return;
    case 'delete-in-focus':
      for (const d of action.documents)
        expectOk(world.focus.deleteDocument(focusDocument(world.focus, d.kind, d.number).id), `Deleting ${d.number} in Focus`);
      return;
    case 'reconnect': {
      const previous = world.focus.state.integration?.settings;
      expectOk(
        await world.connect('admin', {
          ...action.settings,
          importContacts: false,
          ...(previous ? { strategy: previous.strategy, tool: previous.tool, nightlySync: previous.nightlySync } : {}),
        }),
        'Reconnecting',
      );
      return;
    }
    case 'sync':
      await world.sync('manual');
      return;
    case 'clear-bell':
      world.focus.clearNotifications();
      return;
    case 'credit':
      expectOk(
        world.focus.credit(focusDocument(world.focus, 'invoice', action.document.number).id, { date: action.date }),
        `Crediting invoice ${action.document.number}`,
      );
      return;
    case 'edit-in-exact': {
      const d = focusDocument(world.focus, action.document.kind, action.document.number);
      const settings = world.focus.state.integration?.settings;
      const sign = d.kind === 'credit_note' ? -1 : 1;
      const lines = d.lines.map((l) => ({
        glAccountCode: settings?.ledgerMap[l.ledgerAccount ?? ''] ?? l.ledgerAccount ?? '',
        amountCents: sign * lineNetCents(l),
        description: l.description,
        ...(settings?.vatMap[String(l.vatRateBp)] ? { vatCode: settings.vatMap[String(l.vatRateBp)] } : {}),
      }));
      expectOk(
        await world.backOffice.editLines(division, action.booking.journal, action.booking.entryNumber, lines),
        `Editing booking ${action.booking.entryNumber}`,
      );
      return;
    }
    default:
      throw new StepFailure(`The plan step ${action.do} only tells; it cannot be played.`);
  }
}
