import type { DocumentKind } from '../../core/index.js';
import { LAST_BELL } from '../actions.js';
import { narrationStep, step, StepFailure, type Step } from '../scenario.js';
import { bookedFrom, journalScreen, overview, overviewRow, rowsInWords, type OverviewRow } from '../screens.js';
import { DELINK_DATE, DOUBLE_NUMBER, FROM_DELINK_DATE, MOVED_DELINK_DATE as MOVED, UNNEEDED } from './notes.js';
import { journalOf, kindsFrom, word, wordFor, words } from './words.js';

// The first steps of P-delete, P-twice and P-samenumber: the booking number column, and the delink date each
// article finds its own way, with the documents it reaches.

/** Oldest first: by date, then in number order (the overview's order). */
const oldestFirst = (rows: readonly OverviewRow[]) => [...rows].sort((a, b) => a.date.localeCompare(b.date));

/** "Put 'booking number' in the available columns" (and "do the same for the credit notes"). */
export function showBookingNumbers(): Step {
  return narrationStep(
    'repair',
    "Add the 'booking number' column to the invoice and credit note overviews",
    (ctx) =>
      "Go to Focus, click the cogwheel at the bottom right of the invoice overview and put 'booking number' in the available columns; do the same for the credit notes. " +
      `Invoices: ${rowsInWords(overview(ctx, 'invoice').filter((r) => r.status === 'booked'))}. Credit notes: ${rowsInWords(overview(ctx, 'credit_note').filter((r) => r.status === 'booked'))}.`,
    'Adding a column to an overview changes neither Focus nor Exact Online; the steps after it read the booking numbers it shows.',
  );
}

/** P-delete: "Check the date of the invoice that needs to be deleted … This is the delink date." `numbers`: the documents booked by accident. */
export function noteDateToDelete(kind: DocumentKind, numbers: readonly string[]): Step {
  const one = numbers.length === 1;
  const named = `${wordFor(kind, numbers.length)} ${numbers.join(' and ')}`;
  return step(
    'repair',
    `Write down the date of ${one ? '' : 'the oldest of '}${named}: the delink date`,
    (ctx) =>
      `${named[0]!.toUpperCase()}${named.slice(1)} ${one ? 'needs' : 'need'} to be deleted; the overview dates ${one ? 'it' : 'the oldest'} ${ctx.notes.read(DELINK_DATE)}. ` +
      `All ${words(kind)} from that date up till now will need to be deleted in Exact Online: ${rowsInWords(ctx.notes.read(FROM_DELINK_DATE[kind]))}. This is the delink date.`,
    (ctx) => {
      const [oldest] = oldestFirst(numbers.map((n) => overviewRow(ctx, kind, n)));
      const date = ctx.notes.write(DELINK_DATE, oldest!.date);
      ctx.notes.write(UNNEEDED, { kind, numbers: [...numbers] });
      ctx.notes.write(FROM_DELINK_DATE[kind], bookedFrom(ctx, kind, date));
    },
  );
}

/** "Go to your credit notes and check whether there are any from that particular date until now" (or the invoices, words swapped). */
export function checkDocumentsFrom(kind: DocumentKind): Step {
  return step(
    'repair',
    `Check ${FROM_DELINK_DATE[kind].label}`,
    (ctx) =>
      `Go to the ${words(kind)} in Focus and check whether there are any from ${ctx.notes.read(DELINK_DATE)} until now: ${rowsInWords(ctx.notes.read(FROM_DELINK_DATE[kind]))}. ` +
      'If any, they will need to be deleted in Exact Online too.',
    (ctx) => {
      ctx.notes.write(FROM_DELINK_DATE[kind], bookedFrom(ctx, kind, ctx.notes.read(DELINK_DATE)));
    },
  );
}

/** The document numbers a bell message names: "2026/3 and 2026/4", "2026/3, 2026/4 and 2026/5". */
function namedNumbers(list: string): string[] {
  return list.split(/, | and /);
}

/** P-samenumber: "Check the date of the most recent invoice with the double booking number", as the bell named them. */
export function noteDoubleNumberDate(kind: DocumentKind): Step {
  return step(
    'repair',
    `Write down the date of the most recent ${word(kind)} with ${DOUBLE_NUMBER.label}`,
    (ctx) => {
      const double = ctx.notes.read(DOUBLE_NUMBER);
      return (
        `The bell named ${double.numbers.join(' and ')}; the overview shows both with booking number ${double.bookingNumber}. The most recent is dated ${ctx.notes.read(DELINK_DATE)}. ` +
        `All ${words(kind)} from that date up till now will need to be deleted in Exact Online: ${rowsInWords(ctx.notes.read(FROM_DELINK_DATE[kind]))}.`
      );
    },
    (ctx) => {
      const pattern = new RegExp(`^The ${words(kind)} (.+) have the same booking number`, 'm');
      const named = pattern.exec(ctx.notes.read(LAST_BELL))?.[1];
      if (!named) throw new StepFailure(`The bell names no ${words(kind)} with the same booking number: "${ctx.notes.read(LAST_BELL)}".`);
      const rows = namedNumbers(named).map((n) => overviewRow(ctx, kind, n));
      const bookingNumbers = new Set(rows.map((r) => r.bookingNumber));
      if (bookingNumbers.size !== 1 || rows[0]!.bookingNumber === null)
        throw new StepFailure(`The overview does not show ${named} with one booking number: ${rowsInWords(rows)}.`);
      ctx.notes.write(DOUBLE_NUMBER, { kind, bookingNumber: rows[0]!.bookingNumber, numbers: rows.map((r) => r.number!) });
      const date = ctx.notes.write(DELINK_DATE, oldestFirst(rows).at(-1)!.date);
      ctx.notes.write(FROM_DELINK_DATE[kind], bookedFrom(ctx, kind, date));
    },
  );
}

