import { z } from 'zod';
import { PHASES, type Phase } from '../scenario.js';
import { InvariantIdSchema } from './fields.js';
import { FileStepSchema, type FileStep } from './steps-schema.js';

// The versioned top level of a scenario file: what the case is, where it comes from, its symptom, its expected end
// and its steps; with the rules of a scenario's shape (phase order, asserting symptom and verify steps) checked here,
// so a bad file is refused with the path of the field, before anything plays.

/** The version of the format this booklab reads. */
export const SCENARIO_FILE_VERSION = 1;

/** The phase a step plays in: a story step says it, a procedure step's is fixed by the procedure. */
export function phaseOf(step: FileStep): Phase {
  if ('phase' in step) return step.phase;
  if ('plan' in step) return 'repair';
  if (step.procedure === 'connect-first-time') return 'setup';
  if (step.procedure === 'bell-says' || step.procedure === 'shown-twice-in-exact') return 'symptom';
  return 'repair';
}

const ASSERTING: readonly Phase[] = ['symptom', 'verify'];

/** A whole scenario file. */
export const ScenarioFileSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Where editors find this schema: docs/scenario-file.schema.json.'),
    format: z.literal('booklab-scenario', { error: 'expected "booklab-scenario"' }),
    version: z.literal(SCENARIO_FILE_VERSION, {
      error: (issue) =>
        issue.input === undefined
          ? `expected ${SCENARIO_FILE_VERSION}`
          : `unsupported version ${JSON.stringify(issue.input)}; this booklab reads version ${SCENARIO_FILE_VERSION}`,
    }),
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'expected a kebab-case id such as "same-booking-number"' }),
    title: z.string().min(1, { error: 'expected a title' }),
    description: z.string().optional().describe('The case in a few sentences, for the person who reads the file.'),
    sources: z
      .array(z.enum(['000', '001', '002', '003', '004'], { error: 'expected an article number, 000 to 004' }))
      .describe('The support articles the case comes from.'),
    rules: z.array(z.string()).describe('Rule, procedure and invariant ids of BEHAVIOUR.md it exercises (R9, P-samenumber, I2).'),
    world: z
      .strictObject({
        seed: z.enum(['demo', 'empty', 'octopus', 'yuki']).optional(),
        clock: z.iso
          .datetime({ error: 'expected an ISO moment such as 2026-03-02T09:00:00Z' })
          .optional()
          .describe('The frozen moment the world starts at.'),
      })
      .optional(),
    expected: z
      .union([z.literal('fixed'), z.array(InvariantIdSchema)], { error: 'expected "fixed" or a list of invariant ids' })
      .describe('"fixed": no violation after the repair; else exactly the invariants the end leaves violated.'),
    symptomInvariants: z.array(InvariantIdSchema).optional().describe('The invariants the case breaks before the repair (checked).'),
    finding: z.string().optional().describe('What the procedure leaves behind, in one sentence, when it does not restore every invariant.'),
    steps: z.array(FileStepSchema).min(1, { error: 'expected at least one step' }),
  })
  .superRefine((file, ctx) => {
    let last = 0;
    file.steps.forEach((step, i) => {
      const phase = phaseOf(step);
      if (PHASES.indexOf(phase) < last)
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'phase'],
          message: `a ${phase} step cannot come after a ${PHASES[last]} step; keep the phases in order (${PHASES.join(', ')})`,
        });
      last = Math.max(last, PHASES.indexOf(phase));
      if (!('phase' in step)) return;
      const acts = step.actions.length + step.checks.length > 0;
      if (ASSERTING.includes(step.phase) && step.checks.length === 0)
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'checks'],
          message: `a ${step.phase} step must check what it says; add at least one check`,
        });
      else if (!acts && step.narrationOnly === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'actions'],
          message: 'the step does nothing; add actions or checks, or say in narrationOnly why it only tells',
        });
      if (acts && step.narrationOnly !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'narrationOnly'],
          message: 'a step with actions or checks does something; leave narrationOnly out',
        });
    });
    if (file.expected === 'fixed' && !file.symptomInvariants?.length)
      ctx.addIssue({
        code: 'custom',
        path: ['symptomInvariants'],
        message: 'a repair scenario (expected "fixed") must list the invariants its case breaks',
      });
    if (file.finding !== undefined && file.expected === 'fixed')
      ctx.addIssue({
        code: 'custom',
        path: ['finding'],
        message: 'a finding says what the procedure leaves; list those invariants in expected',
      });
  });

/** A scenario file as validated (defaults filled in). */
export type ScenarioFile = z.output<typeof ScenarioFileSchema>;

/** A scenario file as written (defaults optional): what the explorer writes. */
export type ScenarioFileInput = z.input<typeof ScenarioFileSchema>;
