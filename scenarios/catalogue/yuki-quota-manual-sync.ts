import { errorInBell, expectSame, noteErrorShown, syncNow } from '../actions.js';
import { expectReproduced } from '../expectations.js';
import { defineScenario, step } from '../scenario.js';
import { connectYuki, everyInvoiceBookedOnce, februaryRun, waitForTheNextNight, unsynced, YUKI_WORLD } from './yuki-february-case.js';

/** The bell's text, word for word: Yuki's quota message and the 24 invoices (2026/37 to 2026/60) left for the night. */
const QUOTA_BELL =
  'The daily limit of 40 API calls for domain booklab-demo has been reached. The limit is reset at midnight. 24 invoices and credit notes were not synced: the first sync after midnight sends them.';

/**
 * Article 003 with Yuki (focus-side.md §2), the quota running out *during* a manual sync: the person clicks the two
 * arrows right after the February run of 60 invoices, the day Yuki was connected. Connecting read the journals and the
 * customers (2 of the day's 40 calls), and a sync costs 2 calls plus 1 per invoice, so 36 invoices are booked (1001 to
 * 1036) before Yuki refuses the rest; the bell, unlike the nightly sync's silence, says so and how many wait (24).
 * Nothing needs repairing: the first automatic sync after midnight sends the 24, and none is booked twice.
 */
export default defineScenario({
  id: 'yuki-quota-manual-sync',
  title: "A manual sync runs out of Yuki's daily API quota halfway",
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
      'A manual sync right after the run uses up the quota',
      'The two arrows are clicked at once, the day Yuki was connected: connecting used 2 of the 40 calls. The sync books 36 invoices, 2026/1 to 2026/36 (1001 to 1036), then Yuki refuses every further call of the day.',
      async (ctx) => {
        const report = await syncNow(ctx);
        noteErrorShown(ctx);
        await expectReproduced(ctx, () => {
          expectSame(report.invoicesBooked, 36, 'Invoices booked by the manual sync');
        });
      },
    ),
    step(
      'symptom',
      'Invoices 2026/37 to 2026/60 have no booking number, and the bell says why',
      `24 of the 60 invoices, 2026/37 to 2026/60, have no booking number. The bell says: "${QUOTA_BELL}"`,
      (ctx) => {
        const left = unsynced(ctx).map((r) => r.number);
        expectSame([left.length, left[0], left.at(-1)], [24, '2026/37', '2026/60'], 'The invoices without booking number');
        expectSame(errorInBell(ctx), QUOTA_BELL, "The bell's error");
      },
    ),
    waitForTheNextNight(
      QUOTA_BELL,
      24,
      'The bell says the daily limit of 40 API calls is reached and 24 invoices wait, so nothing needs to change: at midnight the quota starts again, and the next automatic sync books the remaining 24. None is booked twice: Yuki refused the calls before booking anything.',
    ),
    everyInvoiceBookedOnce(),
  ],
});