/** P-twice: "Check the date of the invoice or credit note that is shown twice in Exact Online": the delink date. */
export function noteDateShownTwice(kind: DocumentKind): Step {
  return step(
    'repair',
    `Write down the date of the ${word(kind)} shown twice in Exact Online`,
    (ctx) =>
      `In Exact Online ${word(kind)} ${ctx.notes.read(FROM_DELINK_DATE[kind])[0]?.number ?? '?'} is shown twice; the overview dates it ${ctx.notes.read(DELINK_DATE)}. ` +
      `All ${words(kind)} from that date up till now will have to be deleted in Exact Online: ${rowsInWords(ctx.notes.read(FROM_DELINK_DATE[kind]))}.`,
    async (ctx) => {
      const entries = (await journalScreen(ctx, journalOf(ctx, kind))).entries;
      const twice = overview(ctx, kind).filter((r) => r.status === 'booked' && entries.filter((e) => e.yourRef === r.number).length > 1);
      const [oldest] = oldestFirst(twice);
      if (!oldest) throw new StepFailure(`No ${word(kind)} is shown twice in Exact Online.`);
      ctx.notes.write(DELINK_DATE, oldest.date);
      // The one shown twice first, so the narration names it.
      ctx.notes.write(FROM_DELINK_DATE[kind], [oldest, ...bookedFrom(ctx, kind, oldest.date).filter((r) => r.number !== oldest.number)]);
    },
  );
}

/**
 * The step that completes P-samenumber when the document whose booking was deleted is dated before the one that
 * got its number again. The article's deactivate step defines the delink date as "the date of the first invoice or
 * credit note that had to be deleted from Exact Online": a document dated before the date written down whose
 * booking number Exact's journal no longer holds for it had to go too, so the delink date moves back to it.
 */
export function moveDelinkDateBack(kind: DocumentKind): Step {
  return step(
    'repair',
    `Move the delink date back to the first ${word(kind)} whose booking is gone from Exact Online`,
    (ctx) => {
      const moved = ctx.notes.read(MOVED);
      if (moved.to === moved.from)
        return `Every ${word(kind)} before ${moved.from} still has its booking in Exact Online: the delink date stays ${moved.from}.`;
      return (
        `"The delink date is the date of the first invoice or credit note that had to be deleted from Exact Online." Compare the overview with Exact's journal: ${moved.because.join('; ')}. ` +
        `Its booking had to go too, so fill in ${moved.to} instead of ${moved.from}. No booking from ${moved.to} on is left in Exact Online, so nothing more needs deleting there.`
      );
    },
    async (ctx) => {
      const from = ctx.notes.read(DELINK_DATE);
      const because: string[] = [];
      let to = from;
      const journals = await Promise.all(
        kindsFrom(kind).map(async (k) => ({
          kind: k,
          code: journalOf(ctx, k),
          entries: (await journalScreen(ctx, journalOf(ctx, k))).entries,
        })),
      );
      for (const { kind: k, code, entries } of journals) {
        for (const row of overview(ctx, k).filter((r) => r.status === 'booked' && r.date < from && r.bookingNumber !== null)) {
          if (entries.some((e) => e.entryNumber === row.bookingNumber && e.yourRef === row.number)) continue;
          because.push(
            `${word(k)} ${row.number} (${row.date}) shows booking number ${row.bookingNumber}, which journal ${code} no longer holds for it`,
          );
          if (row.date < to) to = row.date;
        }
      }
      for (const { code, entries } of journals) {
        const left = entries.filter((e) => e.date >= to);
        if (left.length)
          throw new StepFailure(
            `Journal ${code} still holds bookings from ${to} on (${left.map((e) => e.entryNumber).join(', ')}): delete them in Exact Online first.`,
          );
      }
      ctx.notes.write(MOVED, { from, to, because });
      ctx.notes.write(DELINK_DATE, to);
    },
    (ctx) =>
      ctx.notes.read(MOVED).to === ctx.notes.read(MOVED).from
        ? 'No earlier document had lost its booking, so the delink date did not change.'
        : undefined,
  );
}
