import { describe, expect, it } from 'vitest';
import { examine } from '../scenarios/doctor/examine.js';
import { scenarioCase } from './support/doctor-cases.js';

// The doctor plays its plans on a copy: the case it was given (what --save-case writes as .before.json) is the
// case as read after the proof, whether the case is known to fit the schema (read from a file, a live world) or not.

describe('examining a case leaves the case as it was', () => {
  it.each([true, false])('article 002, the proof deletes, reconnects and syncs (validated: %s)', async (validated) => {
    const doctorCase = { ...(await scenarioCase('same-booking-number')), validated };
    const before = structuredClone(doctorCase.snapshot);
    const examined = await examine(doctorCase);
    expect(examined.ok && examined.value.verdict).toBe('proven');
    expect(doctorCase.snapshot).toEqual(before);
  });
});
