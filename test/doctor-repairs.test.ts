import { describe, expect, it } from 'vitest';
import type { Procedure } from '../core/index.js';
import { REPAIRS } from '../scenarios/catalogue/repairs.js';
import { caseOfWorld } from '../scenarios/doctor/doctor-case.js';
import { examine } from '../scenarios/doctor/examine.js';
import type { DoctorExpectation } from '../scenarios/doctor/expectation.js';
import { ScenarioSession, invariantIds } from '../scenarios/session.js';

// Must-show 1 of issue 11: for every repair scenario of the catalogue, the doctor reads the world at the end of its
// symptom phase, names the scenario's case, fills in the story's literal values, and its plan, played on a copy,
// leaves no violation (or exactly what the scenario declares the article's procedure leaves).

/** A procedure's values in the words of a DoctorExpectation. */
function valuesOf(
  procedure: Procedure,
  withFirstSynced: boolean,
): Omit<DoctorExpectation, 'testDocuments' | 'finding' | 'article' | 'plan' | 'articleLeaves' | 'firstSynced'> & { firstSynced?: string } {
  const v = procedure.values;
  const credit = procedure.steps.flatMap((s) =>
    s.action.do === 'credit' ? [`invoice ${s.action.document.number} on ${s.action.date}`] : [],
  )[0];
  return {
    procedure: procedure.id,
    delinkDate: v.delinkDate,
    deleteInExact: v.deleteInExact.map((b) => `${b.journal}/${b.entryNumber}`),
    writeDown: v.writeDown.map((w) => `${w.journal}: ${w.value}`),
    nextBookingNumbers: v.nextBookingNumbers.map(
      (c) => `${c.journal}: Exact says ${c.exactWillSay}, ${c.exactWillSay === c.writtenDown ? 'as written down' : `set ${c.writtenDown}`}`,
    ),
    deleteInFocus: v.deleteInFocus.map((d) => `${d.kind === 'invoice' ? 'invoice' : 'credit note'} ${d.number}`),
    startDate: v.reconnect?.startDate ?? null,
    journals: v.reconnect ? [v.reconnect.invoiceJournal, v.reconnect.creditNoteJournal] : null,
    ...(credit ? { credit } : {}),
    ...(withFirstSynced && v.firstSynced ? { firstSynced: v.firstSynced } : {}),
  };
}

describe('booklab doctor on every repair scenario of the catalogue', () => {
  it('every repair scenario declares what the doctor must say', () => {
    expect(REPAIRS.filter((s) => !s.doctor).map((s) => s.id)).toEqual([]);
  });

  for (const scenario of REPAIRS) {
    it.runIf(scenario.doctor)(`${scenario.id}: names the case, fills in the story's values, and its plan holds`, async () => {
      const expected = scenario.doctor!;
      const session = await ScenarioSession.start(scenario);
      const symptomEnds = session.steps.findIndex((s) => s.phase === 'repair' || s.phase === 'verify');
      try {
        while (session.results.length < symptomEnds) await session.next();
        expect(session.results.filter((r) => r.status === 'failed')).toEqual([]);
        const doctorCase = await caseOfWorld(session.world, scenario.id);
        const result = await examine(doctorCase, { testDocuments: expected.testDocuments ?? [] });
        if (!result.ok) throw new Error(result.problem.message);
        const { findings, article, completed, verdict } = result.value;
        expect(findings.filter((f) => f.code === expected.finding).map((f) => f.article)).toContain(expected.article);
        const carrying = expected.plan === 'completed' ? completed : article;
        expect(carrying, `the ${expected.plan ?? 'article'} plan`).not.toBeNull();
        const { testDocuments: _t, finding: _f, article: _a, plan: _p, articleLeaves, ...values } = expected;
        expect(valuesOf(carrying!.plan.procedures[0]!, expected.firstSynced !== undefined)).toEqual(values);
        expect(invariantIds(article!.proof.violations), article!.proof.failure).toEqual(articleLeaves ?? []);
        if (articleLeaves?.length) expect(completed?.proof.holds, completed?.proof.failure).toBe(true);
        expect(verdict).toBe('proven');
      } finally {
        await session.close();
      }
    });
  }
});
