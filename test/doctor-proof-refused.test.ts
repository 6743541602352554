import { describe, expect, it } from 'vitest';
import { examine } from '../scenarios/doctor/examine.js';
import { scenarioCase } from './support/doctor-cases.js';

// A plan whose deletion in Exact is refused is not proven, and says which booking was refused and why, as the
// person deleting it one booking at a time would read it (the proof deletes a plan's bookings in one request).

describe('a proof whose deletion in Exact is refused', () => {
  it('stops at the refused booking and is not proven (article 002, every period closed)', async () => {
    const doctorCase = await scenarioCase('same-booking-number');
    for (const period of Object.values(doctorCase.snapshot.accounting.periods)) period.closed = true;
    const examined = await examine(doctorCase);
    expect(examined.ok).toBe(true);
    if (!examined.ok) return;
    const { article, verdict } = examined.value;
    expect(verdict).toBe('unproven');
    expect(article?.proof.holds).toBe(false);
    expect(article?.proof.failure).toBe(
      'Step "4. Delete booking 1003 in Exact Online, highest first" was refused: Deleting booking 1003 in journal 70 was refused: Period is closed',
    );
    expect(article?.proof.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed', 'failed']);
  });
});
