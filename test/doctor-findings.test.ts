import { describe, expect, it } from 'vitest';
import { examine } from '../scenarios/doctor/examine.js';
import { scenarioCase, type UpTo } from './support/doctor-cases.js';

// The findings outside the repair procedures (issue 11, point 2), each on a catalogue world that shows it: what the
// doctor names, and whether its plan is proven on a copy.

const CASES: Array<[scenario: string, upTo: UpTo, finding: string, verdict: 'proven' | 'unproven']> = [
  ['draft-not-synced', 'symptom', 'not-synced:draft', 'proven'],
  ['bell-full-hides-error', 'symptom', 'not-synced:bell-full', 'unproven'],
  ['octopus-closed-period', 'symptom', 'not-synced:refused', 'unproven'],
  ['edit-after-sync-not-pushed', 'symptom', 'edited-after-sync', 'proven'],
  ['mistake-later-start-date', 'end', 'payment-status-stale', 'proven'],
  ['mistake-delete-only-in-focus', 'end', 'orphan-booking', 'proven'],
  ['mistake-delink-contacts', 'end', 'duplicate-customers', 'unproven'],
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

  it('a full bell: the plan clears the notifications before syncing again (R16)', async () => {
    const result = await examine(await scenarioCase('bell-full-hides-error', 'symptom'));
    if (!result.ok) throw new Error(result.problem.message);
    const steps = result.value.article!.plan.procedures.flatMap((p) => p.steps.map((s) => s.action.do));
    expect(steps.indexOf('clear-bell')).toBeGreaterThan(-1);
    expect(steps.indexOf('clear-bell')).toBeLessThan(steps.lastIndexOf('sync'));
  });
});
