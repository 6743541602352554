import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CATALOGUE } from '../scenarios/catalogue/index.js';
import { PHASES } from '../scenarios/scenario.js';
import { matchesGrep } from '../scenarios/select.js';
import { killLeftoverChildren, runCli } from './support/cli.js';

// `booklab scenarios` as CI and people use it: the real command in a child process (tsx compiles it on
// the fly, so each run costs a second or two before the scenarios start).

const TEST_TIMEOUT_MS = 90_000;
const IDS = CATALOGUE.map((s) => s.id);

const violation = z.strictObject({ invariant: z.string().regex(/^I\d+$/), message: z.string().min(1) });
const stepResult = z.strictObject({
  phase: z.enum(PHASES),
  title: z.string().min(1),
  narration: z.string(),
  status: z.enum(['passed', 'failed', 'skipped']),
  durationMs: z.number().nonnegative(),
  error: z.string().optional(),
  narrationOnly: z.string().min(1).optional(),
  // Version 2: under --reporter json each step that ran carries both systems after it and what it changed.
  world: z
    .strictObject({
      documents: z.array(z.looseObject({ id: z.string(), bookingNumber: z.number().nullable() })),
      journals: z.array(z.looseObject({ code: z.string(), nextBookingNumber: z.number() })),
    })
    .optional(),
  changes: z.looseObject({ documents: z.array(z.unknown()), bookings: z.array(z.unknown()), journals: z.array(z.unknown()) }).optional(),
});
/** The JSON contract of the issue; a scenario may carry more fields (additions), never fewer. */
const scenarioResult = z
  .looseObject({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    title: z.string().min(1),
    sources: z.array(z.string()),
    rules: z.array(z.string()),
    status: z.enum(['passed', 'failed']),
    expected: z.union([z.literal('fixed'), z.string().regex(/^(I\d+(,I\d+)*)?$/)]),
    residualInvariants: z.array(z.string().regex(/^I\d+$/)),
    finding: z.string().min(1).optional(),
    durationMs: z.number().int().nonnegative(),
    violationsBeforeRepair: z.array(violation),
    violationsAfterRepair: z.array(violation),
    steps: z.array(stepResult),
  })
  .refine(
    (s) => s.residualInvariants.join(',') === (s.expected === 'fixed' ? '' : s.expected.split(',').sort().join(',')),
    'residualInvariants are the invariants expected leaves',
  )
  .refine((s) => s.finding === undefined || s.residualInvariants.length > 0, 'a finding comes with the invariants it leaves');
const jsonReport = z
  .strictObject({
    version: z.literal(2),
    strategy: z.enum(['faithful', 'safe']),
    durationMs: z.number().int().nonnegative(),
    shard: z.strictObject({ index: z.number().int().positive(), count: z.number().int().positive() }).optional(),
    summary: z.strictObject({ total: z.number().int(), passed: z.number().int(), failed: z.number().int() }),
    scenarios: z.array(scenarioResult),
  })
  .refine(
    (r) => r.summary.total === r.scenarios.length && r.summary.passed === r.scenarios.filter((s) => s.status === 'passed').length,
    'summary counts match the scenarios',
  )
  .refine((r) => r.summary.passed + r.summary.failed === r.summary.total, 'passed + failed = total');

type Report = z.infer<typeof jsonReport>;

/** Parses a JSON report against the contract; the message names the scenarios that failed and why. */
function readReport(text: string): Report {
  const report = jsonReport.parse(JSON.parse(text));
  const failed = report.scenarios.filter((s) => s.status === 'failed').map((s) => `${s.id}: ${String(s.reason)}`);
  expect(failed, 'every scenario ends as declared').toEqual([]);
  return report;
}

/** A result without its timings, to compare two runs. */
const timeless = ({ durationMs: _d, steps, ...rest }: Report['scenarios'][number]) => ({
  ...rest,
  steps: steps.map(({ durationMs: _s, ...step }) => step),
});

