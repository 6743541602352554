import type { InvariantId, World } from '../../core/index.js';
import { caseOfWorld } from '../doctor/doctor-case.js';
import { examine, type ProvenPlan } from '../doctor/examine.js';
import { invariantIds } from '../session.js';
import type { BrokenJudge, DoctorVerdict, JudgedClass } from './play-history.js';

// The explorer's judge of a broken world: booklab doctor diagnoses it, plans the articles' repair, plays it on a copy
// and, when it leaves something, plays booklab's completed plan too. The history lands in the class of what repaired
// it (or did not), and its finding is the set of the doctor's finding codes.

/** The finding of a broken world the doctor found nothing in: the invariants still say it is broken. */
export const NOTHING_FOUND = 'nothing-found';

/** What the doctor's plan did, for the report. */
function verdictOf(findings: string[], proven: ProvenPlan | null, plan: DoctorVerdict['plan']): DoctorVerdict {
  const leaves: InvariantId[] = proven ? invariantIds(proven.proof.violations) : [];
  return { findings, plan, leaves, ...(proven?.proof.failure ? { failure: proven.proof.failure } : {}) };
}

function holds(proven: ProvenPlan | null): boolean {
  return proven !== null && proven.proof.holds && proven.plan.unrepaired.length === 0;
}

/**
 * Judges a broken world with the doctor: `repaired-by-article` when the articles' plan holds on a copy,
 * `repaired-by-completed-plan` when only booklab's completed plan does, `no-plan` when the doctor finds nothing or
 * has only advice, `plan-fails` otherwise. The world itself is not changed (the doctor plays on copies).
 */
export async function judgeWorld(world: World, title: string): Promise<{ class: JudgedClass; code: string; doctor: DoctorVerdict }> {
  const examined = await examine(await caseOfWorld(world, title));
  if (!examined.ok) throw new Error(`[booklab] The doctor refused a world the explorer reached: ${examined.problem.message}`);
  const { findings, article, completed } = examined.value;
  const codes = [...new Set(findings.map((f) => f.code))].sort();
  const code = codes.join('+') || NOTHING_FOUND;
  if (holds(article)) return { class: 'repaired-by-article', code, doctor: verdictOf(codes, article, 'article') };
  if (holds(completed)) return { class: 'repaired-by-completed-plan', code, doctor: verdictOf(codes, completed, 'completed') };
  const acts = article !== null && article.plan.procedures.some((p) => p.id !== 'advice');
  if (!acts) return { class: 'no-plan', code, doctor: verdictOf(codes, null, null) };
  return { class: 'plan-fails', code, doctor: verdictOf(codes, completed ?? article, completed ? 'completed' : 'article') };
}

/** The explorer's judge: {@link judgeWorld} on the world a history left broken. */
export const judgeWithDoctor: BrokenJudge = (ctx, outcome) => judgeWorld(ctx.world, `A history ending with ${outcome.code}`);
