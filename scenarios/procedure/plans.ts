import type { DocumentKind } from '../../core/index.js';
import { expectBell, expectNamed, namedInWords, type Named } from '../expectations.js';
import { step, StepFailure, type Step } from '../scenario.js';
import { journalScreen } from '../screens.js';
import {
  checkNextBookingNumbers,
  correctNextBookingNumbers,
  deleteInExactFrom,
  writeDownOldestDeleted,
  type WriteDownRule,
} from './booking-numbers.js';
import { checkDocumentsFrom, noteDateToDelete, showBookingNumbers } from './delink-date.js';
import {
  deactivateWithDelinkDate,
  deleteUnneededInFocus,
  noteIntegrationSettings,
  reconnect,
  syncAgain,
  type ReconnectOptions,
} from './integration.js';
import { kindsFrom, word } from './words.js';

// The repair procedures as sequences of steps, and the symptoms they start from. A mistake scenario passes
// its one wrong choice as an option; a variant adds its one extra step.

/** The options of {@link repairFromDate}: the article's write-down rule, and the choices a mistake or variant changes. */
export interface RepairFromDateOptions extends ReconnectOptions {
  /** Which kind the case is about (the other kind is checked from the delink date on). */
  kind: DocumentKind;
  writeDown: WriteDownRule;
  delinkContacts?: boolean;
  /** Steps a variant adds just before deactivating (the step that completes P-samenumber). */
  beforeDeactivating?: Step[];
  /** What a mistake does instead of correcting the next booking numbers to the ones written down. */
  correcting?: Step;
}

/**
 * The common body of P-twice and P-samenumber once the delink date is written down (`dateStep`): the booking number
 * column, the other kind's documents, deletion in Exact, the numbers to write down, the check of the next booking
 * numbers and its correction, the settings, deactivate, reconnect, sync.
 */
export function repairFromDate(
  dateStep: Step,
  {
    kind,
    writeDown,
    delinkContacts,
    beforeDeactivating = [],
    correcting = correctNextBookingNumbers(),
    ...reconnecting
  }: RepairFromDateOptions,
): Step[] {
  return [
    showBookingNumbers(),
    dateStep,
    checkDocumentsFrom(kindsFrom(kind)[1]),
    deleteInExactFrom(),
    writeDownOldestDeleted(writeDown),
    checkNextBookingNumbers(),
    correcting,
    noteIntegrationSettings(),
    ...beforeDeactivating,
    deactivateWithDelinkDate({ delinkContacts }),
    reconnect(reconnecting),
    syncAgain(),
  ];
}

/**
 * P-delete (000) for the documents `numbers` of `kind`, booked by accident, the last of their series: the delink date,
 * the other kind's documents, deletion in Exact, the numbers and their check, the settings, deactivate, delete in
 * Focus from the highest number down, reconnect, sync.
 */
export function deleteSyncedDocuments(kind: DocumentKind, numbers: readonly string[], reconnecting: ReconnectOptions = {}): Step[] {
  return [
    showBookingNumbers(),
    noteDateToDelete(kind, numbers),
    checkDocumentsFrom(kindsFrom(kind)[1]),
    deleteInExactFrom(),
    writeDownOldestDeleted('as-booked'),
    checkNextBookingNumbers(),
    correctNextBookingNumbers(),
    noteIntegrationSettings(),
    deactivateWithDelinkDate(),
    deleteUnneededInFocus(kind),
    reconnect(reconnecting),
    syncAgain(),
  ];
}

/** A symptom: the bell's message after the last sync is exactly `text` (R9, R15). */
export function bellSays(text: string): Step {
  return step('symptom', 'The bell reports the same booking number', `The sync's notification says: "${text}".`, (ctx) =>
    expectBell(ctx, text),
  );
}

/** A symptom: the checker names exactly these violations, with the documents and bookings the story says; `meaning` says them in the story's words. */
export function checkerNames(named: readonly Named[], meaning: string): Step {
  return step(
    'symptom',
    'The checker names the documents and bookings involved',
    `The checker names ${namedInWords(named)}: ${meaning}.`,
    (ctx) => expectNamed(ctx, named),
  );
}

/** P-twice's symptom: Exact's journal `journal` holds the document `number` as exactly the bookings `entries` (R10). */
export function shownTwiceInExact(
  kind: DocumentKind,
  journal: string,
  number: string,
  entries: readonly number[],
  description?: string,
): Step {
  const described = (entry: number, text: string | null) => (description === undefined ? `${entry}` : `${entry} "${text ?? ''}"`);
  return step(
    'symptom',
    `Exact Online shows the ${word(kind)} twice`,
    `In Exact Online, journal ${journal} lists ${word(kind)} ${number} as bookings ${entries.join(' and ')}` +
      (description === undefined ? '' : `, each described "${description}"`) +
      `: the same ${word(kind)} with two booking numbers.`,
    async (ctx) => {
      const found = (await journalScreen(ctx, journal)).entries.filter((e) => e.yourRef === number);
      const seen = found.map((e) => described(e.entryNumber, e.description));
      const expected = entries.map((entry) => described(entry, description ?? null));
      if (JSON.stringify(seen) !== JSON.stringify(expected))
        throw new StepFailure(
          `Journal ${journal} lists ${number} as ${seen.join(' and ') || 'no booking'}, not as bookings ${expected.join(' and ')}.`,
        );
    },
  );
}
