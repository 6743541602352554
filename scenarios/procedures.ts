import { documentName, findCollisions, kindWord, type DocumentKind, type FocusDocument } from '../core/index.js';
import { DIVISION, bookings, connectDemo, deleteInExact, doc, documentsFrom, exactJournal, expectOk, listNumbers, syncNow } from './actions.js';
import { step, StepFailure, type ScenarioContext, type Step } from './scenario.js';

// The steps the repair procedures of articles 000, 001 and 002 share (P-delete, P-twice, P-samenumber),
// and the symptoms they start from, narrated in the articles' words. Values to write down go into
// ctx.notes under the names used here.

const JOURNALS = ['70', '71'] as const;

/** The demo's journal of each kind (the articles: "your invoice and credit note journals"). */
const JOURNAL_OF: Record<DocumentKind, (typeof JOURNALS)[number]> = { invoice: '70', credit_note: '71' };


/** The first connection of every story: from 1 January, journals 70 and 71, customers imported once. */
export function connectFirstTime(): Step {
  return step(
    'setup',
    'Connect Exact Online from 1 January and import the customers',
    'The company connects Exact Online with start date 2026-01-01, journal 70 for invoices and 71 for credit notes, and imports its customers once.',
    async (ctx) => {
      await connectDemo(ctx, { importContacts: true });
    },
  );
}

/** "Put 'booking number' in the available columns": shows every booked document with its booking number. */
export function showBookingNumbers(): Step {
  return step(
    'repair',
    "Add the 'booking number' column to the invoice and credit note overviews",
    (ctx) =>
      `Go to Focus, click the cogwheel at the bottom right of the invoice overview and put 'booking number' in the available columns; do the same for the credit notes. ` +
      `Invoices: ${listNumbers(documentsFrom(ctx, '0000-01-01', 'invoice'))}. Credit notes: ${listNumbers(documentsFrom(ctx, '0000-01-01', 'credit_note'))}.`,
    () => {},
  );
}

/** "Check the credit notes from that date until now": lists them (they must be deleted in Exact too). */
export function checkCreditNotesFrom(): Step {
  return checkDocumentsFrom('credit_note');
}

/** The same check for the other kind: when the problem is a credit note's, the article swaps the words and checks the invoices. */
export function checkDocumentsFrom(kind: DocumentKind): Step {
  return step(
    'repair',
    `Check the ${kindWord(kind)}s from the delink date until now`,
    (ctx) =>
      `Go to the ${kindWord(kind)}s in Focus and check whether there are any from ${ctx.notes.delinkDate} until now: ` +
      `${listNumbers(documentsFrom(ctx, String(ctx.notes.delinkDate), kind))}. If any, they need to be deleted in Exact Online too.`,
    () => {},
  );
}

/** P-samenumber's symptom: the sync's bell names the two documents (`refs`) that got the same booking number (R9). */
export function bellReportsSameBookingNumber(kind: DocumentKind, refs: [string, string]): Step {
  return step('symptom', 'The bell reports the same booking number', (ctx) => `The sync's notification says: "${ctx.notes.lastNotification}".`, (ctx) => {
    const expected = `The ${kindWord(kind)}s ${doc(ctx, refs[0]).number} and ${doc(ctx, refs[1]).number} have the same booking number`;
    if (ctx.notes.lastNotification !== expected) throw new StepFailure(`Expected the notification "${expected}", got "${ctx.notes.lastNotification}".`);
  });
}

/** P-samenumber: "Check the date of the most recent invoice with the double booking number": the delink date. */
export function noteDoubleNumberDate(kind: DocumentKind = 'invoice'): Step {
  return step(
    'repair',
    `Write down the date of the most recent ${kindWord(kind)} with the double booking number`,
    (ctx) =>
      `The most recent ${kindWord(kind)} carrying booking number ${ctx.notes.doubleNumber} is ${ctx.notes.doubleDocument}, dated ${ctx.notes.delinkDate}. ` +
      `All ${kindWord(kind)}s from that date up till now will need to be deleted in Exact Online: this is the delink date.`,
    (ctx) => {
      const collision = findCollisions(ctx.world.focus.state).find((c) => c.kind === kind);
      if (!collision) throw new StepFailure(`No two ${kindWord(kind)}s share a booking number.`);
      const carrying = documentsFrom(ctx, '0000-01-01', kind).filter((d) => d.bookingNumber === collision.bookingNumber);
      const mostRecent = carrying.sort((a, b) => a.date.localeCompare(b.date)).at(-1)!;
      Object.assign(ctx.notes, { doubleKind: kind, doubleNumber: collision.bookingNumber, doubleDocument: mostRecent.number!, delinkDate: mostRecent.date });
    },
  );
}

