import {
  completeRepair,
  diagnose,
  evaluateInvariants,
  planRepair,
  type DoctorResult,
  type Finding,
  type RepairPlan,
  type TestDocument,
  type Violation,
  type WorldView,
  World,
} from '../../core/index.js';
import type { DoctorCase } from './doctor-case.js';
import { provePlan, type Proof } from './prove.js';

/** A plan with its proof. */
export interface ProvenPlan {
  plan: RepairPlan;
  proof: Proof;
}

/** Everything the doctor says about a case: findings, the articles' plan and its proof, booklab's completed plan. */
export interface Examination {
  case: DoctorCase;
  violations: Violation[];
  findings: Finding[];
  article: ProvenPlan | null;
  /** Offered when the article's plan leaves something wrong and one extra step completes it. */
  completed: ProvenPlan | null;
  /** `healthy` (exit 0), `proven` (a plan holds, exit 1), `unproven` (no plan holds, exit 3). */
  verdict: 'healthy' | 'proven' | 'unproven';
  /** Where the time went (for the bench; never in the output, which must not change from run to run). */
  timings: Timings;
}

/** Milliseconds spent reading the case, diagnosing, planning and proving. */
export interface Timings {
  readMs: number;
  diagnoseMs: number;
  planMs: number;
  proveMs: number;
}

/** The exit code of each verdict (docs/doctor-json.md). */
export const EXIT_CODES: Record<Examination['verdict'], number> = { healthy: 0, proven: 1, unproven: 3 };

/**
 * Diagnoses a case, plans the repair and proves it on a copy; when the articles' plan leaves something, proves
 * booklab's completed plan too. A plan holds only when it leaves every invariant intact and repairs every finding.
 * `keepAfter`: each proof keeps the world after its plan (for --save-case).
 */
export async function examine(
  doctorCase: DoctorCase,
  { testDocuments = [], keepAfter = false }: { testDocuments?: readonly TestDocument[]; keepAfter?: boolean } = {},
): Promise<DoctorResult<Examination>> {
  const timings: Timings = { readMs: 0, diagnoseMs: 0, planMs: 0, proveMs: 0 };
  let started = performance.now();
  const lap = (what: keyof Timings) => {
    timings[what] += performance.now() - started;
    started = performance.now();
  };
  const { world, view } = await readCase(doctorCase);
  // The world read for the diagnosis holds a copy of the case: the first proof plays in it (and closes it).
  let copy: World | undefined = world;
  try {
    return await examineView(doctorCase, view, testDocuments, timings, lap, () => {
      const taken = copy;
      copy = undefined;
      return { copy: taken, keepAfter };
    });
  } finally {
    await copy?.close();
  }
}

/** The diagnosis, the plan and its proofs of a case read as `view`; `takeCopy` hands out the read world once (and the proof options). */
async function examineView(
  doctorCase: DoctorCase,
  view: WorldView,
  testDocuments: readonly TestDocument[],
  timings: Timings,
  lap: (what: keyof Timings) => void,
  takeCopy: () => { copy: World | undefined; keepAfter: boolean },
): Promise<DoctorResult<Examination>> {
  lap('readMs');
  const violations = evaluateInvariants(view);
  const found = diagnose(view, { testDocuments, violations });
  if (!found.ok) return found;
  const findings = found.value;
  lap('diagnoseMs');
  if (findings.length === 0)
    return { ok: true, value: { case: doctorCase, violations, findings, article: null, completed: null, verdict: 'healthy', timings } };
  const options = { today: new Date(doctorCase.snapshot.clock).toISOString().slice(0, 10) };
  const plan = planRepair(view, findings, options);
  lap('planMs');
  const article = { plan, proof: await provePlan(doctorCase, plan, takeCopy()) };
  lap('proveMs');
  let completed: ProvenPlan | null = null;
  if (!article.proof.holds) {
    const more = completeRepair(view, findings, options);
    if (more) completed = { plan: more, proof: await provePlan(doctorCase, more, takeCopy()) };
    lap('proveMs');
  }
  const holds = (p: ProvenPlan | null) => p !== null && p.proof.holds && p.plan.unrepaired.length === 0;
  return {
    ok: true,
    value: {
      case: doctorCase,
      violations,
      findings,
      article,
      completed,
      verdict: holds(article) || holds(completed) ? 'proven' : 'unproven',
      timings,
    },
  };
}

/**
 * Both sides of the case as the invariants read them, from a world of its own holding a copy of the case (the caller
 * closes it). A case known to fit the schema starts its server from a copy in this process, as loadCaseFile does: no
 * round trip of the whole state through JSON and a second schema check; any other case is restored, and so checked.
 */
async function readCase(doctorCase: DoctorCase): Promise<{ world: World; view: WorldView }> {
  const { snapshot, validated = false } = doctorCase;
  const options = { transport: 'in-process' as const, accounting: doctorCase.accountingOptions };
  const world = validated
    ? await World.copyOf(snapshot, options)
    : await World.create({ ...options, clock: new Date(snapshot.clock).toISOString() });
  try {
    if (!validated) {
      const restored = await world.restore(snapshot);
      if (!restored.ok) throw new Error(`[booklab] The case cannot be opened: ${restored.problem.message}`);
    }
    // A validated case's Focus part is what the world was started from, and nothing changes a case: no second copy.
    return { world, view: validated ? { focus: snapshot.focus, accounting: await world.readAccounting() } : await world.view() };
  } catch (error) {
    await world.close();
    throw error;
  }
}
