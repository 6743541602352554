import type { DocumentKind } from '../../core/index.js';
import type { FileAction } from '../file/index.js';
import type { ScenarioContext } from '../scenario.js';
import { journalScreen, overview } from '../screens.js';
import type { Move, Pick } from './moves.js';

// A generated move made concrete against the world as it is: the number Focus will give, the booking "the last one"
// is, the journal of a kind. The result is an action of the scenario file format, so a history is saved as it played.

/** The journals before any connection: the demo's own. */
const DEFAULT_JOURNALS: Record<DocumentKind, string> = { invoice: '70', credit_note: '71' };

function journalOf(ctx: ScenarioContext, kind: DocumentKind): string {
  const settings = ctx.world.focus.state.integration?.settings;
  if (!settings) return DEFAULT_JOURNALS[kind];
  return kind === 'invoice' ? settings.invoiceJournal : settings.creditNoteJournal;
}

function choose<T>(items: readonly T[], pick: Pick): T | undefined {
  if (items.length === 0) return undefined;
  return pick === 'last' ? items.at(-1) : items[pick % items.length];
}

function bookedNumbers(ctx: ScenarioContext, kind: DocumentKind): string[] {
  return overview(ctx, kind)
    .filter((r) => r.status === 'booked')
    .map((r) => r.number!);
}

async function entryNumbers(ctx: ScenarioContext, kind: DocumentKind): Promise<number[]> {
  return (await journalScreen(ctx, journalOf(ctx, kind))).entries.map((e) => e.entryNumber);
}

/** The action `move` stands for now; undefined when it has no target (no booking to delete, no invoice to credit). */
export async function resolveMove(ctx: ScenarioContext, move: Move): Promise<FileAction | undefined> {
  const { focus } = ctx.world;
  switch (move.move) {
    case 'sync':
    case 'nightly-sync':
    case 'lose-next-answer':
      return { do: move.move };
    case 'pass-days':
      return { do: 'pass-days', days: move.days };
    case 'book':
      return {
        do: 'book',
        kind: move.kind,
        number: focus.nextNumber(move.kind, move.date),
        date: move.date,
        customer: 'Brouwerij De Kroon',
      };
    case 'credit': {
      const invoice = choose(bookedNumbers(ctx, 'invoice'), move.invoice);
      return invoice === undefined
        ? undefined
        : { do: 'credit', invoice, date: move.date, creditNote: focus.nextNumber('credit_note', move.date) };
    }
    case 'delete-in-exact': {
      const entryNumber = choose(await entryNumbers(ctx, move.kind), move.booking);
      return entryNumber === undefined ? undefined : { do: 'delete-in-exact', journal: journalOf(ctx, move.kind), entryNumber };
    }
    case 'pay-in-exact': {
      const entryNumber = choose(await entryNumbers(ctx, 'invoice'), move.booking);
      return entryNumber === undefined ? undefined : { do: 'pay-in-exact', journal: journalOf(ctx, 'invoice'), entryNumber };
    }
    case 'book-by-hand': {
      // The accountant types in an invoice Focus has, or the one it is about to book.
      const yourRef = choose(bookedNumbers(ctx, 'invoice'), move.invoice) ?? focus.nextNumber('invoice', move.date);
      const lines = [{ glAccountCode: '700000', amountCents: 100_000, vatCode: '21' }];
      return { do: 'book-by-hand', journal: journalOf(ctx, 'invoice'), customerCode: '1', entryDate: move.date, yourRef, lines };
    }
    case 'delete-in-focus': {
      const number = choose(bookedNumbers(ctx, move.kind), move.document);
      return number === undefined ? undefined : { do: 'delete-in-focus', kind: move.kind, number };
    }
    case 'edit': {
      const number = choose(bookedNumbers(ctx, 'invoice'), move.invoice);
      return number === undefined ? undefined : { do: 'edit', kind: 'invoice', number, lines: [{ unitPriceCents: move.unitPriceCents }] };
    }
    case 'set-next-booking-number': {
      const journal = journalOf(ctx, move.kind);
      const next = (await journalScreen(ctx, journal)).nextBookingNumber + move.change;
      return next < 1 ? undefined : { do: 'set-next-booking-number', journal, next };
    }
    case 'deactivate':
      return { do: 'deactivate', delinkDate: move.delinkDate, delinkContacts: move.delinkContacts, user: 'admin' };
    case 'connect':
      return {
        do: 'connect',
        startDate: move.startDate,
        invoiceJournal: '70',
        creditNoteJournal: '71',
        importContacts: move.importContacts,
        nightlySync: false,
        user: 'admin',
      };
    case 'close-period':
      return { do: 'close-period', year: 2026, period: move.period, closed: true };
  }
}