/** P-twice's symptom: Exact holds the invoice named `ref` more than once in its journal (R10). */
export function shownTwiceInExact(ref: string): Step {
  return step(
    'symptom',
    'Exact Online shows the invoice twice',
    (ctx) => `In Exact Online, journal ${JOURNAL_OF[doc(ctx, ref).kind]} lists ${doc(ctx, ref).number} as bookings ${ctx.notes.shownTwice}: the same ${kindWord(doc(ctx, ref).kind)}, with two different booking numbers.`,
    async (ctx) => {
      const document = doc(ctx, ref);
      const standing = (await bookings(ctx, JOURNAL_OF[document.kind])).filter((b) => b.yourRef === document.number);
      if (standing.length < 2) throw new StepFailure(`${document.number} stands ${standing.length} time(s) in Exact Online, not twice.`);
      ctx.notes.shownTwice = standing.map((b) => b.entryNumber).join(' and ');
    },
  );
}

/** P-twice: "Check the date of the invoice or credit note that is shown twice in Exact Online": the delink date. */
export function noteDateShownTwice(): Step {
  return step(
    'repair',
    'Write down the date of the invoice shown twice in Exact Online',
    (ctx) =>
      `${ctx.notes.doubledDocument} is shown twice in Exact Online; it is dated ${ctx.notes.delinkDate}. ` +
      `All invoices and credit notes from that date up till now will have to be deleted in Exact Online: this is the delink date.`,
    async (ctx) => {
      const doubled: FocusDocument[] = [];
      for (const kind of ['invoice', 'credit_note'] as const) {
        const yourRefs = (await bookings(ctx, JOURNAL_OF[kind])).map((b) => b.yourRef);
        doubled.push(...documentsFrom(ctx, '0000-01-01', kind).filter((d) => yourRefs.filter((r) => r === d.number).length > 1));
      }
      const oldest = doubled.sort((a, b) => a.date.localeCompare(b.date))[0];
      if (!oldest) throw new StepFailure('No invoice or credit note is shown twice in Exact Online.');
      Object.assign(ctx.notes, { doubledDocument: documentName(oldest), delinkDate: oldest.date });
    },
  );
}

/** "Delete the invoices and credit notes from the delink date in Exact", highest number first. */
export function deleteInExactFrom(): Step {
  return step(
    'repair',
    'Delete the bookings from the delink date on in Exact Online',
    (ctx) => `Go to Exact Online and delete every booked invoice and credit note dated ${ctx.notes.delinkDate} or later: ${ctx.notes.deletedBookings}.`,
    async (ctx) => {
      const deleted: string[] = [];
      for (const journal of JOURNALS) {
        const from = (await bookings(ctx, journal)).filter((b) => b.entryDate >= String(ctx.notes.delinkDate)).sort((a, b) => b.entryNumber - a.entryNumber);
        for (const booking of from) {
          await deleteInExact(ctx, journal, booking.entryNumber);
          deleted.push(`${booking.entryNumber} (${booking.yourRef ?? 'no reference'}) in journal ${journal}`);
        }
      }
      ctx.notes.deletedBookings = deleted.length ? deleted.join(', ') : 'none';
    },
  );
}

/**
 * "Write down the number of the oldest invoice deleted from Exact Online and its booking number", and the
 * credit note's (only if applicable), as `nextBookingNumber70` / `71`. Runs after the deletion in Exact. The
 * value written down depends on the article:
 * - `as-booked` (P-delete): the booking number Focus shows;
 * - `one-higher-if-double` (P-samenumber): one higher when that document carries the double booking number;
 * - `after-last-kept` (P-twice): the number that follows the last booking kept in Exact (the journal's first
 *   number when none are kept), since the booking shown twice pushed Focus's number up.
 */
