import { describe, expect, it } from 'vitest';
import { runScenario } from './run-scenario.js';
import { defineScenario, narrationStep, step, StepFailure, type Scenario, type Step } from './scenario.js';

const acts = (title: string, phase: Step['phase'] = 'repair') => step(phase, title, title, (ctx) => void ctx.refs);
const asserts = (title: string, ok = true) =>
  step('verify', title, title, () => {
    if (!ok) throw new StepFailure('It does not hold.');
  });

function scenario(steps: Step[], fields: Partial<Scenario> = {}): Scenario {
  return {
    id: 'shape',
    title: 'Shape',
    sources: ['000'],
    rules: ['R2'],
    expected: 'fixed',
    symptom: { description: 's', present: () => false },
    steps,
    ...fields,
  };
}

describe('defineScenario', () => {
  it('refuses a verify or symptom step that asserts nothing, or is declared narration only', () => {
    expect(() => defineScenario(scenario([step('verify', 'Nothing is wrong', '…', () => {})]))).toThrow(
      'the verify step "Nothing is wrong" must assert what it says',
    );
    expect(() => defineScenario(scenario([narrationStep('symptom', 'The bell', '…', 'it only tells')]))).toThrow(
      'the symptom step "The bell" must assert what it says',
    );
  });

  it('refuses a step that does nothing unless it is declared narration only with a reason', () => {
    expect(() => defineScenario(scenario([step('repair', 'Add the column', '…', () => {})]))).toThrow(
      'step "Add the column" does nothing; declare it with narrationStep',
    );
    expect(
      defineScenario(scenario([narrationStep('repair', 'Add the column', '…', 'a column changes no system'), asserts('Holds')])).steps[0]!
        .narrationOnly,
    ).toBe('a column changes no system');
  });

  it('refuses two steps with one title (a step is left out by its title) and a finding without the invariants it leaves', () => {
    expect(() => defineScenario(scenario([acts('Sync'), acts('Sync')]))).toThrow('two steps are titled "Sync"');
    expect(() => defineScenario(scenario([acts('Sync')], { finding: 'It leaves something.' }))).toThrow(
      'list those invariants in expected',
    );
  });
});

describe('runScenario: what the result says about steps and findings', () => {
  it('lets only a symptom step declare that what it shows outlives the repair', () => {
    const outlives = { ...acts('Zero the invoice'), outlivesRepair: 'the invoice stays' };
    expect(() => defineScenario(scenario([outlives]))).toThrow(
      'step "Zero the invoice" (repair) declares outlivesRepair; only a symptom step can outlive the repair',
    );
    const symptom = { ...step('symptom', 'Deleting is refused', '…', (ctx) => void ctx.refs), outlivesRepair: 'the invoice stays' };
    expect(defineScenario(scenario([symptom])).steps[0]!.outlivesRepair).toBe('the invoice stays');
  });

  it('marks a step narration only when it says so after running, and not otherwise', async () => {
    let corrected = false;
    const correct = step(
      'repair',
      'Correct the number',
      '…',
      (ctx) => void ctx.refs,
      () => (corrected ? undefined : 'nothing to correct'),
    );
    const result = await runScenario(defineScenario(scenario([correct, asserts('Holds')], { expected: [], symptom: undefined })));
    expect(result.steps.map((s) => s.narrationOnly)).toEqual(['nothing to correct', undefined]);
    corrected = true;
    expect(
      (await runScenario(defineScenario(scenario([correct, asserts('Holds')], { expected: [], symptom: undefined })))).steps[0]!
        .narrationOnly,
    ).toBeUndefined();
  });

  it('carries the finding and residual invariants, and fails a finding whose invariants the checker does not find', async () => {
    const result = await runScenario(
      defineScenario(scenario([acts('Act'), asserts('Holds')], { expected: ['I1'], finding: 'It leaves I1.', symptom: undefined })),
    );
    expect(result).toMatchObject({
      status: 'failed',
      expected: 'I1',
      residualInvariants: ['I1'],
      finding: 'It leaves I1.',
      reason: "The article's procedure should leave I1, but the checker found nothing.",
    });
  });
});
