import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { failedResult, fakeRun, findingResult, passedResult } from '../../test/support/scenario-results.js';
import { escapeXml, JUNIT_CLASSNAME, JUNIT_SUITE, renderJunit } from './junit.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testcase' });

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml);
}

describe('the junit reporter', () => {
  it('writes one testsuite with one testcase per scenario and the counts', () => {
    const doc = parse(renderJunit(fakeRun([passedResult(), failedResult()])));
    const suite = doc.testsuites.testsuite;
    expect(suite).toMatchObject({ name: JUNIT_SUITE, tests: '2', failures: '1', errors: '0', time: '1.234' });
    expect(suite.testcase).toHaveLength(2);
    expect(suite.testcase[0]).toMatchObject({
      classname: JUNIT_CLASSNAME,
      name: 'same-booking-number: The invoices X and Y have the same booking number',
      time: '0.120',
    });
    expect(suite.testcase[0].failure).toBeUndefined();
  });

  it('gives a failed scenario a failure with its reason as message and step, narration and violations as text', () => {
    const doc = parse(renderJunit(fakeRun([failedResult()])));
    const testcase = doc.testsuites.testsuite.testcase[0];
    expect(testcase.name).toBe('invoice-shown-twice: Invoice <2026/7> shown "twice" & more');
    expect(testcase.failure.message).toBe('Step "Delete the second booking" failed: In use: Entry number');
    const text: string = testcase.failure['#text'];
    expect(text).toContain('failing step: [repair] Delete the second booking');
    expect(text).toContain('Delete booking 1008 in journal 70 <by hand>.');
    expect(text).toContain('I1  Invoice 2026/7 stands 2 times in journal 70: <1007> and <1009>.');
  });

  it('says under the safe strategy whether the case can still happen', () => {
    const xml = renderJunit(
      fakeRun([passedResult('same-booking-number', { strategy: 'safe', stillHappens: false })], { strategy: 'safe' }),
    );
    expect(parse(xml).testsuites.testsuite.testcase[0]['system-out']).toBe('Under the safe strategy this case can no longer happen.');
  });

  it("puts a scenario's finding and its narration-only steps in its system-out", () => {
    const out: string = parse(renderJunit(fakeRun([findingResult()]))).testsuites.testsuite.testcase[0]['system-out'];
    expect(out.split('\n')).toEqual([
      "Finding (leaves I1): The article's procedure leaves invoice 2026/3 linked to booking 1003, which no longer exists in Exact Online.",
      "narration only: [repair] Add the 'booking number' column — Adding a column changes neither system.",
    ]);
  });

  it('writes an empty run as a well-formed suite with no testcases', () => {
    expect(parse(renderJunit(fakeRun([]))).testsuites.testsuite).toMatchObject({ tests: '0', failures: '0' });
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;');
    expect(escapeXml('\u001b[31mred\u001b[39m\u0000')).toBe('\ufffd[31mred\ufffd[39m\ufffd');
  });

  it('stays well-formed and keeps any title and reason exactly, whatever they hold', () => {
    // Strings XML can hold; the rest is replaced (checked above).
    const xmlText = fc.string({ unit: 'grapheme' }).filter((s) => !/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u.test(s));
    const exact = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      trimValues: false,
      parseTagValue: false,
      isArray: (name) => name === 'testcase',
    });
    fc.assert(
      fc.property(xmlText, xmlText, (title, reason) => {
        const xml = renderJunit(fakeRun([failedResult('any', { title, reason })]));
        expect(XMLValidator.validate(xml)).toBe(true);
        const testcase = exact.parse(xml).testsuites.testsuite.testcase[0];
        expect(testcase.name).toBe(`any: ${title}`);
        expect(testcase.failure.message).toBe(reason);
      }),
    );
  });
});
