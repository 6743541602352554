import { book, bookings, DIVISION, doc, errorInBell, expectOk, line } from '../actions.js';
import { defineScenario, step, StepFailure, type ScenarioContext } from '../scenario.js';

const DAY_MS = 86_400_000;

/** The domain's daily quota in this case: lowered from Yuki's 1,000 so that the story plays in a second. */
const DAILY_CALLS = 40;

/** How many invoices the February run books. */
const INVOICES = 60;

const CUSTOMERS = ['Brouwerij De Kroon', 'Van Dijk Installaties', 'Atelier Lumière', 'Delta Logistics'];

/** The invoices of the run that have no booking number yet. */
const unsynced = (ctx: ScenarioContext) => Array.from({ length: INVOICES }, (_, i) => doc(ctx, `invoice ${i + 1}`)).filter((d) => d.bookingNumber === null);

/**
 * Article 003 ("for most of the bookkeeping tools there's an automatic sync during the night … this kind of
 * synchronisation won't give you any notification") with Yuki (focus-side.md §2): each sync costs at least 2
 * API calls plus 1 per invoice, and the domain's calls are capped per day. A large run uses up the quota:
 * the rest waits for the next night, and nothing is booked twice.
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
        const connecting = { tool: 'yuki', division: DIVISION, startDate: '2026-01-01', invoiceJournal: '70', creditNoteJournal: '71', importContacts: true, strategy: ctx.strategy } as const;
        expectOk(await ctx.world.connect('admin', connecting), 'Connecting Yuki');
      },
    ),
    step('reproduce', 'The February invoicing run books many invoices at once', (ctx) => `The February run books ${INVOICES} invoices in one go: ${doc(ctx, 'invoice 1').number} to ${doc(ctx, `invoice ${INVOICES}`).number}.`, (ctx) => {
      for (let i = 1; i <= INVOICES; i += 1) {
        // Spread over February in number order: Focus numbers chronologically.
        const day = String(1 + Math.floor(((i - 1) * 28) / INVOICES)).padStart(2, '0');
        book(ctx, `invoice ${i}`, { date: `2026-02-${day}`, customer: CUSTOMERS[i % CUSTOMERS.length], lines: [line(10_000 * (1 + (i % 5)), { description: 'Monthly service' })] });
      }
    }),
    step('reproduce', 'The night passes: the automatic sync uses up the quota', (ctx) => `At 02:00 the automatic sync books ${ctx.notes.firstNight} invoices, then Yuki refuses every further call of the day: ${ctx.notes.nightlyError} Unlike the manual sync, it gives no notification.`, async (ctx) => {
      const [night] = await ctx.world.advance(DAY_MS);
      if (!night?.errors.length) throw new StepFailure('The nightly sync did not run or did not run out of calls.');
      Object.assign(ctx.notes, { firstNight: night.invoicesBooked, nightlyError: night.errors.join(' ') });
    }),
    step('symptom', 'Part of the run has no booking number, and the bell is empty', (ctx) => `The next morning ${ctx.notes.left} of the ${INVOICES} invoices have no booking number, and the bell has ${ctx.world.focus.unreadNotifications().length} notifications.`, (ctx) => {
      ctx.notes.left = unsynced(ctx).length;
      if (ctx.notes.left === 0) throw new StepFailure('Every invoice was synced: the quota was not used up.');
      if (ctx.world.focus.unreadNotifications().length > 0) throw new StepFailure('The bell has notifications after the nightly sync.');
    }),
    step('repair', 'Start a manual sync first', (ctx) => `"Always start a manual sync first if your invoices have not been synced." The two arrows are clicked; the bell says: "${ctx.notes.error}". A manual sync costs calls too, so today it sends nothing.`, async (ctx) => {
      await ctx.world.sync('manual');
      ctx.notes.error = errorInBell(ctx) ?? '(no error shown)';
    }),
    step('repair', 'Wait for the next night', (ctx) => `Nothing needs to change: at midnight the quota starts again, and the next automatic sync books the remaining ${ctx.notes.secondNight} invoices. None is booked twice: Yuki refused the calls before booking anything.`, async (ctx) => {
      const [night] = await ctx.world.advance(DAY_MS);
      ctx.notes.secondNight = night?.invoicesBooked ?? 0;
    }),
    step('verify', 'Every invoice of the run is booked once', (ctx) => `Journal 70 holds ${ctx.notes.booked} bookings for the ${INVOICES} invoices, one each, and every invoice carries its booking number.`, async (ctx) => {
      const numbers = new Set(Array.from({ length: INVOICES }, (_, i) => doc(ctx, `invoice ${i + 1}`).number));
      const ofRun = (await bookings(ctx, '70')).filter((b) => numbers.has(b.yourRef));
      ctx.notes.booked = ofRun.length;
      if (ofRun.length !== INVOICES) throw new StepFailure(`Journal 70 holds ${ofRun.length} bookings for the ${INVOICES} invoices of the run.`);
      if (new Set(ofRun.map((b) => b.yourRef)).size !== INVOICES) throw new StepFailure('An invoice of the run is booked twice in journal 70.');
      if (unsynced(ctx).length > 0) throw new StepFailure(`${unsynced(ctx).length} invoices of the run still have no booking number.`);
    }),
  ],
});
