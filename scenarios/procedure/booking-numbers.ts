import type { DocumentKind } from '../../core/index.js';
import { DIVISION, expectOk } from '../actions.js';
import { deleteInExact } from '../exact-moves.js';
import { step, type ScenarioContext, type Step } from '../scenario.js';
import { journalScreen } from '../screens.js';
import {
  CORRECTED,
  COUNTER_CHECK,
  DELETED_IN_EXACT,
  DELINK_DATE,
  DOUBLE_NUMBER,
  FROM_DELINK_DATE,
  NEXT_NUMBERS,
  type WrittenNumber,
} from './notes.js';
import { journalOf, word } from './words.js';

// The part of P-delete, P-twice and P-samenumber done in Exact Online: delete the bookings from the delink
// date on, write down the booking numbers the journals should continue from, check them against the journals'
// next booking number (R8), and correct it where it differs: a step of its own, so a trainer can point at it.

const KINDS: readonly DocumentKind[] = ['invoice', 'credit_note'];

/** "Go to Exact Online and delete the above mentioned booked invoice(s) and/or credit note(s)", highest number first. */
export function deleteInExactFrom(): Step {
  return step(
    'repair',
    'Delete the bookings from the delink date on in Exact Online',
    (ctx) => {
      const deleted = ctx.notes.read(DELETED_IN_EXACT);
      const list = deleted.map((e) => `${e.entryNumber} (${e.yourRef ?? 'no reference'}, ${e.date}) in journal ${e.journal}`).join(', ');
      return `Go to Exact Online and delete every booking dated ${ctx.notes.read(DELINK_DATE)} or later in the journals of the documents found: ${list || 'none'}.`;
    },
    async (ctx) => {
      const from = ctx.notes.read(DELINK_DATE);
      const deleted = [];
      for (const kind of KINDS) {
        if (ctx.notes.read(FROM_DELINK_DATE[kind]).length === 0) continue;
        const journal = journalOf(ctx, kind);
        const entries = (await journalScreen(ctx, journal)).entries.filter((e) => e.date >= from).reverse();
        for (const entry of entries) {
          await deleteInExact(ctx, journal, entry.entryNumber);
          deleted.push({ journal, entryNumber: entry.entryNumber, yourRef: entry.yourRef, date: entry.date });
        }
      }
      ctx.notes.write(DELETED_IN_EXACT, deleted);
    },
    (ctx) =>
      ctx.notes.read(DELETED_IN_EXACT).length === 0
        ? 'No booking in the journals was dated from the delink date on, so there was nothing to delete.'
        : undefined,
  );
}

/** How the oldest deleted document's booking number becomes the number written down, per article. */
export type WriteDownRule =
  /** P-delete (000): its booking number, as the overview shows it. */
  | 'as-booked'
  /** P-samenumber (002): "If this was the invoice with the double booking number, write down one number higher." */
  | 'one-higher-if-double'
  /** P-twice (001): the booking number "which should follow the number of the last invoice which has not been deleted". */
  | 'after-last-kept';

const TITLES: Record<WriteDownRule, string> = {
  'as-booked': 'Write down the oldest deleted invoice and credit note and their booking numbers',
  'one-higher-if-double':
    'Write down the oldest deleted invoice and credit note and their booking numbers, one higher for the double number',
  'after-last-kept': 'Write down the booking numbers that follow the last invoice and credit note kept',
};

/** What each article says to write down, in its words. */
const WRITE_DOWN_WORDS: Record<WriteDownRule, string> = {
  'as-booked':
    'Return to the invoices and the credit notes in Focus and write down the number of the oldest one deleted from Exact Online and its booking number',
  'one-higher-if-double':
    'Return to the invoices and the credit notes in Focus and write down the number of the oldest one deleted from Exact Online and its booking number; if this was the invoice with the double booking number, write down one number higher',
  'after-last-kept':
    'Return to the invoices in Focus and write down the booking number of the oldest invoice that has been deleted from Exact Online, which should follow the number of the last invoice which has not been deleted (and the same for the credit notes, only if applicable)',
};

/**
 * "Return to Teamleader Focus invoices and write down the number of the oldest invoice that has been deleted from
 * Exact Online and its booking number", and the credit note's (only if applicable).
 */
