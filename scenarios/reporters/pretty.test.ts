import { describe, expect, it } from 'vitest';
import { failedResult, fakeRun, findingResult, passedResult } from '../../test/support/scenario-results.js';
import { prettyEnd, prettyFailure, prettyHeader, prettyLine, renderPretty } from './pretty.js';
import { COLOUR, PLAIN, styleFor } from './style.js';

const ESC = '\u001b[';

describe('styleFor', () => {
  it('colours a terminal only, never under NO_COLOR or TERM=dumb, and a pipe under FORCE_COLOR', () => {
    expect(styleFor({ isTTY: true }, {})).toBe(COLOUR);
    expect(styleFor({ isTTY: false }, {})).toBe(PLAIN);
    expect(styleFor({}, {})).toBe(PLAIN);
    expect(styleFor({ isTTY: true }, { NO_COLOR: '1' })).toBe(PLAIN);
    // no-color.org: an empty NO_COLOR does not count.
    expect(styleFor({ isTTY: true }, { NO_COLOR: '' })).toBe(COLOUR);
    expect(styleFor({ isTTY: true }, { TERM: 'dumb' })).toBe(PLAIN);
    expect(styleFor({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(COLOUR);
    expect(styleFor({ isTTY: true }, { FORCE_COLOR: '0' })).toBe(PLAIN);
  });
});

describe('the pretty reporter', () => {
  it('prints one line per scenario with a glyph for its status', () => {
    expect(prettyLine(passedResult())).toBe('  ✓ same-booking-number  The invoices X and Y have the same booking number  120 ms');
    expect(prettyLine(failedResult())).toMatch(/^ {2}✗ invoice-shown-twice {2}.* {2}80 ms {2}failed$/);
  });

  it('keeps the glyph when colouring, and adds no escape codes without colour', () => {
    const coloured = prettyLine(failedResult(), COLOUR);
    expect(coloured).toContain('✗');
    expect(coloured).toContain(ESC);
    expect(renderPretty(fakeRun([passedResult(), failedResult()]))).not.toContain(ESC);
  });

  it('shows a failure with its reason, failing step, narration, error and violations', () => {
    const text = prettyFailure(failedResult());
    expect(text.split('\n')).toEqual([
      '✗ invoice-shown-twice: Invoice <2026/7> shown "twice" & more',
      '  Step "Delete the second booking" failed: In use: Entry number',
      '  failing step: [repair] Delete the second booking',
      '    Delete booking 1008 in journal 70 <by hand>.',
      '    error: In use: Entry number',
      '  1 step did not run',
      '  violations before the repair:',
      '    I1  Invoice 2026/7 stands 2 times in journal 70: bookings 1007 & 1008.',
      '  violations after the repair:',
      '    I1  Invoice 2026/7 stands 2 times in journal 70: <1007> and <1009>.',
    ]);
  });

  it('shows the last step that ran when the judge, not a step, failed the scenario', () => {
    const judged = passedResult('same-booking-number', {
      status: 'failed',
      reason: 'After the repair the world is not consistent: I1 …',
      violationsAfterRepair: [{ invariant: 'I1', message: '…' }],
    });
    const text = prettyFailure(judged);
    expect(text).toContain('  last step: [verify] Every invoice has a booking number of its own');
    expect(text).toContain('    The checker finds nothing wrong.');
    expect(text).toContain('  violations after the repair:\n    I1  …');
  });

  it('ends with the failures in detail and "N passed, N failed" alone on the last line', () => {
    const end = prettyEnd(fakeRun([passedResult(), failedResult()]));
    expect(end).toContain('Failures\n\n✗ invoice-shown-twice');
    expect(end).toContain('Ran 2 scenarios in 1.23 s under the faithful strategy.');
    expect(end.split('\n').at(-1)).toBe('1 passed, 1 failed');
    expect(prettyEnd(fakeRun([passedResult()]))).not.toContain('Failures');
  });

  it('says under the safe strategy which cases can no longer happen and which still happen', () => {
    const gone = passedResult('same-booking-number', { strategy: 'safe', stillHappens: false });
    const still = passedResult('draft-not-synced', { strategy: 'safe', stillHappens: true });
    expect(prettyLine(gone)).toMatch(/ ✓ same-booking-number .* {2}can no longer happen$/);
    expect(prettyLine(still)).toMatch(/ ✓ draft-not-synced .* {2}still happens$/);
    const end = prettyEnd(fakeRun([gone, still], { strategy: 'safe' }));
    expect(end).toContain('Under the safe strategy 1 case can no longer happen, 1 still happens: draft-not-synced.');
  });

  it('announces how many scenarios run, under which strategy, how many at a time', () => {
    expect(prettyHeader(14, 'faithful', 2)).toBe('Running 14 scenarios under the faithful strategy, 2 at a time');
    expect(prettyHeader(1, 'safe', 8)).toBe('Running 1 scenario under the safe strategy, 1 at a time');
  });

  it('says what a scenario with a finding leaves, on its line and in a Findings section at the end', () => {
    expect(prettyLine(findingResult())).toMatch(/^ {2}✓ same-booking-number-earlier-date {2}.* {2}120 ms {2}leaves I1$/);
    expect(prettyEnd(fakeRun([findingResult(), passedResult()]))).toContain(
      "Findings\n  same-booking-number-earlier-date (leaves I1): The article's procedure leaves invoice 2026/3 linked to booking 1003, which no longer exists in Exact Online.",
    );
    expect(prettyEnd(fakeRun([passedResult()]))).not.toContain('Findings');
  });

  it('lists the narration-only steps of a failed scenario with their reason', () => {
    const failed = findingResult({ status: 'failed', reason: "The article's procedure should leave I1, but the checker found I1, I2." });
    expect(prettyFailure(failed).split('\n')).toContain(
      "  narration only: [repair] Add the 'booking number' column — Adding a column changes neither system.",
    );
    expect(prettyFailure(failed)).toContain('  finding (leaves I1): ');
  });

  it('renders a whole report in catalogue order for a file', () => {
    const text = renderPretty(fakeRun([failedResult(), passedResult()]));
    expect(text.indexOf('✗ invoice-shown-twice')).toBeLessThan(text.indexOf('✓ same-booking-number'));
    expect(text.endsWith('1 passed, 1 failed\n')).toBe(true);
  });
});
