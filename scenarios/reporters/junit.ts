import { escapeXml as escapeXmlText } from '../../core/index.js';
import { summarize, type CatalogueRun } from '../run-catalogue.js';
import type { ScenarioResult } from '../run-scenario.js';
import { leaves, narrationOnlyLines, prettyFailure, safeVerdict } from './pretty.js';

// JUnit XML as CI servers read it (Jenkins, GitLab, GitHub test reporters): one testsuite, one testcase per scenario.

/** The testsuite's name. */
export const JUNIT_SUITE = 'booklab scenarios';
/** The testcases' classname, which CI servers group results by. */
export const JUNIT_CLASSNAME = 'booklab.scenarios';

/**
 * Text made safe for XML content and attribute values; characters XML cannot hold (ANSI escapes, NUL) become
 * U+FFFD, so a failure message shows where they were.
 */
export function escapeXml(text: string): string {
  return escapeXmlText(text, '\ufffd');
}

const secs = (ms: number) => (ms / 1000).toFixed(3);

const attributes = (values: Record<string, string | number>) =>
  Object.entries(values)
    // A parser turns raw line breaks in an attribute into spaces; character references keep them.
    .map(([name, value]) => ` ${name}="${escapeXml(String(value)).replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`)}"`)
    .join('');

function testcase(result: ScenarioResult): string {
  const open = `    <testcase${attributes({ classname: JUNIT_CLASSNAME, name: `${result.id}: ${result.title}`, time: secs(result.durationMs) })}`;
  const body: string[] = [];
  if (result.status === 'failed') {
    const message = result.reason ?? 'The scenario did not end as declared.';
    body.push(`      <failure${attributes({ message, type: 'ScenarioFailure' })}>${escapeXml(prettyFailure(result))}</failure>`);
  }
  const verdict = safeVerdict(result);
  const out = [
    ...(verdict ? [`Under the ${result.strategy} strategy this case ${verdict}.`] : []),
    ...(result.finding ? [`Finding (${leaves(result)}): ${result.finding}`] : []),
    ...(result.status === 'passed' ? narrationOnlyLines(result) : []),
  ];
  if (out.length) body.push(`      <system-out>${escapeXml(out.join('\n'))}</system-out>`);
  return body.length ? [`${open}>`, ...body, '    </testcase>'].join('\n') : `${open}/>`;
}

/** The report as JUnit XML; the suite time is the run's wall time, each testcase's its own duration. */
export function renderJunit(run: CatalogueRun): string {
  const { total, failed } = summarize(run.results);
  const counts = { tests: total, failures: failed, errors: 0, skipped: 0, time: secs(run.durationMs) };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: 'booklab', ...counts })}>`,
    `  <testsuite${attributes({ name: JUNIT_SUITE, ...counts })}>`,
    `    <properties>`,
    `      <property${attributes({ name: 'strategy', value: run.strategy })}/>`,
    `    </properties>`,
    ...run.results.map(testcase),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
