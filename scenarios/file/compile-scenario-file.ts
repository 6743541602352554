import { expectReproduced } from '../expectations.js';
import {
  bellSays,
  checkerNames,
  checkDocumentsFrom,
  checkNextBookingNumbers,
  connectFirstTime,
  correctNextBookingNumbers,
  deactivateWithDelinkDate,
  deleteInExactFrom,
  deleteSyncedDocuments,
  deleteUnneededInFocus,
  moveDelinkDateBack,
  noteDateShownTwice,
  noteDateToDelete,
  noteDoubleNumberDate,
  noteIntegrationSettings,
  reconnect,
  repairFromDate,
  showBookingNumbers,
  shownTwiceInExact,
  syncAgain,
  writeDownOldestDeleted,
  type ReconnectOptions,
} from '../procedures.js';
import { defineScenario, narrationStep, step, type Scenario, type Step } from '../scenario.js';
import { playAction } from './play-action.js';
import { playCheck } from './play-check.js';
import type { ScenarioFile } from './scenario-file-schema.js';
import type { FileStep, PlanStep, ProcedureStep, StoryStep } from './steps-schema.js';

// A validated scenario file made into a Scenario: story steps run the file's actions and checks, procedure steps and
// plans are the very steps of scenarios/procedure/, so the runner, the reporters and the walkthrough play it as any other.

/** A story step: its actions, then its checks (in setup and reproduce under the faithful strategy only, as expectReproduced does). */
function storyStep(s: StoryStep): Step {
  if (s.narrationOnly !== undefined) return narrationStep(s.phase, s.title, s.narration, s.narrationOnly);
  const reproduction = s.phase === 'setup' || s.phase === 'reproduce';
  return step(s.phase, s.title, s.narration, async (ctx) => {
    for (const action of s.actions) await playAction(ctx, action);
    const checkAll = async () => {
      for (const check of s.checks) await playCheck(ctx, check);
    };
    if (reproduction) await expectReproduced(ctx, checkAll);
    else await checkAll();
  });
}

function procedureStep(s: ProcedureStep): Step {
  switch (s.procedure) {
    case 'connect-first-time':
      return connectFirstTime();
    case 'bell-says':
      return bellSays(s.text);
    case 'checker-names':
      return checkerNames(s.violations, s.meaning);
    case 'shown-twice-in-exact':
      return shownTwiceInExact(s.kind, s.journal, s.number, s.entries, s.description);
    case 'show-booking-numbers':
      return showBookingNumbers();
    case 'note-double-number-date':
      return noteDoubleNumberDate(s.kind);
    case 'note-date-to-delete':
      return noteDateToDelete(s.kind, s.numbers);
    case 'note-date-shown-twice':
      return noteDateShownTwice(s.kind);
    case 'check-documents-from':
      return checkDocumentsFrom(s.kind);
    case 'move-delink-date-back':
      return moveDelinkDateBack(s.kind);
    case 'delete-in-exact-from':
      return deleteInExactFrom();
    case 'write-down-oldest-deleted':
      return writeDownOldestDeleted(s.rule);
    case 'check-next-booking-numbers':
      return checkNextBookingNumbers();
    case 'correct-next-booking-numbers':
      return correctNextBookingNumbers();
    case 'note-integration-settings':
      return noteIntegrationSettings();
    case 'deactivate-with-delink-date':
      return deactivateWithDelinkDate({ delinkContacts: s.delinkContacts });
    case 'delete-unneeded-in-focus':
      return deleteUnneededInFocus(s.kind);
    case 'reconnect':
      return reconnect(reconnectOptions(s));
    case 'sync-again':
      return syncAgain();
  }
}

/** The reconnect choices a file states; the article's own (original start date, same journals, no import) for the rest. */
function reconnectOptions({ importContacts, startDate, swapJournals }: ReconnectOptions): ReconnectOptions {
  return { importContacts, startDate, swapJournals };
}

function planSteps(s: PlanStep): Step[] {
  switch (s.plan) {
    case 'P-samenumber':
      return repairFromDate(noteDoubleNumberDate(s.kind), {
        kind: s.kind,
        writeDown: 'one-higher-if-double',
        delinkContacts: s.delinkContacts,
        ...reconnectOptions(s),
      });
    case 'P-twice':
      return repairFromDate(noteDateShownTwice(s.kind), {
        kind: s.kind,
        writeDown: 'after-last-kept',
        delinkContacts: s.delinkContacts,
        ...reconnectOptions(s),
      });
    case 'P-delete':
      return deleteSyncedDocuments(s.kind, s.numbers, reconnectOptions(s));
  }
}

function stepsOf(s: FileStep): Step[] {
  if ('plan' in s) return planSteps(s);
  if ('procedure' in s) return [procedureStep(s)];
  return [storyStep(s)];
}

/**
 * The Scenario a validated file describes. Throws a TypeError (from defineScenario) when the steps it expands to
 * break a scenario's shape, such as two steps with the same title; the reader turns it into a refusal.
 */
export function compileScenarioFile(file: ScenarioFile): Scenario {
  const world = file.world && {
    ...(file.world.seed ? { seed: file.world.seed } : {}),
    ...(file.world.clock ? { clock: file.world.clock } : {}),
  };
  return defineScenario({
    id: file.id,
    title: file.title,
    sources: file.sources,
    rules: file.rules,
    expected: file.expected,
    ...(file.symptomInvariants ? { symptomInvariants: file.symptomInvariants } : {}),
    ...(file.finding === undefined ? {} : { finding: file.finding }),
    ...(world ? { world } : {}),
    steps: file.steps.flatMap(stepsOf),
  });
}
