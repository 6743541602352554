import type { DocumentKind } from '../../core/index.js';
import { connectDemo, expectOk, LAST_BELL, syncNow, tryDeleteInFocus } from '../actions.js';
import { step, StepFailure, type ScenarioContext, type Step } from '../scenario.js';
import { overview, settingsScreen } from '../screens.js';
import { DELETED_IN_FOCUS, DELINK_DATE, DELINKED, FIRST_SYNCED, RECONNECTED, SETTINGS, UNNEEDED, type FirstSynced } from './notes.js';
import { word, wordFor, words } from './words.js';

// The steps of P-delete, P-twice and P-samenumber done in Focus's integration settings and overviews.

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

/** "Write down the start date of this integration and your invoice and credit note journals (you will need this later)." */
export function noteIntegrationSettings(): Step {
  return step(
    'repair',
    `Write down ${SETTINGS.label}`,
    (ctx) => {
      const written = ctx.notes.read(SETTINGS);
      return (
        `Open the Exact Online integration and click 'Edit settings' under 'Administration'. Write down the start date (${written.startDate}), ` +
        `the invoice journal (${written.invoiceJournal}) and the credit note journal (${written.creditNoteJournal}): you need them later.`
      );
    },
    (ctx) => {
      const { division, startDate, invoiceJournal, creditNoteJournal } = settingsScreen(ctx);
      ctx.notes.write(SETTINGS, { division, startDate, invoiceJournal, creditNoteJournal });
      // Before deactivating, the overview still shows which document was synced first: reconnecting tells by it.
      const [first] = [
        ...overview(ctx, 'invoice').map((row) => ({ ...row, kind: 'invoice' as const })),
        ...overview(ctx, 'credit_note').map((row) => ({ ...row, kind: 'credit_note' as const })),
      ]
        .filter((r) => r.bookingNumber !== null)
        .sort((a, b) => a.date.localeCompare(b.date));
      ctx.notes.write(FIRST_SYNCED, first?.number ? { kind: first.kind, number: first.number, date: first.date } : null);
    },
  );
}

/** "Click on Deactivate and fill in the delink date, but do NOT delink the contacts and companies" (R12). */
export function deactivateWithDelinkDate({ delinkContacts = false }: { delinkContacts?: boolean } = {}): Step {
  return step(
    'repair',
    delinkContacts
      ? 'Deactivate with the delink date, delinking contacts and companies too'
      : 'Deactivate with the delink date, contacts not delinked',
    (ctx) =>
      `Click 'Deactivate' and fill in ${DELINK_DATE.label} ${ctx.notes.read(DELINK_DATE)}: every invoice and credit note from that date on is reset (${ctx.notes.read(DELINKED).documents.join(', ') || 'nothing'}). ` +
      (delinkContacts
        ? `The slider to delink contacts and companies is switched on: ${ctx.notes.read(DELINKED).companies} companies lose their link to Exact's relations.`
        : 'Do NOT delink the contacts and companies: the slider stays off.'),
    (ctx) => {
      const report = expectOk(
        ctx.world.deactivate('admin', { delinkDate: ctx.notes.read(DELINK_DATE), delinkContacts }),
        'Deactivating the integration',
      );
      ctx.notes.write(DELINKED, { documents: report.delinkedDocuments, companies: report.delinkedCompanies });
    },
  );
}

/** P-delete: "delete the unneeded invoices … As you can always only delete the last invoice, you need to start from the highest number." */
export function deleteUnneededInFocus(kind: DocumentKind): Step {
  return step(
    'repair',
    `Delete the unneeded ${words(kind)} in Focus, from the highest number down`,
    (ctx) => {
      const deleted = ctx.notes.read(DELETED_IN_FOCUS);
      const one = deleted.length === 1;
      return (
        `Go to Revenue › Invoices and delete the unneeded ${wordFor(kind, deleted.length)} ${deleted.join(', ')}. As you can only delete the last one, start from the highest number; ` +
        (one ? 'now that its booking number is reset, Focus lets it go.' : 'now that their booking numbers are reset, Focus lets them go.')
      );
    },
    (ctx) => {
      const unneeded = ctx.notes.read(UNNEEDED);
      const inOverview = overview(ctx, unneeded.kind).map((r) => r.number);
      const highestFirst = [...unneeded.numbers].sort((a, b) => inOverview.indexOf(b) - inOverview.indexOf(a));
      for (const number of highestFirst)
        expectOk(tryDeleteInFocus(ctx, unneeded.kind, number), `Deleting ${word(unneeded.kind)} ${number}`);
      ctx.notes.write(DELETED_IN_FOCUS, highestFirst);
    },
  );
}