export function writeDownOldestDeleted(rule: WriteDownRule): Step {
  return step(
    'repair',
    TITLES[rule],
    (ctx) => {
      const written = ctx.notes.read(NEXT_NUMBERS);
      const lines = KINDS.map((kind) => {
        const w = written.find((n) => n.kind === kind);
        return w
          ? `${w.document} has booking number ${w.bookingNumber}${w.why}: write down ${w.value}`
          : `no ${word(kind)} was deleted (not applicable)`;
      });
      return `${WRITE_DOWN_WORDS[rule]}: ${lines.join('; ')}.`;
    },
    async (ctx) => {
      const written: WrittenNumber[] = [];
      for (const kind of KINDS) {
        // Only a document with a booking number was in Exact to be deleted from it.
        const [oldest] = ctx.notes
          .read(FROM_DELINK_DATE[kind])
          .filter((r) => r.bookingNumber !== null)
          .sort((a, b) => a.date.localeCompare(b.date));
        if (!oldest) continue;
        const journal = journalOf(ctx, kind);
        written.push({
          journal,
          kind,
          document: `${word(kind)} ${oldest.number}`,
          bookingNumber: oldest.bookingNumber!,
          ...(await numberToWrite(ctx, rule, kind, journal, oldest)),
        });
      }
      ctx.notes.write(NEXT_NUMBERS, written);
    },
  );
}

/** The number to write down for the oldest deleted document of `kind`, and why, by the article's rule. */
async function numberToWrite(
  ctx: ScenarioContext,
  rule: WriteDownRule,
  kind: DocumentKind,
  journal: string,
  oldest: { number: string | null; bookingNumber: number | null },
): Promise<{ value: number; why: string }> {
  if (rule === 'after-last-kept') {
    const kept = (await journalScreen(ctx, journal)).entries.map((e) => e.entryNumber);
    if (kept.length) {
      const last = Math.max(...kept);
      const follows = last + 1 === oldest.bookingNumber ? 'which follows' : 'but it should follow';
      return { value: last + 1, why: `, ${follows} the number of the last ${word(kind)} which has not been deleted, booking ${last}` };
    }
    const deleted = ctx.notes
      .read(DELETED_IN_EXACT)
      .filter((e) => e.journal === journal)
      .map((e) => e.entryNumber);
    return {
      value: Math.min(...deleted),
      why: `, but no ${word(kind)} in journal ${journal} was left undeleted, so the number that follows is the first one deleted from it`,
    };
  }
  const booked = oldest.bookingNumber!;
  if (rule === 'one-higher-if-double') {
    const double = ctx.notes.read(DOUBLE_NUMBER);
    if (double.kind === kind && double.bookingNumber === booked && double.numbers.includes(oldest.number!))
      return { value: booked + 1, why: ', the double booking number, so one number higher' };
  }
  return { value: booked, why: '' };
}

/** "Go to Exact Online and check whether these numbers correspond with the 'Next booking number' in the journals" (R8): compares only. */
export function checkNextBookingNumbers(): Step {
  return step(
    'repair',
    "Check the journals' next booking number in Exact Online",
    (ctx) => {
      const checks = ctx.notes.read(COUNTER_CHECK);
      const said = checks.map((c) =>
        c.exact === c.writtenDown
          ? `journal ${c.journal}: Exact says ${c.exact}, as you wrote down`
          : `journal ${c.journal}: Exact says ${c.exact}, you wrote down ${c.writtenDown}; they differ`,
      );
      return `Go to Exact Online, Master data › Journals › Next booking number, and compare it with what you wrote down: ${said.join('; ') || 'nothing was written down'}.`;
    },
    async (ctx) => {
      const checks = [];
      for (const written of ctx.notes.read(NEXT_NUMBERS)) {
        checks.push({
          journal: written.journal,
          exact: (await journalScreen(ctx, written.journal)).nextBookingNumber,
          writtenDown: written.value,
        });
      }
      ctx.notes.write(COUNTER_CHECK, checks);
    },
  );
}

/** "Exact says 1003, you wrote down 1004: correct the next booking number to 1004" — or nothing, when they correspond. */
export function correctNextBookingNumbers(): Step {
  return step(
    'repair',
    'Correct the next booking number where Exact differs from what you wrote down',
    (ctx) => {
      const corrected = ctx.notes.read(CORRECTED);
      if (corrected.length === 0)
        return `Exact already says what you wrote down (${
          ctx.notes
            .read(COUNTER_CHECK)
            .map((c) => `journal ${c.journal}: ${c.exact}`)
            .join('; ') || 'no journal'
        }): nothing to correct.`;
      return corrected
        .map(
          (c) =>
            `Exact says ${c.exact}, you wrote down ${c.writtenDown}: correct the next booking number of journal ${c.journal} to ${c.writtenDown}.`,
        )
        .join(' ');
    },
    async (ctx) => {
      const differing = ctx.notes.read(COUNTER_CHECK).filter((c) => c.exact !== c.writtenDown);
      for (const c of differing)
        expectOk(
          await ctx.world.backOffice.setNextBookingNumber(DIVISION, c.journal, c.writtenDown),
          `Correcting journal ${c.journal}'s next booking number`,
        );
      ctx.notes.write(CORRECTED, differing);
    },
    (ctx) =>
      ctx.notes.read(CORRECTED).length === 0
        ? "Exact's next booking numbers already were the ones written down, so there was nothing to correct."
        : undefined,
  );
}
