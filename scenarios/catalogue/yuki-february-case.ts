import { book, DIVISION, ERROR_SHOWN, expectOk, expectSame, line } from '../actions.js';
import { step, StepFailure, type ScenarioContext, type Step } from '../scenario.js';
import { journalScreen, overview } from '../screens.js';

/** The domain's daily quota in these cases: lowered from Yuki's 1,000 so that the story plays in a second. */
export const DAILY_CALLS = 40;

/** How many invoices the February run books. */
const INVOICES = 60;

const CUSTOMERS = ['Brouwerij De Kroon', 'Van Dijk Installaties', 'Atelier Lumière', 'Delta Logistics'];

/** The world of these cases: Yuki's demo domain with its quota lowered. */
export const YUKI_WORLD = { seed: 'yuki', accounting: { yukiDailyCalls: DAILY_CALLS } } as const;

/** The bell's text the day the quota runs out, word for word: Yuki's message and the 22 invoices (2026/39 to 2026/60) left. */
export const QUOTA_BELL =
  'The daily limit of 40 API calls for domain booklab-demo has been reached. The limit is reset at midnight. 22 invoices and credit notes were not synced: the first sync after midnight sends them.';

/** The invoices of the run without a booking number yet. */
export const unsynced = (ctx: ScenarioContext) => overview(ctx, 'invoice').filter((r) => r.status === 'booked' && r.bookingNumber === null);

/** Yuki connected from 1 January with its nightly sync, customers imported once. */
export function connectYuki(): Step {
  return step(
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
  );
}

/** The February invoicing run: 60 invoices booked at once, 2026/1 to 2026/60. */
export function februaryRun(): Step {
  return step(
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
  );
}

/** The end of both cases: journal 70 holds one booking per invoice of the run, in number order, and Focus knows each. */
export function everyInvoiceBookedOnce(): Step {
  return step(
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
  );
}

/**
 * The repair of both cases: the bell written down says the day's calls are used up and `waiting` invoices wait, so the
 * first automatic sync after midnight books them. `narration` is the case's own sentence for it.
 */
export function waitForTheNextNight(quotaBell: string, waiting: number, narration: string): Step {
  return step('repair', 'Wait for the next night', narration, async (ctx) => {
    if (ctx.notes.read(ERROR_SHOWN) !== quotaBell)
      throw new StepFailure(
        `The bell does not say that the daily limit of 40 API calls is reached and ${waiting} invoices wait ("${ctx.notes.read(ERROR_SHOWN)}"): waiting is not the answer.`,
      );
    await ctx.world.advance(86_400_000);
  });
}
