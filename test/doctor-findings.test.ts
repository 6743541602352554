import { describe, expect, it } from 'vitest';
import { book, syncNow } from '../scenarios/actions.js';
import { deleteInExact } from '../scenarios/exact-moves.js';
import { caseOfWorld } from '../scenarios/doctor/doctor-case.js';
import { examine } from '../scenarios/doctor/examine.js';
import { connectFirstTime } from '../scenarios/procedures.js';
import { step, type Scenario } from '../scenarios/scenario.js';
import { ScenarioSession } from '../scenarios/session.js';
import { scenarioCase, type UpTo } from './support/doctor-cases.js';

// The findings outside the repair procedures (issue 11, point 2), each on a catalogue world that shows it: what the
// doctor names, and whether its plan is proven on a copy.

const CASES: Array<[scenario: string, upTo: UpTo, finding: string, verdict: 'proven' | 'unproven']> = [
  ['draft-not-synced', 'symptom', 'not-synced:draft', 'proven'],
  ['bell-full-hides-error', 'symptom', 'not-synced:bell-full', 'unproven'],
  ['octopus-closed-period', 'symptom', 'not-synced:refused', 'unproven'],
  ['edit-after-sync-not-pushed', 'symptom', 'edited-after-sync', 'proven'],
  // Same total, the lines moved: the doctor compares line by line too.
  ['edit-after-sync-same-total', 'symptom', 'edited-after-sync', 'proven'],
  ['mistake-later-start-date', 'end', 'payment-status-stale', 'proven'],
  ['mistake-delete-only-in-focus', 'end', 'orphan-booking', 'proven'],
  ['mistake-delink-contacts', 'end', 'duplicate-customers', 'unproven'],
  // Reconnected with the journals swapped: invoices in journals 70 and 71; the articles' advice, no plan booklab can prove.
  ['mistake-swapped-journals', 'end', 'wrong-journal', 'unproven'],
  // The next booking number corrected onto 1002, which 2026/2 holds: Exact refuses 2026/3 and 2026/4.
  ['mistake-next-number-in-use', 'end', 'next-number-will-collide', 'proven'],
  ['mistake-next-number-in-use', 'end', 'not-synced:refused', 'proven'],
  // Booking 1003 deleted in Exact, before 2026/4 is booked: what comes before article 002.
  ['same-booking-number', 3, 'booking-deleted-in-exact', 'proven'],
  ['same-booking-number', 3, 'next-number-will-collide', 'proven'],
];

describe('booklab doctor names what the catalogue shows', () => {
  it.each(CASES)('%s (%s): %s, %s', async (scenario, upTo, finding, verdict) => {
    const result = await examine(await scenarioCase(scenario, upTo));
    if (!result.ok) throw new Error(result.problem.message);
    const named = result.value.findings.map((f) => `${f.code}${f.reason ? `:${f.reason.code}` : ''}`);
    expect(named).toContain(finding);
    expect(result.value.verdict).toBe(verdict);
  });

  it('a next booking number Exact already holds: Exact refuses it, no second document gets it (R8, I3)', async () => {
    const result = await examine(await scenarioCase('mistake-next-number-in-use', 'end'));
    if (!result.ok) throw new Error(result.problem.message);
    expect(result.value.findings.find((f) => f.code === 'next-number-will-collide')?.summary).toBe(
      'Journal 70\'s next booking number is 1002: journal 70 already holds 1002, so Exact refuses the next booking ("In use: Entry number", I3).',
    );
  });

  it('a full bell: the plan clears the notifications before syncing again (R16)', async () => {
    const result = await examine(await scenarioCase('bell-full-hides-error', 'symptom'));
    if (!result.ok) throw new Error(result.problem.message);
    const steps = result.value.article!.plan.procedures.flatMap((p) => p.steps.map((s) => s.action.do));
    expect(steps.indexOf('clear-bell')).toBeGreaterThan(-1);
    expect(steps.indexOf('clear-bell')).toBeLessThan(steps.lastIndexOf('sync'));
  });
});

/**
 * same-booking-number-earlier-date with a booking between the two dates: 2026/4 (12 February) loses booking 1004,
 * 2026/5 (17 February) gets 1004 again, and 2026/6 (15 February) is booked as 1005. The completed plan moves the
 * delink date back to 12 February before deleting, so booking 1005 is deleted and booked again too.
 */
const BETWEEN: Scenario = {
  id: 'earlier-date-with-a-booking-between',
  title: 'The same booking number, the deleted booking dated earlier, a booking between',
  sources: ['002'],
  rules: ['P-samenumber'],
  expected: 'fixed',
  steps: [
    connectFirstTime(),
    step('reproduce', 'Book and sync, delete 1004, book again', 'See the comment.', async (ctx) => {
      book(ctx, '2026/1', { date: '2026-01-15' });
      book(ctx, '2026/2', { date: '2026-02-03' });
      book(ctx, '2026/3', { date: '2026-02-10' });
      book(ctx, '2026/4', { date: '2026-02-12' });
      await syncNow(ctx);
      await deleteInExact(ctx, '70', 1004);
      book(ctx, '2026/5', { date: '2026-02-17' });
      await syncNow(ctx);
      book(ctx, '2026/6', { date: '2026-02-15' });
      await syncNow(ctx);
    }),
  ],
};

describe("booklab's completed plan with a booking between the two dates", () => {
  it("the article's plan does not hold (1005 is written down but still in use); the completed plan deletes from 12 February and holds", async () => {
    const session = await ScenarioSession.start(BETWEEN);
    let doctorCase;
    try {
      while (!session.done) await session.next();
      expect(session.results.map((r) => r.status)).toEqual(['passed', 'passed']);
      doctorCase = await caseOfWorld(session.world, BETWEEN.id);
    } finally {
      await session.close();
    }
    const result = await examine(doctorCase);
    if (!result.ok) throw new Error(result.problem.message);
    const { article, completed, verdict } = result.value;
    expect([...new Set(article!.proof.violations.map((v) => v.invariant))]).toEqual(['I1', 'I3']);
    const values = completed!.plan.procedures[0]!.values;
    expect([values.delinkDate, values.deleteInExact.map((b) => b.entryNumber), values.writeDown.map((w) => w.value)]).toEqual([
      '2026-02-12',
      [1005, 1004],
      [1005],
    ]);
    expect([completed!.proof.holds, verdict]).toEqual([true, 'proven']);
  });
});