/** Which start date reconnecting fills in. */
export type ReconnectStart =
  /** "As a start date, fill out the original start date of the integration (the data you wrote down)." */
  | 'written-down'
  /** 000/002: "The start date should be the date of the invoice that was first synced to Exact Online." */
  | 'first-synced'
  /** The trainer's mistake: the delink date, a later date than the original (R14). */
  | 'delink-date';

/** The options of {@link reconnect}: the article's choices, and the trainer mistakes it can show. */
export interface ReconnectOptions {
  importContacts?: boolean;
  startDate?: ReconnectStart;
  /** The trainer's mistake: the invoice journal filled in as credit note journal and the other way round. */
  swapJournals?: boolean;
}

const RECONNECT_TITLES: Record<ReconnectStart, string> = {
  'written-down': 'Reconnect with the original start date and journals, no import',
  'first-synced': 'Reconnect from the date of the invoice first synced, no import',
  'delink-date': 'Reconnect with a later start date',
};

/** The date of the oldest invoice or credit note that still shows a booking number: the first one synced. */
function firstSyncedDate(ctx: ScenarioContext): string {
  const synced = [...overview(ctx, 'invoice'), ...overview(ctx, 'credit_note')]
    .filter((r) => r.bookingNumber !== null)
    .map((r) => r.date)
    .sort();
  if (!synced[0]) throw new StepFailure('No invoice or credit note shows a booking number: none was synced.');
  return synced[0];
}

/**
 * 000/002: "The start date should be the date of the invoice that was first synced to Exact Online. If the start date is
 * set to a later date, the payment status of these invoices will not be fetched from Exact Online" (R14); 001 fills in
 * the original start date written down, which is not later either.
 */
function startDateRule(first: FirstSynced | null, filled: string): string {
  // The article's words say "invoice"; where a credit note was synced first, the overview's own name for it says which.
  const named = first ? ` (${first.kind === 'credit_note' ? 'credit note ' : ''}${first.number}, ${first.date})` : '';
  const rule = `The start date should be the date of the invoice that was first synced to Exact Online${named}; `;
  const later = 'if the start date is set to a later date, the payment status of these invoices will not be fetched from Exact Online.';
  if (!first) return rule + later;
  return `${rule}${later} ${filled} is ${filled > first.date ? 'later' : 'not later'}.`;
}

/** "Click on the settings for Exact Online, select the right department and click on 'Connect Exact Online'" with what was written down (R13). */
export function reconnect({ importContacts = false, startDate = 'written-down', swapJournals = false }: ReconnectOptions = {}): Step {
  const title = importContacts
    ? 'Reconnect, importing contacts and companies'
    : swapJournals
      ? 'Reconnect with the invoice and credit note journals swapped'
      : RECONNECT_TITLES[startDate];
  return step(
    'repair',
    title,
    (ctx) => {
      const filled = ctx.notes.read(RECONNECTED);
      return (
        `Open the settings of Exact Online, select the administration and click 'Connect Exact Online'. Fill in the start date ${filled.startDate} ` +
        `(written down: ${ctx.notes.read(SETTINGS).startDate}), invoice journal ${filled.invoiceJournal} and credit note journal ${filled.creditNoteJournal}. ` +
        startDateRule(ctx.notes.read(FIRST_SYNCED), filled.startDate) +
        (importContacts
          ? ' The slider to import contacts and companies is switched on, against the article: DO NOT import companies/contacts in this step, because this will create doubles in your Focus account.'
          : ' DO NOT import companies/contacts in this step, because this will create doubles in your Focus account: the slider stays off.')
      );
    },
    async (ctx) => {
      const written = ctx.notes.read(SETTINGS);
      const start =
        startDate === 'written-down' ? written.startDate : startDate === 'delink-date' ? ctx.notes.read(DELINK_DATE) : firstSyncedDate(ctx);
      const [invoiceJournal, creditNoteJournal] = swapJournals
        ? [written.creditNoteJournal, written.invoiceJournal]
        : [written.invoiceJournal, written.creditNoteJournal];
      const filled = ctx.notes.write(RECONNECTED, { division: written.division, startDate: start, invoiceJournal, creditNoteJournal });
      expectOk(await ctx.world.connect('admin', { ...filled, importContacts, strategy: ctx.strategy }), 'Reconnecting Exact Online');
    },
  );
}

/** "Go to Revenue › Invoices and click on the synchronisation button (two arrows)": a manual sync, and what the bell says. */
export function syncAgain(): Step {
  return step(
    'repair',
    'Sync again with the two arrows',
    (ctx) => `Go to Revenue › Invoices and click the synchronisation button. The bell says: "${ctx.notes.read(LAST_BELL)}".`,
    async (ctx) => {
      await syncNow(ctx);
    },
  );
}
