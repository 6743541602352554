import { describe, expect, it } from 'vitest';
import { connectDemo } from './actions.js';
import { defineScenario, step, StepFailure } from './scenario.js';
import { runScenariosCommand } from '../test/support/scenarios-command.js';

// The command in-process, on a catalogue of its own: the exit code 1 path, which the real catalogue
// (all passing) cannot show. test/scenarios-cli.test.ts covers the real command in a child process.

const passes = defineScenario({
  id: 'connects',
  title: 'Connecting works',
  sources: ['000'],
  rules: ['R13'],
  expected: [],
  steps: [step('setup', 'Connect Exact Online', 'The company connects Exact Online.', (ctx) => connectDemo(ctx).then(() => {}))],
});

const refusedRepair = defineScenario({
  id: 'repair-refused',
  title: 'A repair <step> that is refused',
  sources: ['000'],
  rules: ['R2'],
  expected: 'fixed',
  symptom: { description: 'the symptom is there', present: () => true },
  steps: [
    step('setup', 'Connect Exact Online', 'The company connects Exact Online.', (ctx) => connectDemo(ctx).then(() => {})),
    step('repair', 'Delete the test invoice', 'The test invoice is deleted.', () => {
      throw new StepFailure('Deleting the test invoice was refused: it is booked.');
    }),
    step('verify', 'The integration is connected', 'The integration is still connected.', (ctx) => {
      if (!ctx.world.focus.state.integration?.active) throw new StepFailure('The integration is not connected.');
    }),
  ],
});

describe('booklab scenarios run (in-process)', () => {
  it('exits 1 and shows the failing step, its narration, error and violations when a scenario fails', async () => {
    const { exitCode, stdout } = await runScenariosCommand([passes, refusedRepair], ['run', '--concurrency', '1']);
    expect(exitCode).toBe(1);
    expect(stdout).toContain('  ✓ connects  Connecting works  ');
    expect(stdout).toMatch(/ {2}✗ repair-refused {2}A repair <step> that is refused {2}\d+ ms {2}failed\n/);
    expect(stdout).toContain(
      [
        '✗ repair-refused: A repair <step> that is refused',
        '  Step "Delete the test invoice" failed: Deleting the test invoice was refused: it is booked.',
        '  failing step: [repair] Delete the test invoice',
        '    The test invoice is deleted.',
        '    error: Deleting the test invoice was refused: it is booked.',
        '  1 step did not run',
        '  violations before the repair: none',
        '  violations after the repair: none',
      ].join('\n'),
    );
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('1 passed, 1 failed');
  });

  it('exits 0 when every selected scenario ends as declared, and for an empty shard', async () => {
    expect((await runScenariosCommand([passes, refusedRepair], ['run', 'connects'])).exitCode).toBe(0);
    const empty = await runScenariosCommand([passes], ['run', '--shard', '2/2', '--reporter', 'json']);
    expect(empty.exitCode).toBe(0);
    expect(JSON.parse(empty.stdout)).toMatchObject({
      version: 2,
      shard: { index: 2, count: 2 },
      summary: { total: 0, passed: 0, failed: 0 },
      scenarios: [],
    });
  });

  it('puts a failure in the JUnit report with its message', async () => {
    const { exitCode, stdout } = await runScenariosCommand([refusedRepair], ['run', '--reporter', 'junit']);
    expect(exitCode).toBe(1);
    expect(stdout).toContain(
      '<failure message="Step &quot;Delete the test invoice&quot; failed: Deleting the test invoice was refused: it is booked." type="ScenarioFailure">',
    );
  });

  it('exits 2 for an unknown id and names the closest known one', async () => {
    const { exitCode, stderr, stdout } = await runScenariosCommand([passes], ['run', 'conects']);
    expect(exitCode).toBe(2);
    expect(stderr).toContain(`error: Unknown scenario id "conects" (did you mean 'connects'?).`);
    expect(stdout).toBe('');
  });
});
