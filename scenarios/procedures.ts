import { DIVISION, bookings, deleteInExact, documentsFrom, expectOk, listNumbers, nextBookingNumber, syncNow } from './actions.js';
import { step, StepFailure, type ScenarioContext, type Step } from './scenario.js';

// The steps the repair procedures of articles 000, 001 and 002 share (P-delete, P-twice, P-samenumber),
// narrated in the articles' words. Values to write down go into ctx.notes under the names used here.

const JOURNALS = ['70', '71'] as const;

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
  return step(
    'repair',
    'Check the credit notes from the delink date until now',
    (ctx) =>
      `Go to the credit notes in Focus and check whether there are any from ${ctx.notes.delinkDate} until now: ` +
      `${listNumbers(documentsFrom(ctx, String(ctx.notes.delinkDate), 'credit_note'))}. If any, they need to be deleted in Exact Online too.`,
    () => {},
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
        const current = await nextBookingNumber(ctx, journal);
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