export function writeDownOldestDeleted(rule: 'as-booked' | 'one-higher-if-double' | 'after-last-kept' = 'as-booked'): Step {
  const titles = {
    'as-booked': 'Write down the oldest deleted invoice and credit note and their booking numbers',
    'one-higher-if-double': 'Write down the oldest deleted invoice and credit note and their booking numbers, one higher for the double number',
    'after-last-kept': 'Write down the booking numbers that follow the last invoice and credit note kept',
  };
  return step(
    'repair',
    titles[rule],
    (ctx) => `Return to the invoices and the credit notes in Focus and write down the oldest one deleted from Exact Online with its booking number. ${ctx.notes.oldestDeleted}.`,
    async (ctx) => {
      const written: string[] = [];
      for (const kind of ['invoice', 'credit_note'] as const) {
        const journal = JOURNAL_OF[kind];
        const oldest = documentsFrom(ctx, String(ctx.notes.delinkDate), kind).find((d) => d.bookingNumber !== null);
        if (!oldest) {
          written.push(`No ${kindWord(kind)} was deleted (not applicable)`);
          continue;
        }
        const seen = `${documentName(oldest)} has booking number ${oldest.bookingNumber}`;
        let value = oldest.bookingNumber!;
        let why = '';
        if (rule === 'one-higher-if-double' && kind === ctx.notes.doubleKind && value === ctx.notes.doubleNumber) {
          value += 1;
          why = ', the double booking number, so one number higher';
        } else if (rule === 'after-last-kept') {
          const kept = (await bookings(ctx, journal)).map((b) => b.entryNumber);
          value = kept.length ? Math.max(...kept) + 1 : (await exactJournal(ctx, journal)).firstBookingNumber;
          why = kept.length ? `; it should follow the last ${kindWord(kind)} kept, booking ${value - 1}` : `; no ${kindWord(kind)} is kept, so it should be the journal's first number`;
        }
        ctx.notes[`nextBookingNumber${journal}`] = value;
        written.push(`${seen}${why}: write down ${value}`);
      }
      ctx.notes.oldestDeleted = written.join('. ');
    },
  );
}

/** "Check whether these numbers correspond with the next booking number" (R8); corrects the counter when they do not. */
export function checkNextBookingNumbers(): Step {
  return step(
    'repair',
    "Check the journals' next booking number in Exact Online",
    (ctx) =>
      `Go to Exact Online, Master data › Journals › Next booking number, and check that it corresponds with what you wrote down: ${ctx.notes.counterCheck}.`,
    async (ctx) => {
      const checks: string[] = [];
      for (const journal of JOURNALS) {
        const wanted = ctx.notes[`nextBookingNumber${journal}`];
        const current = (await exactJournal(ctx, journal)).nextBookingNumber;
        if (wanted === undefined || Number(wanted) === current) {
          checks.push(`journal ${journal} next ${current}${wanted === undefined ? '' : ' ✓'}`);
          continue;
        }
        expectOk(await ctx.world.backOffice.setNextBookingNumber(DIVISION, journal, Number(wanted)), `Setting journal ${journal}'s next booking number`);
        checks.push(`journal ${journal} next ${current} → ${wanted} (corrected)`);
      }
      ctx.notes.counterCheck = checks.join('; ');
    },
  );
}

/** "Write down the start date of this integration and your invoice and credit note journals." */
export function noteIntegrationSettings(): Step {
  return step(
    'repair',
    'Write down the start date and the journals of the integration',
    (ctx) =>
      `Open the Exact Online integration and click 'Edit settings' under 'Administration'. Write down the start date (${ctx.notes.startDate}), ` +
      `the invoice journal (${ctx.notes.invoiceJournal}) and the credit note journal (${ctx.notes.creditNoteJournal}): you need them later.`,
    (ctx) => {
      const settings = ctx.world.focus.state.integration?.settings;
      if (!settings) throw new StepFailure('The integration has no settings to write down.');
      Object.assign(ctx.notes, { startDate: settings.startDate, invoiceJournal: settings.invoiceJournal, creditNoteJournal: settings.creditNoteJournal });
    },
  );
}

