import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClock } from '../../primitives/index.js';
import { Focus } from '../focus/focus.js';
import { companiesWithoutExternalId, generateExternalIds, planExternalIds, setExternalId, setManuallyEditable } from './external-ids.js';

/** A Focus on a frozen clock with the given companies (name → external ID or null), in that order. */
function newFocus(companies: Record<string, string | null> = {}): { focus: Focus; ids: string[] } {
  const focus = new Focus(createClock({ start: '2026-03-02T09:00:00Z', frozen: true }));
  const ids = Object.entries(companies).map(([name, externalId]) => focus.addCompany({ name, externalId }).id);
  return { focus, ids };
}

const idsOf = (focus: Focus) => Object.fromEntries(Object.values(focus.state.companies).map((c) => [c.name, c.externalId]));

describe('R19: the segment "External ID is not filled out"', () => {
  it('R19: lists the companies without external ID, oldest first (company-10 after company-9)', () => {
    const names = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`Company ${i + 1}`, i % 2 === 0 ? null : String(1000 + i)]));
    const { focus } = newFocus(names);
    expect(companiesWithoutExternalId(focus).map((c) => c.name)).toEqual([
      'Company 1',
      'Company 3',
      'Company 5',
      'Company 7',
      'Company 9',
      'Company 11',
    ]);
  });

  it('R19: an empty external ID counts as not filled out; a filled one leaves the segment', () => {
    const { focus, ids } = newFocus({ 'Brouwerij De Kroon': '', 'Atelier Lumière': '1002' });
    expect(companiesWithoutExternalId(focus).map((c) => c.id)).toEqual([ids[0]]);
  });
});

describe('R18: manual editing of external IDs, admins only with "Manually editable" on', () => {
  it('R18: only an admin turns "Manually editable" on or off', () => {
    const { focus } = newFocus();
    const refused = setManuallyEditable(focus, 'sales', true);
    expect(refused).toMatchObject({
      ok: false,
      problem: { code: 'not_admin', message: expect.stringContaining('Only an admin can change the external-ID settings') },
    });
    expect(focus.state.bookkeepingExport.externalIds.manuallyEditable).toBe(false);
    expect(setManuallyEditable(focus, 'admin', true)).toEqual({ ok: true, value: true });
    expect(focus.state.bookkeepingExport.externalIds.manuallyEditable).toBe(true);
  });

  it('R18: an admin types, trims and clears an external ID when it is manually editable', () => {
    const { focus, ids } = newFocus({ 'Brouwerij De Kroon': null });
    setManuallyEditable(focus, 'admin', true);
    expect(setExternalId(focus, 'admin', ids[0]!, ' 4711 ')).toMatchObject({ ok: true, value: { externalId: '4711' } });
    expect(setExternalId(focus, 'admin', ids[0]!, '4711')).toMatchObject({ ok: true, value: { externalId: '4711' } });
    expect(setExternalId(focus, 'admin', ids[0]!, '  ')).toMatchObject({ ok: true, value: { externalId: null } });
    setExternalId(focus, 'admin', ids[0]!, '4711');
    expect(setExternalId(focus, 'admin', ids[0]!, null)).toMatchObject({ ok: true, value: { externalId: null } });
  });

  it('R18: a non-admin may not edit an external ID, even when it is manually editable', () => {
    const { focus, ids } = newFocus({ 'Brouwerij De Kroon': null });
    setManuallyEditable(focus, 'admin', true);
    const refused = setExternalId(focus, 'sales', ids[0]!, '4711');
    expect(refused).toMatchObject({
      ok: false,
      problem: { code: 'not_editable', companyId: ids[0], message: expect.stringContaining('Only an admin can see and edit external IDs') },
    });
    expect(setExternalId(focus, 'nobody', ids[0]!, '4711').ok).toBe(false);
    expect(focus.state.companies[ids[0]!]!.externalId).toBeNull();
  });

  it('R18: an admin may not edit an external ID while "Manually editable" is off, and is told where to turn it on', () => {
    const { focus, ids } = newFocus({ 'Brouwerij De Kroon': null });
    const refused = setExternalId(focus, 'admin', ids[0]!, '4711');
    expect(refused).toMatchObject({
      ok: false,
      problem: { code: 'not_editable', message: expect.stringContaining('Manage external IDs') },
    });
    expect(focus.state.companies[ids[0]!]!.externalId).toBeNull();
  });

  it('R18: refuses an unknown company and an ID that another company holds', () => {
    const { focus, ids } = newFocus({ 'Brouwerij De Kroon': '1001', 'Atelier Lumière': null });
    setManuallyEditable(focus, 'admin', true);
    expect(setExternalId(focus, 'admin', 'company-99', '5')).toMatchObject({
      ok: false,
      problem: { code: 'not_found', entity: 'company', id: 'company-99' },
    });
    const refused = setExternalId(focus, 'admin', ids[1]!, '1001');
    expect(refused).toMatchObject({ ok: false, problem: { code: 'duplicate_external_id', externalId: '1001', companyId: ids[1] } });
    if (!refused.ok)
      expect(refused.problem.message).toBe(
        'External ID 1001 already belongs to Brouwerij De Kroon. Each customer needs its own external ID; pick another one.',
      );
    expect(focus.state.companies[ids[1]!]!.externalId).toBeNull();
  });
});

