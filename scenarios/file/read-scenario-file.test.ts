/* eslint-disable @typescript-eslint/no-explicit-any -- the tests break a scenario file's JSON at will, so they walk it untyped. */
import { describe, expect, it } from 'vitest';
import { parseScenarioFile, scenarioFromJson } from './read-scenario-file.js';

// The format's gate: a valid file becomes a scenario; each kind of invalid file is refused with the path of the bad
// field, in the words a developer can act on.

/** A small valid file: connect, book, sync, and the symptom a verify step checks. */
function valid(): Record<string, any> {
  return {
    format: 'booklab-scenario',
    version: 1,
    id: 'one-invoice-synced',
    title: 'One invoice is synced',
    sources: ['003'],
    rules: ['R5', 'R6'],
    expected: [],
    steps: [
      { procedure: 'connect-first-time' },
      {
        phase: 'reproduce',
        title: 'Book and sync 2026/1',
        narration: 'Invoice 2026/1 is booked and synced.',
        actions: [{ do: 'book', number: '2026/1', date: '2026-02-10' }, { do: 'sync' }],
      },
      {
        phase: 'verify',
        title: 'Booking 1001',
        narration: 'Invoice 2026/1 carries booking number 1001.',
        checks: [{ expect: 'booked', rows: [['2026/1', 1001]] }],
      },
    ],
  };
}

/** The refusal's lines for a file changed by `change`. */
function refusal(change: (file: Record<string, any>) => void): string[] {
  const file = valid();
  change(file);
  const read = scenarioFromJson(file, 'case.scenario.json');
  if (read.ok) throw new Error('The file was accepted.');
  if (read.problem.code !== 'invalid') throw new Error(`Refused as ${read.problem.code}, not as invalid.`);
  return read.problem.issues;
}

describe('scenario files', () => {
  it('makes a valid file a scenario with its steps, defaults filled in', () => {
    const read = scenarioFromJson(valid());
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.scenario.id).toBe('one-invoice-synced');
    expect(read.value.scenario.steps.map((s) => `${s.phase}: ${s.title}`)).toEqual([
      'setup: Connect Exact Online from 1 January and import the customers',
      'reproduce: Book and sync 2026/1',
      'verify: Booking 1001',
    ]);
    expect(read.value.file.steps[1]).toMatchObject({
      actions: [{ do: 'book', kind: 'invoice', customer: 'Brouwerij De Kroon' }, { do: 'sync' }],
      checks: [],
    });
  });

  it("builds the scenario's world as the file says (seed, frozen moment)", () => {
    const read = scenarioFromJson({ ...valid(), world: { seed: 'yuki', clock: '2026-04-01T08:00:00Z' } });
    expect(read.ok && read.value.scenario.world).toEqual({ seed: 'yuki', clock: '2026-04-01T08:00:00Z' });
    expect(refusal((f) => (f.world = { clock: '1 April' }))).toEqual(['world.clock: expected an ISO moment such as 2026-03-02T09:00:00Z']);
  });

  it('expands a plan into the steps of its procedure', () => {
    const read = scenarioFromJson({
      ...valid(),
      expected: 'fixed',
      symptomInvariants: ['I2'],
      steps: [...valid().steps.slice(0, 2), { plan: 'P-samenumber', kind: 'invoice' }, valid().steps[2]],
    });
    const titles = read.ok ? read.value.scenario.steps.map((s) => s.title) : [];
    expect(titles.length).toBe(3 + 11);
    expect(titles.slice(2, 5)).toEqual([
      "Add the 'booking number' column to the invoice and credit note overviews",
      'Write down the date of the most recent invoice with the double booking number',
      'Check the credit notes from the delink date until now',
    ]);
    expect(titles.at(-2)).toBe('Sync again with the two arrows');
  });

  it('refuses an unknown action and says which exist', () => {
    expect(refusal((f) => (f.steps[1].actions[1] = { do: 'synchronise' }))).toEqual([
      expect.stringMatching(
        /^steps\[1\]\.actions\[1\]\.do: unknown action "synchronise"; expected one of connect, deactivate, book, .*sync/,
      ),
    ]);
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(refusal((f) => (f.steps[1].actions[0].date = '10-02-2026'))).toEqual(['steps[1].actions[0].date: expected YYYY-MM-DD']);
  });

  it('refuses a missing field and names it', () => {
    expect(refusal((f) => delete f.steps[1].actions[0].number)).toEqual([
      'steps[1].actions[0].number: required, expected a document number such as "2026/3"',
    ]);
    expect(refusal((f) => delete f.title)).toEqual(['title: required, expected string']);
  });

  it('refuses another version of the format', () => {
    expect(refusal((f) => (f.version = 2))).toEqual(['version: unsupported version 2; this booklab reads version 1']);
  });

  it('refuses a field the format does not have', () => {
    expect(refusal((f) => (f.steps[1].actions[0].amount = 1000))).toEqual([
      'steps[1].actions[0].amount: unknown field "amount"; leave it out or check its spelling',
    ]);
    expect(refusal((f) => (f.author = 'QA'))).toEqual(['author: unknown field "author"; leave it out or check its spelling']);
  });

  it('judges a step meant as a procedure as a procedure', () => {
    expect(refusal((f) => (f.steps[0] = { procedure: 'reconnect', startDate: 'tomorrow' }))).toEqual([
      'steps[0].startDate: expected one of "written-down"|"first-synced"|"delink-date"',
    ]);
    expect(refusal((f) => (f.steps[0] = { procedure: 'connect-twice' }))).toEqual([
      expect.stringMatching(/^steps\[0\]\.procedure: unknown procedure "connect-twice"; expected one of connect-first-time, /),
    ]);
  });

  it("refuses a scenario's bad shape: phases out of order, a verify step that checks nothing, a repair without symptom", () => {
    expect(refusal((f) => f.steps.reverse())).toEqual([
      'steps[1].phase: a reproduce step cannot come after a verify step; keep the phases in order (setup, reproduce, symptom, repair, verify)',
      'steps[2].phase: a setup step cannot come after a verify step; keep the phases in order (setup, reproduce, symptom, repair, verify)',
    ]);
    expect(refusal((f) => (f.steps[2].checks = []))).toEqual([
      'steps[2].checks: a verify step must check what it says; add at least one check',
    ]);
    expect(refusal((f) => (f.expected = 'fixed'))).toEqual([
      'symptomInvariants: a repair scenario (expected "fixed") must list the invariants its case breaks',
    ]);
  });

  it('refuses two steps with one title once the plans are expanded', () => {
    expect(refusal((f) => f.steps.splice(1, 0, { procedure: 'connect-first-time' }))).toEqual([
      expect.stringMatching(/^steps: two steps are titled "Connect Exact Online from 1 January/),
    ]);
  });

  it('refuses text that is not JSON, saying so', () => {
    const read = parseScenarioFile('{ "format": ', 'case.scenario.json');
    expect(read.ok || read.problem.code).toBe('not_json');
    expect(read.ok || read.problem.message).toMatch(/^case\.scenario\.json is not JSON: /);
  });
});
