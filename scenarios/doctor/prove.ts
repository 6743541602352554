import { evaluateInvariants, type RepairPlan, type Violation, type World, type WorldSnapshot } from '../../core/index.js';
import type { Scenario } from '../scenario.js';
import { step, StepFailure } from '../scenario.js';
import { ScenarioSession, type StepResult } from '../session.js';
import type { DoctorCase } from './doctor-case.js';
import { planSteps } from './plan-steps.js';

/** What playing a plan on a copy of the world showed. */
export interface Proof {
  /** True when every step went through and I1–I8 all hold after. */
  holds: boolean;
  /** The invariants the plan leaves violated (none when it holds). */
  violations: Violation[];
  steps: StepResult[];
  /** Why it could not be played to the end, when a step was refused. */
  failure?: string;
  /** The world after the plan, when asked for (--save-case); null otherwise, as taking it costs a read of the whole state. */
  after: WorldSnapshot | null;
}

const OPEN_A_COPY = 'Open a copy of the case';

/** The plan as a scenario: a copy of the case's world, then the plan's steps (the dashboard's walkthrough plays this too). */
export function planScenario(doctorCase: DoctorCase, plan: RepairPlan): Scenario {
  return {
    id: 'doctor-plan',
    title: `${plan.kind === 'completed' ? "booklab's completed plan" : "The articles' plan"} for ${doctorCase.title}`,
    sources: [...new Set(plan.procedures.flatMap((p) => (p.article ? [p.article] : [])))],
    rules: [...new Set(plan.procedures.map((p) => p.id))],
    expected: 'fixed',
    world: { accounting: doctorCase.accountingOptions, clock: new Date(doctorCase.snapshot.clock).toISOString() },
    steps: [
      step(
        'setup',
        OPEN_A_COPY,
        `A copy of "${doctorCase.title}": both sides as they were read; the case itself is never changed.`,
        async (ctx) => {
          const restored = await ctx.world.restore(doctorCase.snapshot, { validated: doctorCase.validated ?? false });
          if (!restored.ok) throw new StepFailure(`The case cannot be copied: ${restored.problem.message}`);
        },
      ),
      ...planSteps(plan),
    ],
  };
}

/**
 * Plays a plan on a copy of the case's world, step by step as a scenario is played, and checks I1–I8 after.
 * The case is never changed. A refused step ends the proof there: the plan is then not proven. `copy`: a world
 * that already holds a copy of the case, untouched since, to play in (and close) instead of copying the case again;
 * `keepAfter`: also take a snapshot of the world after the plan.
 */
export async function provePlan(
  doctorCase: DoctorCase,
  plan: RepairPlan,
  { copy, keepAfter = false }: { copy?: World; keepAfter?: boolean } = {},
): Promise<Proof> {
  const session = await ScenarioSession.start(planScenario(doctorCase, plan), copy ? { world: copy, skipSteps: [OPEN_A_COPY] } : {});
  try {
    while (!session.done) await session.next();
    const failed = session.results.find((r) => r.status === 'failed');
    // Checked at once on Focus's state itself, before the world is closed: the copy a view takes is not needed.
    const { world } = session;
    const violations = evaluateInvariants({ focus: world.focus.state, accounting: await world.readAccounting() });
    return {
      holds: !failed && violations.length === 0,
      violations,
      steps: session.results.filter((r) => r.phase !== 'setup'),
      ...(failed ? { failure: `Step "${failed.title}" was refused: ${failed.error}` } : {}),
      after: keepAfter ? await session.world.snapshot() : null,
    };
  } finally {
    await session.close();
  }
}
