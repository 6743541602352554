import { book, connectDemo, ERROR_SHOWN, errorInBell, expectSame, line, noteErrorShown, syncNow } from '../actions.js';
import { expectBell, expectBooked, expectJournal, expectReproduced, type Booked, type Entry } from '../expectations.js';
import { checkerNames } from '../procedures.js';
import { defineScenario, step, StepFailure } from '../scenario.js';
import { journalScreen } from '../screens.js';

/** The calls Exact allows this app a day in the administration in this case: lowered from Exact's 5,000 so that the story plays in a second. */
const DAILY_CALLS = 30;

/** How many invoices the March run books (with one credit note). */
const INVOICES = 26;

/** The bell's text, word for word: Exact's daily limit, when it resets, and the one document (credit note 2026/1) left. */
const LIMIT_BELL =
  "The bookkeeping tool's daily API limit of 30 calls for this administration is used up until 2026-03-03T00:00:00.000Z: nothing more can be sent today. Sync again after the reset. 1 invoice or credit note was not synced: the first sync after midnight sends it.";

/** Journal 70 once the run is synced: 1001 to 1026 for invoices 2026/1 to 2026/26. */
const INVOICE_ENTRIES = Array.from({ length: INVOICES }, (_, i) => `${1001 + i} 2026/${i + 1}`);

const CREDIT_NOTE_UNSYNCED: Booked[] = [['2026/1', null]];
const CREDIT_NOTE_SYNCED: Booked[] = [['2026/1', 8001]];
const JOURNAL_71: Entry[] = [[8001, '2026/1']];

/**
 * Article 003 with Exact Online's daily rate limit (exact-api.md §3: a number of calls a day per app and
 * administration, reset at midnight UTC; over it, every call is refused with 429). The person clicks the two arrows right
 * after the March run of 26 invoices and one credit note, the day Exact was connected, with that day as the start date:
 * connecting and the sync's own reading used 4 of the day's 30 calls. The sync sends invoices before credit notes, so the 26 invoices are booked
 * (1001 to 1026) and Exact refuses credit note 2026/1. The bell says so, and that one document waits. Nothing needs
 * repairing: a sync after midnight sends the credit note (8001), and nothing is booked twice. The credit note is dated
 * on the start date itself, so the checker naming it (I1) pins I1's boundary: a document of the start date counts.
 */
export default defineScenario({
  id: 'exact-daily-limit-manual-sync',
  title: "A manual sync runs out of Exact Online's daily API limit one document short",
  sources: ['003'],
  rules: ['R5', 'R15', 'I1', 'I2'],
  expected: 'fixed',
  symptomInvariants: ['I1'],
  world: { accounting: { rateLimits: { enforce: true, daily: DAILY_CALLS } } },
  steps: [
    step(
      'setup',
      'Connect Exact Online on 2 March, from 2 March, and import the customers',
      'The company connects Exact Online on 2 March with start date 2026-03-02, journal 70 for invoices and 71 for credit notes, and imports its customers once.',
      async (ctx) => {
        await connectDemo(ctx, { startDate: '2026-03-02', importContacts: true });
      },
    ),
    step(
      'setup',
      'The March run books a credit note and 26 invoices at once',
      `The March run books, all dated 2 March, credit note 2026/1 to Brouwerij De Kroon (-€121.00) first, then invoices 2026/1 to 2026/26. To keep this case short, Exact allows the app ${DAILY_CALLS} API calls a day in this administration instead of 5,000.`,
      (ctx) => {
        book(ctx, '2026/1', { date: '2026-03-02', kind: 'credit_note', lines: [line(10_000, { description: 'Monthly service' })] });
        for (let i = 1; i <= INVOICES; i += 1)
          book(ctx, `2026/${i}`, { date: '2026-03-02', lines: [line(10_000 * (1 + (i % 5)), { description: 'Monthly service' })] });
      },
    ),
    step(
      'reproduce',
      'A manual sync right after the run uses up the daily limit',
      'The two arrows are clicked at once, the day Exact Online was connected. The sync sends invoices before credit notes: it books the 26 invoices, 2026/1 to 2026/26 (1001 to 1026), then Exact refuses every further call of the day, and credit note 2026/1 is not sent.',
      async (ctx) => {
        const report = await syncNow(ctx);
        noteErrorShown(ctx);
        await expectReproduced(ctx, () => {
          expectSame([report.invoicesBooked, report.creditNotesBooked], [26, 0], 'Invoices and credit notes booked by the manual sync');
        });
      },
    ),
    step(
      'symptom',
      'Credit note 2026/1 has no booking number, and the bell says why',
      `Every invoice of the run has its booking number, but credit note 2026/1 has none. The bell says: "${LIMIT_BELL}"`,
      async (ctx) => {
        expectBooked(ctx, 'credit_note', CREDIT_NOTE_UNSYNCED);
        const entries = (await journalScreen(ctx, '70')).entries.map((e) => `${e.entryNumber} ${e.yourRef}`);
        expectSame(entries, INVOICE_ENTRIES, 'The bookings of journal 70');
        expectSame(errorInBell(ctx), LIMIT_BELL, "The bell's error");
      },
    ),
    checkerNames([['I1', ['2026/1'], []]], 'credit note 2026/1 of 2 March, the start date, is booked but has no booking in journal 71'),
    step(
      'repair',
      'Sync again after midnight',
      'The bell says the daily limit is used up until midnight and one document waits: the next day, after the reset, the two arrows are clicked again.',
      async (ctx) => {
        if (ctx.notes.read(ERROR_SHOWN) !== LIMIT_BELL)
          throw new StepFailure(
            `The bell does not say that the daily limit is used up and one document waits ("${ctx.notes.read(ERROR_SHOWN)}"): waiting is not the answer.`,
          );
        await ctx.world.advance(86_400_000);
        await syncNow(ctx);
      },
    ),
    step(
      'verify',
      'Every document of the run is booked once',
      'Journal 70 holds the 26 invoices once each (1001 to 1026), and journal 71 holds credit note 2026/1 as 8001, its booking number in Focus. The bell says "Synchronisation finished: 0 customers, 0 invoices and 1 credit note synced".',
      async (ctx) => {
        const entries = (await journalScreen(ctx, '70')).entries.map((e) => `${e.entryNumber} ${e.yourRef}`);
        expectSame(entries, INVOICE_ENTRIES, 'The bookings of journal 70');
        expectBooked(ctx, 'credit_note', CREDIT_NOTE_SYNCED);
        await expectJournal(ctx, '71', JOURNAL_71, 8002);
        expectBell(ctx, 'Synchronisation finished: 0 customers, 0 invoices and 1 credit note synced');
      },
    ),
  ],
});
