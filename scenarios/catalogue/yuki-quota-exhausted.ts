import { expectReproduced } from '../expectations.js';
import { ERROR_SHOWN, expectSame, noteErrorShown, syncNow } from '../actions.js';
import { defineScenario, step, StepFailure } from '../scenario.js';
import { bell } from '../screens.js';
import {
  connectYuki,
  everyInvoiceBookedOnce,
  februaryRun,
  waitForTheNextNight,
  QUOTA_BELL,
  unsynced,
  YUKI_WORLD,
} from './yuki-february-case.js';

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
  world: YUKI_WORLD,
  steps: [
    connectYuki(),
    februaryRun(),
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
        noteErrorShown(ctx);
      },
    ),
    waitForTheNextNight(
      QUOTA_BELL,
      22,
      'The bell says the daily limit of 40 API calls is reached, so nothing needs to change: at midnight the quota starts again, and the next automatic sync books the remaining 22 invoices. None is booked twice: Yuki refused the calls before booking anything.',
    ),
    everyInvoiceBookedOnce(),
  ],
});