describe('R20: generated external IDs from a start value (100000 by default)', () => {
  it('R20: plans consecutive IDs from 100000 for the companies without one, oldest first, without changing anything', () => {
    const { focus, ids } = newFocus({ A: null, B: '1001', C: null });
    const before = focus.snapshot();
    expect(planExternalIds(focus)).toEqual({
      ok: true,
      value: {
        startValue: 100_000,
        firstValue: 100_000,
        assignments: [
          { companyId: ids[0], name: 'A', externalId: '100000' },
          { companyId: ids[2], name: 'C', externalId: '100001' },
        ],
        reused: [],
      },
    });
    expect(focus.snapshot()).toEqual(before);
  });

  it('R20: generating hands the IDs out, stores the start value and continues after the last generated ID on a second run', () => {
    const { focus } = newFocus({ A: null, B: '1001', C: null });
    const first = generateExternalIds(focus, 'admin', { startValue: 200_000 });
    expect(first.ok && first.value.assigned.map((a) => a.externalId)).toEqual(['200000', '200001']);
    expect(idsOf(focus)).toEqual({ A: '200000', B: '1001', C: '200001' });
    expect(focus.state.bookkeepingExport.externalIds.startValue).toBe(200_000);
    focus.addCompany({ name: 'D' });
    const second = generateExternalIds(focus, 'admin');
    expect(second).toMatchObject({ ok: true, value: { startValue: 200_000, assigned: [{ name: 'D', externalId: '200002' }], reused: [] } });
  });

  it('R20: a second run continues even when a generated customer has since lost its ID, so no generated ID is given twice', () => {
    const { focus, ids } = newFocus({ A: null, B: null });
    generateExternalIds(focus, 'admin');
    delete focus.state.companies[ids[1]!];
    focus.addCompany({ name: 'C' });
    expect(generateExternalIds(focus, 'admin')).toMatchObject({ ok: true, value: { assigned: [{ name: 'C', externalId: '100002' }] } });
  });

  it('R20: warns when a lower start value would reuse IDs that customers have, and refuses without confirmation', () => {
    const { focus } = newFocus({ 'Imported 1': '1', 'Imported 3': '3', New1: null, New2: null, New3: null });
    expect(planExternalIds(focus, { startValue: 1 })).toMatchObject({ ok: true, value: { reused: ['1', '3'] } });
    const before = focus.snapshot();
    const refused = generateExternalIds(focus, 'admin', { startValue: 1 });
    expect(refused).toMatchObject({ ok: false, problem: { code: 'start_value_reuses_ids', startValue: 1, reused: ['1', '3'] } });
    if (!refused.ok)
      expect(refused.problem.message).toMatch(
        /^Start value 1 would give out external IDs that customers already have \(1, 3\).*Consult your accountant/,
      );
    expect(focus.snapshot()).toEqual(before);
  });

  it('R20: confirmed, the lower start value hands the IDs out as planned, so two customers share an ID (faithful)', () => {
    const { focus } = newFocus({ 'Imported 1': '1', New1: null, New2: null });
    const confirmed = generateExternalIds(focus, 'admin', { startValue: 1, confirmReuse: true });
    expect(confirmed).toMatchObject({ ok: true, value: { reused: ['1'] } });
    expect(idsOf(focus)).toEqual({ 'Imported 1': '1', New1: '1', New2: '2' });
  });

  it('R20: the fix beside it, skipTaken, skips the numbers customers hold', () => {
    const { focus } = newFocus({ 'Imported 1': '1', 'Imported 3': '3', New1: null, New2: null, New3: null });
    expect(generateExternalIds(focus, 'admin', { startValue: 1, skipTaken: true })).toMatchObject({ ok: true, value: { reused: [] } });
    expect(idsOf(focus)).toMatchObject({ New1: '2', New2: '4', New3: '5' });
    focus.addCompany({ name: 'New4' });
    expect(generateExternalIds(focus, 'admin', { startValue: 1 })).toMatchObject({ ok: true, value: { assigned: [{ externalId: '6' }] } });
  });

  it('R20: only the given companies get an ID (the customers of an export)', () => {
    const { focus, ids } = newFocus({ A: null, B: null, C: null });
    expect(generateExternalIds(focus, 'admin', { companyIds: [ids[2]!, ids[0]!] })).toMatchObject({
      ok: true,
      value: {
        assigned: [
          { name: 'A', externalId: '100000' },
          { name: 'C', externalId: '100001' },
        ],
      },
    });
    expect(idsOf(focus).B).toBeNull();
  });

  it('R20: refuses a non-admin, a start value that is not a whole number above 0 and an unknown company', () => {
    const { focus } = newFocus({ A: null });
    const before = focus.snapshot();
    expect(generateExternalIds(focus, 'sales')).toMatchObject({
      ok: false,
      problem: { code: 'not_admin', message: expect.stringContaining('Only an admin can see and generate external IDs') },
    });
    for (const startValue of [0, -5, 1.5, Number.NaN]) {
      expect(generateExternalIds(focus, 'admin', { startValue })).toMatchObject({
        ok: false,
        problem: { code: 'invalid', message: expect.stringContaining('whole number above 0') },
      });
    }
    expect(planExternalIds(focus, { companyIds: ['company-42'] })).toMatchObject({
      ok: false,
      problem: { code: 'not_found', id: 'company-42' },
    });
    expect(focus.snapshot()).toEqual(before);
  });

  it('R20: generated IDs are unique among themselves, consecutive, and never below the start value (property)', () => {
    const existing = fc.array(fc.option(fc.integer({ min: 1, max: 60 }).map(String), { nil: null }), { maxLength: 12 });
    fc.assert(
      fc.property(
        existing,
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 4 }),
        fc.boolean(),
        (held, startValue, later, skipTaken) => {
          const { focus } = newFocus();
          held.forEach((externalId, i) => focus.addCompany({ name: `Company ${i}`, externalId }));
          const generated: number[] = [];
          for (const run of [0, 1]) {
            if (run === 1) Array.from({ length: later }, (_, i) => focus.addCompany({ name: `Later ${i}` }));
            const result = generateExternalIds(focus, 'admin', { startValue, confirmReuse: true, skipTaken });
            if (!result.ok) return false;
            const numbers = result.value.assigned.map((a) => Number(a.externalId));
            if (!skipTaken && numbers.some((n, i) => i > 0 && n !== numbers[i - 1]! + 1)) return false;
            if (skipTaken && result.value.reused.length > 0) return false;
            generated.push(...numbers);
          }
          expect(new Set(generated).size).toBe(generated.length);
          expect(generated.every((n) => n >= startValue)).toBe(true);
          expect(companiesWithoutExternalId(focus)).toEqual([]);
          return true;
        },
      ),
    );
  });
});
