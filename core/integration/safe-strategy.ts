import type { FocusDocument } from '../focus/state.js';
import type { ExactResult } from '../exact-client/index.js';
import type { IntegrationContext } from './context.js';

interface JournalBooking {
  EntryID: string;
  EntryNumber: number;
  Journal: string;
  YourRef: string | null;
}

/** The integration journals' bookings, read once per sync, for the safe strategy. */
export interface ExistingBookings {
  /** Finds a booking of this document (same journal and `YourRef`) that no other document is linked to. */
  find(document: FocusDocument, journal: string): JournalBooking | undefined;
  /** Documents unlinked because their booking was deleted in the bookkeeping tool. */
  unlinked: string[];
}

/**
 * The safe strategy's preparation, a fix to show beside the faithful behaviour: documents whose booking was
 * deleted in the bookkeeping tool lose their stale link (so they are booked again instead of sharing a
 * number, R9), and bookings already standing for a document are found by `YourRef` (so a hand-entered or
 * lost-answer booking is linked instead of booked twice, R10).
 */
export async function readExistingBookings(ctx: IntegrationContext): Promise<ExactResult<ExistingBookings>> {
  const { settings } = ctx.focus.state.integration!;
  const journals = [...new Set([settings.invoiceJournal, settings.creditNoteJournal])];
  const bookings: JournalBooking[] = [];
  for (const journal of journals) {
    const page = await ctx.exact.getAll<JournalBooking>(settings.division, 'salesentry/SalesEntries', {
      $filter: `Journal eq '${journal.replace(/'/g, "''")}'`,
      $select: 'EntryID,EntryNumber,Journal,YourRef',
    });
    if (!page.ok) return page;
    bookings.push(...page.value);
  }
  const existing = new Set(bookings.map((b) => b.EntryID));
  const unlinked: string[] = [];
  for (const document of Object.values(ctx.focus.state.documents)) {
    if (!document.link || !journals.includes(document.link.journal) || existing.has(document.link.entryId)) continue;
    ctx.focus.integration.unlink(document.id);
    unlinked.push(document.number ?? document.id);
  }
  const linked = new Set(Object.values(ctx.focus.state.documents).flatMap((d) => (d.link ? [d.link.entryId] : [])));
  // One pass over the bookings, lowest entry number first per journal and YourRef, instead of a scan per document.
  const byReference = new Map<string, JournalBooking[]>();
  for (const booking of [...bookings].sort((a, b) => a.EntryNumber - b.EntryNumber)) {
    const key = `${booking.Journal}\u0000${booking.YourRef}`;
    const same = byReference.get(key);
    if (same) same.push(booking);
    else byReference.set(key, [booking]);
  }
  return {
    ok: true,
    value: {
      unlinked,
      find: (document, journal) => byReference.get(`${journal}\u0000${document.number}`)?.find((b) => !linked.has(b.EntryID)),
    },
  };
}
