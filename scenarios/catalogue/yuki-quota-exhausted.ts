import { expectReproduced } from '../expectations.js';
import { book, DIVISION, errorInBell, expectOk, expectSame, line, syncNow } from '../actions.js';
import { note } from '../notes.js';
import { defineScenario, step, StepFailure, type ScenarioContext } from '../scenario.js';
import { bell, journalScreen, overview } from '../screens.js';

/** The domain's daily quota in this case: lowered from Yuki's 1,000 so that the story plays in a second. */
const DAILY_CALLS = 40;

/** How many invoices the February run books. */
const INVOICES = 60;

const CUSTOMERS = ['Brouwerij De Kroon', 'Van Dijk Installaties', 'Atelier Lumière', 'Delta Logistics'];

/** The bell's text that day, word for word: Yuki's quota message and the 22 invoices (2026/39 to 2026/60) left for the night. */
const QUOTA_BELL =
  'The daily limit of 40 API calls for domain booklab-demo has been reached. The limit is reset at midnight. 22 invoices and credit notes were not synced: the first sync after midnight sends them.';

/** What the manual sync's bell says the day the quota is used up. */
const ERROR_SHOWN = note<string>('the error the bell shows');

/** The invoices of the run without a booking number yet. */
const unsynced = (ctx: ScenarioContext) => overview(ctx, 'invoice').filter((r) => r.status === 'booked' && r.bookingNumber === null);

/**
 * Article 003 ("for most of the bookkeeping tools there's an automatic sync during the night … this kind of
 * synchronisation won't give you any notification") with Yuki (focus-side.md §2): each sync costs at least 2 API calls
 * plus 1 per invoice, and the domain's calls are capped per day, here at 40. The February run of 60 invoices uses up
 * the quota the first night (38 booked); the other 22 wait for the next night, and nothing is booked twice.
 */
export default defineScenario({
  id: 'yuki-quota-exhausted',
  title: "A large nightly sync uses up Yuki's daily API quota",
  sources: ['003'],
  rules: ['R15', 'R17', 'I1', 'I2'],
  expected: 'fixed',
  symptomInvariants: ['I1'],
  world: { seed: 'yuki', accounting: { yukiDailyCalls: DAILY_CALLS } },
  steps: [
    step(
      'setup',
      'Connect Yuki from 1 January and import the customers',
      `The company connects Yuki with start date 2026-01-01, journals 70 and 71, and imports its customers once. Yuki takes invoices once a night, so the automatic sync is on. To keep this case short, its Yuki domain allows ${DAILY_CALLS} API calls a day instead of the usual 1,000.`,
      async (ctx) => {
        const connecting = {
          tool: 'yuki',
          division: DIVISION,
          startDate: '2026-01-01',
          invoiceJournal: '70',
          creditNoteJournal: '71',
          importContacts: true,
          strategy: ctx.strategy,
        } as const;
        expectOk(await ctx.world.connect('admin', connecting), 'Connecting Yuki');
      },
    ),
    step(
      'reproduce',
      'The February invoicing run books 60 invoices at once',
      'The February run books 60 invoices in one go: 2026/1 to 2026/60.',
      (ctx) => {
        for (let i = 1; i <= INVOICES; i += 1) {
          // Spread over February in number order: Focus numbers chronologically.
          const day = String(1 + Math.floor(((i - 1) * 28) / INVOICES)).padStart(2, '0');
          book(ctx, `2026/${i}`, {
            date: `2026-02-${day}`,
            customer: CUSTOMERS[i % CUSTOMERS.length],
            lines: [line(10_000 * (1 + (i % 5)), { description: 'Monthly service' })],
          });
        }
      },
    ),
    step(
      'reproduce',
      'The night passes: the automatic sync uses up the quota',
      'At 02:00 the automatic sync books 38 invoices, 2026/1 to 2026/38 (1001 to 1038), then Yuki refuses every further call of the day. Unlike the manual sync, it gives no notification.',
      async (ctx) => {
        const [night] = await ctx.world.advance(86_400_000);
        if (!night?.errors.length) throw new StepFailure('The nightly sync did not run or did not run out of calls.');
        await expectReproduced(ctx, () => {
          expectSame(night.invoicesBooked, 38, 'Invoices booked the first night');
        });
      },
    ),
    step(
      'symptom',
      'Invoices 2026/39 to 2026/60 have no booking number, and the bell is empty',
      'The next morning 22 of the 60 invoices, 2026/39 to 2026/60, have no booking number, and the bell has no notification.',
      (ctx) => {
        const left = unsynced(ctx).map((r) => r.number);
        expectSame([left.length, left[0], left.at(-1)], [22, '2026/39', '2026/60'], 'The invoices without booking number');
        if (bell(ctx).length > 0) throw new StepFailure(`The bell has notifications after the nightly sync: ${bell(ctx).join(' | ')}`);
      },
    ),
    step(
      'repair',
      'Start a manual sync first',
      (ctx) =>
        `"Always start a manual sync first if your invoices have not been synced." The two arrows are clicked; the bell says: "${ctx.notes.read(ERROR_SHOWN)}". A manual sync costs calls too, so today it sends nothing.`,
      async (ctx) => {
        await syncNow(ctx);
        ctx.notes.write(ERROR_SHOWN, errorInBell(ctx) ?? '(no error shown)');
      },
    ),
    step(
      'repair',
      'Wait for the next night',
      'The bell says the daily limit of 40 API calls is reached, so nothing needs to change: at midnight the quota starts again, and the next automatic sync books the remaining 22 invoices. None is booked twice: Yuki refused the calls before booking anything.',
      async (ctx) => {
        if (ctx.notes.read(ERROR_SHOWN) !== QUOTA_BELL)
          throw new StepFailure(
            `The bell does not say that the daily limit of 40 API calls is reached and 22 invoices wait ("${ctx.notes.read(ERROR_SHOWN)}"): waiting is not the answer.`,
          );
        await ctx.world.advance(86_400_000);
      },
    ),
    step(
      'verify',
      'Every invoice of the run is booked once',
      'Journal 70 holds 60 bookings for the 60 invoices, one each (1001 to 1060), and every invoice carries its booking number.',
      async (ctx) => {
        const refs = (await journalScreen(ctx, '70')).entries.map((e) => e.yourRef);
        const expected = Array.from({ length: INVOICES }, (_, i) => `2026/${i + 1}`);
        if (JSON.stringify(refs) !== JSON.stringify(expected))
          throw new StepFailure(
            `Journal 70 holds ${refs.length} bookings (${refs.join(', ')}), not one for each of 2026/1 to 2026/60 in number order.`,
          );
        expectSame(unsynced(ctx).length, 0, 'Invoices of the run without booking number');
      },
    ),
  ],
});
