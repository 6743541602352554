import type { Finding, RepairPlan } from '../core/index.js';
import { EXIT_CODES, type Examination, type ProvenPlan } from '../scenarios/index.js';

/** The JSON contract of `booklab doctor --format json`, version 1 (docs/doctor-json.md). */
export interface DoctorJson {
  format: 'booklab-doctor';
  version: 1;
  case: { title: string; clock: string };
  verdict: Examination['verdict'];
  exitCode: number;
  findings: Finding[];
  violations: Array<{ invariant: string; message: string }>;
  plan: PlanJson | null;
  completedPlan: PlanJson | null;
}

/** A plan with its proof, as the contract gives it. */
export interface PlanJson {
  kind: RepairPlan['kind'];
  procedures: Array<
    RepairPlan['procedures'][number] & { steps: Array<RepairPlan['procedures'][number]['steps'][number] & { number: number }> }
  >;
  unrepaired: RepairPlan['unrepaired'];
  proof: {
    holds: boolean;
    violations: Array<{ invariant: string; message: string }>;
    failure: string | null;
    steps: Array<{ title: string; status: string; narrationOnly: string | null }>;
  };
}

/** The examination as the versioned JSON contract. */
export function doctorJson(examination: Examination): DoctorJson {
  return {
    format: 'booklab-doctor',
    version: 1,
    case: { title: examination.case.title, clock: new Date(examination.case.snapshot.clock).toISOString() },
    verdict: examination.verdict,
    exitCode: EXIT_CODES[examination.verdict],
    findings: examination.findings,
    violations: examination.violations.map(({ invariant, message }) => ({ invariant, message })),
    plan: planJson(examination.article),
    completedPlan: planJson(examination.completed),
  };
}

function planJson(proven: ProvenPlan | null): PlanJson | null {
  if (!proven) return null;
  let n = 0;
  const { plan, proof } = proven;
  return {
    kind: plan.kind,
    procedures: plan.procedures.map((p) => ({ ...p, steps: p.steps.map((s) => ({ number: (n += 1), ...s })) })),
    unrepaired: plan.unrepaired,
    proof: {
      holds: proof.holds,
      violations: proof.violations.map(({ invariant, message }) => ({ invariant, message })),
      failure: proof.failure ?? null,
      steps: proof.steps.map((s) => ({ title: s.title, status: s.status, narrationOnly: s.narrationOnly ?? null })),
    },
  };
}