/** "Click on Deactivate and fill in the delink date, but do NOT delink the contacts and companies" (R12). */
export function deactivateWithDelinkDate({ delinkContacts = false }: { delinkContacts?: boolean } = {}): Step {
  return step(
    'repair',
    delinkContacts ? 'Deactivate with the delink date, delinking contacts and companies too' : 'Deactivate with the delink date, contacts not delinked',
    (ctx) =>
      `Click 'Deactivate' and fill in the delink date ${ctx.notes.delinkDate}: every invoice and credit note from that date on is reset (${ctx.notes.delinked}). ` +
      (delinkContacts ? 'The slider to delink contacts and companies is switched on.' : 'Do NOT delink the contacts and companies: the slider stays off.'),
    (ctx) => {
      const report = expectOk(ctx.world.deactivate('admin', { delinkDate: String(ctx.notes.delinkDate), delinkContacts }), 'Deactivating the integration');
      ctx.notes.delinked = report.delinkedDocuments.length ? report.delinkedDocuments.join(', ') : 'nothing';
    },
  );
}

/** "Connect Exact Online with the start date and journals you wrote down; do NOT import companies/contacts" (R13). */
export function reconnect({ importContacts = false, startDate }: { importContacts?: boolean; startDate?: (ctx: ScenarioContext) => string } = {}): Step {
  return step(
    'repair',
    importContacts ? 'Reconnect, importing contacts and companies' : startDate ? 'Reconnect with a later start date' : 'Reconnect with the original start date and journals, no import',
    (ctx) =>
      `Open the settings of Exact Online, select the administration and click 'Connect Exact Online'. Fill in the start date ${ctx.notes.reconnectStartDate} ` +
      `and the journals ${ctx.notes.invoiceJournal} and ${ctx.notes.creditNoteJournal}. ` +
      (importContacts ? 'The slider to import contacts and companies is switched on.' : 'Do not import contacts and companies: that creates doubles in Focus.'),
    async (ctx) => {
      const start = startDate ? startDate(ctx) : String(ctx.notes.startDate);
      ctx.notes.reconnectStartDate = start;
      expectOk(
        await ctx.world.connect('admin', {
          division: DIVISION,
          startDate: start,
          invoiceJournal: String(ctx.notes.invoiceJournal),
          creditNoteJournal: String(ctx.notes.creditNoteJournal),
          importContacts,
          strategy: ctx.strategy,
        }),
        'Reconnecting Exact Online',
      );
    },
  );
}

/** "Click the synchronisation button (two arrows)": a manual sync, showing its notification. */
export function syncAgain(): Step {
  return step(
    'repair',
    'Sync again with the two arrows',
    (ctx) => `Go to Revenue › Invoices and click the synchronisation button. The bell says: "${ctx.notes.lastNotification}".`,
    async (ctx) => {
      const report = await syncNow(ctx);
      ctx.notes.lastNotification = report.notification?.message ?? '(no notification)';
    },
  );
}

/** The options of {@link repairFromDate}: the article's write-down rule, and the trainer mistakes it can inject. */
export interface RepairFromDateOptions {
  /** How the oldest deleted document's booking number becomes the next booking number. */
  writeDown: Parameters<typeof writeDownOldestDeleted>[0];
  /** The documents of the other kind to check from the delink date on (credit notes, unless the case is about them). */
  checkOthers?: Step;
  delinkContacts?: boolean;
  importContacts?: boolean;
  startDate?: (ctx: ScenarioContext) => string;
}

/**
 * The common body of P-twice and P-samenumber after the delink date is written down (`dateStep`): booking
 * number column, the other kind's documents, deletion in Exact, the number to write down, the counter check,
 * the settings, deactivate, reconnect, sync. The mistake scenarios pass their one wrong choice as an option.
 */
export function repairFromDate(dateStep: Step, { writeDown, checkOthers = checkCreditNotesFrom(), delinkContacts, importContacts, startDate }: RepairFromDateOptions): Step[] {
  return [
    showBookingNumbers(),
    dateStep,
    checkOthers,
    deleteInExactFrom(),
    writeDownOldestDeleted(writeDown),
    checkNextBookingNumbers(),
    noteIntegrationSettings(),
    deactivateWithDelinkDate({ delinkContacts }),
    reconnect({ importContacts, startDate }),
    syncAgain(),
  ];
}
