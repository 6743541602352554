import { book, ERROR_SHOWN, errorInBell, expectSame, line, noteErrorShown, syncNow } from '../actions.js';
import { expectBell, expectReproduced } from '../expectations.js';
import { connectFirstTime } from '../procedures.js';
import { defineScenario, step, StepFailure } from '../scenario.js';
import { journalScreen, overview } from '../screens.js';

/** The calls Exact allows this app a day in the administration in this case: lowered from Exact's 5,000 so that the story plays in a second. */
const DAILY_CALLS = 30;

/** How many invoices the March run books. */
const INVOICES = 40;

/** The bell's text, word for word: Exact's daily limit, when it resets, and the 14 invoices (2026/27 to 2026/40) left. */
const LIMIT_BELL =
  "The bookkeeping tool's daily API limit of 30 calls for this administration is used up until 2026-03-03T00:00:00.000Z: nothing more can be sent today. Sync again after the reset. 14 invoices and credit notes were not synced: the first sync after midnight sends them.";

/** The invoices of the run without a booking number yet. */
const unsynced = (ctx: Parameters<typeof overview>[0]) =>
  overview(ctx, 'invoice').filter((r) => r.status === 'booked' && r.bookingNumber === null);

/**
 * Article 003 with Exact Online's daily rate limit (exact-api.md §3: a number of calls a day per app and
 * administration, reset at midnight UTC; over it, every call is refused with 429). The person clicks the two arrows right
 * after the March invoicing run of 40 invoices, the day Exact was connected: connecting and the sync's own reading
 * used 4 of the day's 30 calls, so 26 invoices are booked (1001 to 1026) before Exact refuses the rest. The bell says
 * so and how many wait (14). Nothing needs repairing: a sync after midnight sends the 14, and none is booked twice.
 */
export default defineScenario({
  id: 'exact-daily-limit-manual-sync',
  title: "A manual sync runs out of Exact Online's daily API limit halfway",
  sources: ['003'],
  rules: ['R15', 'I1', 'I2'],
  expected: 'fixed',
  symptomInvariants: ['I1'],
  world: { accounting: { rateLimits: { enforce: true, daily: DAILY_CALLS } } },
  steps: [
    connectFirstTime(),
    step(
      'setup',
      'The March invoicing run books 40 invoices at once',
      `The March run books 40 invoices of 2 March in one go: 2026/1 to 2026/40. To keep this case short, Exact allows the app ${DAILY_CALLS} API calls a day in this administration instead of 5,000.`,
      (ctx) => {
        for (let i = 1; i <= INVOICES; i += 1)
          book(ctx, `2026/${i}`, { date: '2026-03-02', lines: [line(10_000 * (1 + (i % 5)), { description: 'Monthly service' })] });
      },
    ),
    step(
      'reproduce',
      'A manual sync right after the run uses up the daily limit',
      'The two arrows are clicked at once, the day Exact Online was connected. The sync books 26 invoices, 2026/1 to 2026/26 (1001 to 1026), then Exact refuses every further call of the day.',
      async (ctx) => {
        const report = await syncNow(ctx);
        noteErrorShown(ctx);
        await expectReproduced(ctx, () => {
          expectSame(report.invoicesBooked, 26, 'Invoices booked by the manual sync');
        });
      },
    ),
    step(
      'symptom',
      'Invoices 2026/27 to 2026/40 have no booking number, and the bell says why',
      `14 of the 40 invoices, 2026/27 to 2026/40, have no booking number. The bell says: "${LIMIT_BELL}"`,
      (ctx) => {
        const left = unsynced(ctx).map((r) => r.number);
        expectSame([left.length, left[0], left.at(-1)], [14, '2026/27', '2026/40'], 'The invoices without booking number');
        expectSame(errorInBell(ctx), LIMIT_BELL, "The bell's error");
      },
    ),
    step(
      'repair',
      'Sync again after midnight',
      'The bell says the daily limit is used up until midnight and 14 invoices wait: the next day, after the reset, the two arrows are clicked again.',
      async (ctx) => {
        if (ctx.notes.read(ERROR_SHOWN) !== LIMIT_BELL)
          throw new StepFailure(
            `The bell does not say that the daily limit is used up and 14 invoices wait ("${ctx.notes.read(ERROR_SHOWN)}"): waiting is not the answer.`,
          );
        await ctx.world.advance(86_400_000);
        await syncNow(ctx);
      },
    ),
    step(
      'verify',
      'Every invoice of the run is booked once',
      'Journal 70 holds 40 bookings for the 40 invoices, one each (1001 to 1040), and every invoice carries its booking number. The bell says "Synchronisation finished: 0 customers, 14 invoices and 0 credit notes synced".',
      async (ctx) => {
        const entries = (await journalScreen(ctx, '70')).entries.map((e) => `${e.entryNumber} ${e.yourRef}`);
        const expected = Array.from({ length: INVOICES }, (_, i) => `${1001 + i} 2026/${i + 1}`);
        expectSame(entries, expected, 'The bookings of journal 70');
        expectSame(unsynced(ctx).length, 0, 'Invoices of the run without booking number');
        expectBell(ctx, 'Synchronisation finished: 0 customers, 14 invoices and 0 credit notes synced');
      },
    ),
  ],
});
