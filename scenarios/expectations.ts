import { checkInvariants, type DocumentKind, type InvariantId } from '../core/index.js';
import { doc, LAST_BELL } from './actions.js';
import { journalScreen, overview } from './screens.js';
import { StepFailure, type ScenarioContext } from './scenario.js';

// A story's numbers, stated literally, checked against what the person sees. The same literal drives the
// sentence a step says and the check it makes, so a step cannot say one thing and check another.

/** A booked row of a Focus overview as the story states it: its number and booking number (null: none). */
export type Booked = readonly [number: string, bookingNumber: number | null];

/** An entry of an Exact journal as the story states it: its booking number and your reference. */
export type Entry = readonly [entryNumber: number, yourRef: string];

/** A violation as the story states it: the invariant, the Focus documents it names and the booking numbers it names. */
export type Named = readonly [invariant: InvariantId, documents: readonly string[], bookings: readonly number[]];

/** "I1 for 2026/3 (1003); I2 for 2026/3 and 2026/4 (1003)". */
export function namedInWords(violations: readonly Named[]): string {
  const one = ([invariant, documents, bookings]: Named) =>
    `${invariant} for ${documents.join(' and ') || 'no document'}${bookings.length ? ` (${bookings.join(', ')})` : ''}`;
  return violations.map(one).join('; ') || 'nothing';
}

/**
 * Fails the step unless the checker names exactly these violations, in its order, each with the documents and
 * bookings the story says: the evidence the dashboard highlights and the doctor builds its findings from.
 */
export async function expectNamed(ctx: ScenarioContext, violations: readonly Named[]): Promise<void> {
  const seen: Named[] = (await checkInvariants(ctx.world)).map((v) => [v.invariant, v.documents, v.bookings]);
  if (JSON.stringify(seen) !== JSON.stringify(violations))
    throw new StepFailure(`The checker names ${namedInWords(seen)}, not ${namedInWords(violations)}.`);
}

/** "2026/1 (1001), 2026/3 (no booking number)". */
export function bookedInWords(rows: readonly Booked[]): string {
  return rows.map(([number, booking]) => `${number} (${booking ?? 'no booking number'})`).join(', ') || 'none';
}

/** "1001 2026/1, 1002 2026/2; next booking number 1003". */
export function journalInWords(entries: readonly Entry[], next: number): string {
  return `${entries.map(([n, ref]) => `${n} ${ref}`).join(', ') || 'no entries'}; next booking number ${next}`;
}

/** Fails the step unless the booked rows of the overview are exactly `rows`, in number order. */
export function expectBooked(ctx: ScenarioContext, kind: DocumentKind, rows: readonly Booked[]): void {
  const seen: Booked[] = overview(ctx, kind)
    .filter((r) => r.status === 'booked')
    .map((r) => [r.number!, r.bookingNumber]);
  const what = kind === 'invoice' ? 'invoice' : 'credit note';
  if (JSON.stringify(seen) !== JSON.stringify(rows))
    throw new StepFailure(`The ${what} overview shows ${bookedInWords(seen)}, not ${bookedInWords(rows)}.`);
}

/** Fails the step unless Exact's journal holds exactly `entries` and shows `next` as its next booking number. */
export async function expectJournal(ctx: ScenarioContext, code: string, entries: readonly Entry[], next: number): Promise<void> {
  const screen = await journalScreen(ctx, code);
  const seen: Entry[] = screen.entries.map((e) => [e.entryNumber, e.yourRef ?? '(no reference)']);
  if (JSON.stringify(seen) !== JSON.stringify(entries) || screen.nextBookingNumber !== next) {
    throw new StepFailure(`Journal ${code} holds ${journalInWords(seen, screen.nextBookingNumber)}, not ${journalInWords(entries, next)}.`);
  }
}

/** Fails the step unless the bell's last message, written down after the last manual sync, is exactly `text`. */
export function expectBell(ctx: ScenarioContext, text: string): void {
  const said = ctx.notes.read(LAST_BELL);
  if (said !== text) throw new StepFailure(`The bell says "${said}", not "${text}".`);
}

/**
 * Checks what the reproduction led to, as the story tells it, under the faithful strategy only: the safe strategy's
 * fix changes what a reproduction leads to (that is its point), and its run asks only whether the symptom still shows.
 */
export async function expectReproduced(ctx: ScenarioContext, check: () => void | Promise<void>): Promise<void> {
  if (ctx.strategy === 'faithful') await check();
}

/** The draft the story calls `ref` is still a draft without booking number; `label` names it in the failure ("The invoice of 2 March"). */
export function expectStillDraft(ctx: ScenarioContext, ref: string, label: string): void {
  const draft = doc(ctx, ref);
  if (draft.status !== 'draft' || draft.bookingNumber !== null)
    throw new StepFailure(
      `${label} is ${draft.status} ${draft.number} with booking number ${draft.bookingNumber}, not a draft without one.`,
    );
}