/** A report without its timings. */
const timelessReport = ({ durationMs: _d, scenarios, ...rest }: Report) => ({ ...rest, scenarios: scenarios.map(timeless) });

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'booklab-scenarios-cli-'));
});
afterEach(killLeftoverChildren);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('booklab scenarios list', () => {
  it('prints every scenario of the catalogue, as a table and as JSON', { timeout: TEST_TIMEOUT_MS }, async () => {
    const [table, json] = await Promise.all([runCli(['scenarios', 'list']), runCli(['scenarios', 'list', '--json'])]);
    expect(table.code, table.stderr).toBe(0);
    for (const s of CATALOGUE) expect(table.stdout).toMatch(new RegExp(`^${s.id} +${s.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
    expect(table.stdout).toContain(`${CATALOGUE.length} scenarios`);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(
      CATALOGUE.map((s) => ({ id: s.id, title: s.title, sources: s.sources, rules: s.rules, expected: s.expected })),
    );
  });
});

describe('booklab scenarios run', () => {
  let full: Report;

  it('passes the whole catalogue and writes the JSON contract to stdout, progress to stderr', { timeout: TEST_TIMEOUT_MS }, async () => {
    const run = await runCli(['scenarios', 'run', '--reporter', 'json']);
    full = readReport(run.stdout);
    expect(run.code, run.stderr).toBe(0);
    expect(full.summary).toEqual({ total: CATALOGUE.length, passed: CATALOGUE.length, failed: 0 });
    expect(full.scenarios.map((s) => s.id)).toEqual(IDS);
    expect(full.scenarios.every((s) => s.strategy === 'faithful')).toBe(true);
    // The one declared finding: what the article's own procedure leaves in same-booking-number-earlier-date.
    expect(full.scenarios.filter((s) => s.finding).map((s) => [s.id, s.residualInvariants])).toEqual([
      ['same-booking-number-earlier-date', ['I1']],
    ]);
    expect(full.scenarios.find((s) => s.id === 'same-booking-number-earlier-date')?.violationsAfterRepair.map((v) => v.invariant)).toEqual([
      'I1',
    ]);
    const narrationOnly = full.scenarios.flatMap((s) => s.steps.filter((step) => step.narrationOnly));
    expect(narrationOnly.length).toBeGreaterThan(0);
    expect(narrationOnly.every((step) => step.status === 'passed')).toBe(true);
    for (const id of IDS) expect(run.stderr).toContain(`✓ ${id}  `);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(`${CATALOGUE.length} passed, 0 failed`);
  });

  it('writes JUnit XML with one testcase per scenario', { timeout: TEST_TIMEOUT_MS }, async () => {
    const run = await runCli(['scenarios', 'run', '--reporter', 'junit']);
    expect(run.code, run.stderr).toBe(0);
    expect(XMLValidator.validate(run.stdout)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testcase' }).parse(
      run.stdout,
    );
    const suite = doc.testsuites.testsuite;
    expect(suite).toMatchObject({ name: 'booklab scenarios', tests: String(CATALOGUE.length), failures: '0' });
    expect(suite.testcase.map((t: { name: string }) => t.name)).toEqual(CATALOGUE.map((s) => `${s.id}: ${s.title}`));
    expect(
      suite.testcase.every((t: { classname: string; failure?: unknown }) => t.classname === 'booklab.scenarios' && t.failure === undefined),
    ).toBe(true);
  });

  it(
    '--shard 1/2 and 2/2 together run each scenario once, with the same outcome as one run, and merge into it',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const files = ['1/2', '2/2'].map((shard) => join(dir, 'shards', `scenarios-${shard[0]}.json`));
      const shards = await Promise.all(
        ['1/2', '2/2'].map((shard, i) => runCli(['scenarios', 'run', '--shard', shard, '--reporter', 'json', '--output', files[i]!])),
      );
      const [first, second] = await Promise.all(
        shards.map(async (run, i) => {
          expect(run.code, run.stderr).toBe(0);
          return readReport(await readFile(files[i]!, 'utf8'));
        }),
      );
      expect([first!.shard, second!.shard]).toEqual([
        { index: 1, count: 2 },
        { index: 2, count: 2 },
      ]);
      const ran = [...first!.scenarios, ...second!.scenarios].map((s) => s.id);
      expect([...ran].sort()).toEqual([...IDS].sort());
      expect(new Set(ran).size).toBe(ran.length);
      expect(first!.summary.total - second!.summary.total).toBeGreaterThanOrEqual(0);
      expect(first!.summary.total - second!.summary.total).toBeLessThanOrEqual(1);
      // Given in any order, the shards merge into the whole run's report.
      const merge = await runCli(['scenarios', 'merge', files[1]!, files[0]!]);
      expect(merge.code, merge.stderr).toBe(0);
      const merged = readReport(merge.stdout);
      expect(merged.scenarios.map((s) => s.id)).toEqual(IDS);
      // Same input, same numbers: alone or beside other scenarios, a scenario ends the same way.
      if (full) expect(timelessReport(merged)).toEqual(timelessReport(full));
    },
  );

  it('--grep runs the scenarios whose id, title, rules or sources match', { timeout: TEST_TIMEOUT_MS }, async () => {
    const run = await runCli(['scenarios', 'run', '--grep', 'p-SAMENUMBER', '--reporter', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const expected = CATALOGUE.filter((s) => matchesGrep(s, 'p-SAMENUMBER')).map((s) => s.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(readReport(run.stdout).scenarios.map((s) => s.id)).toEqual(expected);
  });

  it(
    'prints the pretty report on stdout, one line per scenario with a glyph, without colour off a terminal',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const run = await runCli(['scenarios', 'run', IDS[0]!]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(`  ✓ ${IDS[0]}  ${CATALOGUE[0]!.title}  `);
      expect(run.stdout).toMatch(/\n1 passed, 0 failed\n$/);
      expect(run.stdout).not.toContain('\u001b[');
      expect(run.stderr).toBe('');
    },
  );

  it(
    '--strategy safe says per scenario whether the case can still happen; --output writes the report to a file',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const file = join(dir, 'reports', 'safe.json');
      const run = await runCli(['scenarios', 'run', '--strategy', 'safe', '--reporter', 'json', '--output', file]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toBe('');
      const report = readReport(await readFile(file, 'utf8'));
      expect(report.scenarios.map((s) => s.id)).toEqual(IDS);
      for (const s of report.scenarios) {
        expect(s.strategy).toBe('safe');
        expect(typeof s.stillHappens, s.id).toBe('boolean');
        expect(run.stderr).toContain(`✓ ${s.id}  ${s.title}  `);
        expect(run.stderr).toMatch(new RegExp(`✓ ${s.id} .*  ${s.stillHappens ? 'still happens' : 'can no longer happen'}\n`));
      }
      expect(run.stderr).toMatch(/Under the safe strategy \d+ cases? can no longer happen, \d+ still happens?/);
      expect(run.stderr).toContain(`The json report is in ${file}.`);
    },
  );
});

describe('booklab scenarios usage errors (exit 2)', () => {
  it.each([
    [['run', 'same-bookng-number'], /error: Unknown scenario id "same-bookng-number" \(did you mean 'same-booking-number', /],
    [['run', '--shard', '3/2'], /--shard takes K\/N with 1 ≤ K ≤ N/],
    [['run', '--reporter', 'xml'], /Allowed choices are pretty, json, junit, html/],
    [['merge', 'no-such-report.json'], /error: Could not read no-such-report\.json: .*Name the JSON reports the shards wrote\./],
    [['run', '--strategy', 'reckless'], /Allowed choices are faithful, safe/],
    [['run', '--grep', 'no scenario has this'], /No scenario matches --grep "no scenario has this"/],
  ])('booklab scenarios %j', { timeout: TEST_TIMEOUT_MS }, async (args, message) => {
    const run = await runCli(['scenarios', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('(run with --help for usage)');
    expect(run.stdout).toBe('');
  });
});
