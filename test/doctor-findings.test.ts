import { describe, expect, it } from 'vitest';
import { book, syncNow } from '../scenarios/actions.js';
import { deleteInExact } from '../scenarios/exact-moves.js';
import { examine } from '../scenarios/doctor/examine.js';
import { connectFirstTime } from '../scenarios/procedures.js';
import { step, type Scenario } from '../scenarios/scenario.js';
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
    const result = await examine(await scenarioCase(BETWEEN, 'end'));
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

/**
 * The same booking number with fifteen bookings after it: invoices 2026/1 to 2026/5 are synced, booking 1005 (the last)
 * is deleted in Exact, then 2026/6 to 2026/20 are synced, 2026/6 getting 1005 again. The plan deletes fifteen bookings
 * and resets sixteen invoices: read aloud, its steps name their runs and counts, while its values keep every one.
 */
const MANY_AFTER: Scenario = {
  id: 'same-booking-number-fifteen-after',
  title: 'The same booking number with fifteen bookings after it',
  sources: ['002'],
  rules: ['P-samenumber'],
  expected: 'fixed',
  steps: [
    connectFirstTime(),
    step('reproduce', 'Book and sync, delete 1005, book and sync fifteen more', 'See the comment.', async (ctx) => {
      for (let n = 1; n <= 4; n += 1) book(ctx, `2026/${n}`, { date: `2026-01-${String(10 + n)}` });
      book(ctx, '2026/5', { date: '2026-02-02' });
      await syncNow(ctx);
      await deleteInExact(ctx, '70', 1005);
      for (let n = 6; n <= 20; n += 1) book(ctx, `2026/${n}`, { date: n === 6 ? '2026-02-02' : `2026-02-${String(n).padStart(2, '0')}` });
      await syncNow(ctx);
    }),
  ],
};

describe('a plan with many bookings to delete, read aloud', () => {
  it('names the bookings by their run and the invoices by their ends, with counts; the values keep every one', async () => {
    const result = await examine(await scenarioCase(MANY_AFTER, 'end'));
    if (!result.ok) throw new Error(result.problem.message);
    const procedure = result.value.article!.plan.procedures[0]!;
    const step = (action: string) => procedure.steps.find((s) => s.action.do === action)!;
    expect(step('delete-in-exact').title).toBe('Delete bookings 1019 down to 1005 (15 in all) in Exact Online, highest first');
    expect(step('delete-in-exact').text).toBe(
      'In Exact Online delete, highest number first: booking 1019 (2026/20, 2026-02-20) in journal 70; booking 1018 (2026/19, 2026-02-19) in journal 70; booking 1017 (2026/18, 2026-02-18) in journal 70; …; booking 1005 (2026/6, 2026-02-02) in journal 70 (15 in all).',
    );
    expect(step('deactivate').text).toContain(
      'invoice 2026/5, invoice 2026/6, invoice 2026/7, … and invoice 2026/20 (16 in all) lose their booking number.',
    );
    expect(procedure.values.deleteInExact.map((b) => b.entryNumber)).toEqual(Array.from({ length: 15 }, (_, i) => 1019 - i));
  });
});
