import { summarize, type CatalogueRun } from '../run-catalogue.js';
import type { RecordedStep, ScenarioResult } from '../run-scenario.js';
import { REPORT_CSS, REPORT_SCRIPT } from './html-assets.js';
import { stepWorldHtml } from './html-world.js';
import { escapeXml as esc } from './junit.js';
import { GLYPHS, safeVerdict } from './pretty.js';

// The one-file HTML report: every scenario with its story, steps, both systems around each step and the invariants,
// in semantic HTML with inline style and script only (a Content-Security-Policy forbids anything else). Durations
// are in `<span class="duration">` and nowhere else, so two runs' reports compare apart from them.

const STEP_GLYPHS = { ...GLYPHS, skipped: '○' } as const;
const STEP_WORDS = { passed: 'passed', failed: 'failed', skipped: 'did not run' } as const;

const status = (s: 'passed' | 'failed' | 'skipped') => `<span class="status status-${s}">${STEP_GLYPHS[s]} ${STEP_WORDS[s]}</span>`;
const ms = (value: number) => `<span class="duration">${value} ms</span>`;
const anchor = (result: ScenarioResult) => `scenario-${result.id}`;

function violations(title: string, list: ScenarioResult['violationsBeforeRepair']): string {
  const body = list.length
    ? `<ul>${list.map((v) => `<li><strong>${esc(v.invariant)}</strong> ${esc(v.message)}</li>`).join('')}</ul>`
    : `<p><span class="status status-passed">${GLYPHS.passed} none violated</span></p>`;
  return `<section><h4>${title}</h4>${body}</section>`;
}

function facts(result: ScenarioResult): string {
  const rows: Array<[string, string]> = [
    ['Articles', result.sources.join(', ') || '—'],
    ['Rules', result.rules.join(' ') || '—'],
    [
      'Expected end',
      result.expected === 'fixed'
        ? 'fixed: no invariant violated after the repair'
        : `leaves ${result.residualInvariants.join(', ') || 'nothing'}`,
    ],
    ['Strategy', result.strategy],
  ];
  if (result.symptom) {
    const { description, before, after } = result.symptom;
    rows.push([
      'Symptom',
      `${description} (before the repair: ${before ? 'shown' : 'not shown'}; after: ${after ? 'still there' : 'gone'})`,
    ]);
  }
  const verdict = safeVerdict(result);
  if (verdict) rows.push(['Under this strategy', `this case ${verdict}`]);
  if (result.finding) rows.push(['Finding', result.finding]);
  const items = rows.map(([term, text]) => `<dt>${term}</dt><dd>${esc(text)}</dd>`).join('');
  return `<dl class="facts">${items}<dt>Duration</dt><dd>${ms(result.durationMs)}</dd></dl>`;
}

function stepHtml(result: ScenarioResult, step: RecordedStep, index: number): string {
  const before = index === 0 ? result.worldAtStart : result.steps[index - 1]?.world;
  const body = [
    step.narration ? `<p class="narration">${esc(step.narration)}</p>` : '',
    step.error ? `<p class="error">Error: ${esc(step.error)}</p>` : '',
    step.narrationOnly ? `<p class="narration-only">ⓘ Narration only: ${esc(step.narrationOnly)}</p>` : '',
    stepWorldHtml(before, step),
  ].join('');
  const open = step.status === 'failed' ? ' open' : '';
  const head = `${status(step.status)} <span class="phase">${step.phase}</span> <span class="step-title">${esc(step.title)}</span> ${ms(step.durationMs)}`;
  return `<li class="step" id="${esc(anchor(result))}-step-${index + 1}"><details${open}><summary>${head}</summary><div class="step-body">${body || '<p class="empty">Not played.</p>'}</div></details></li>`;
}

/** What the text filter searches: id, title, articles, rules, the reason, the finding and every step's words. */
function searchText(result: ScenarioResult): string {
  return [
    result.id,
    result.title,
    ...result.sources,
    ...result.rules,
    result.reason ?? '',
    result.finding ?? '',
    ...result.steps.flatMap((s) => [s.title, s.narration, s.error ?? '']),
  ]
    .join(' ')
    .toLowerCase();
}

function scenarioHtml(result: ScenarioResult): string {
  const id = anchor(result);
  const reason = result.reason ? `<p class="reason"><strong>Why it failed:</strong> ${esc(result.reason)}</p>` : '';
  const steps = result.steps.length
    ? `<ol class="steps">${result.steps.map((s, i) => stepHtml(result, s, i)).join('')}</ol>`
    : '<p class="empty">No step was played.</p>';
  return (
    `<article class="scenario" id="${esc(id)}" data-status="${result.status}" data-text="${esc(searchText(result))}" aria-labelledby="${esc(id)}-title">` +
    `<h2 id="${esc(id)}-title">${status(result.status)} <code>${esc(result.id)}</code> ${esc(result.title)}</h2>${reason}${facts(result)}` +
    `<h3>Invariants</h3><div class="invariants">${violations('Before the repair', result.violationsBeforeRepair)}${violations('After the repair', result.violationsAfterRepair)}</div>` +
    `<h3>Steps</h3>${steps}</article>`
  );
}

function indexRow(result: ScenarioResult): string {
  return (
    `<tr id="row-${esc(anchor(result))}"><td>${status(result.status)}</td><th scope="row"><a href="#${esc(anchor(result))}"><code>${esc(result.id)}</code></a> ${esc(result.title)}</th>` +
    `<td>${esc(result.sources.join(', '))}</td><td>${esc(result.rules.join(' '))}</td><td>${ms(result.durationMs)}</td></tr>`
  );
}

const KEYS_HELP =
  '<p class="keys" id="keys" hidden><strong>Keys:</strong> <kbd>j</kbd> or <kbd>↓</kbd> next step, <kbd>k</kbd> or <kbd>↑</kbd> previous step ' +
  '(the arrows on a step), <kbd>Enter</kbd> opens or closes the step, <kbd>/</kbd> goes to the filter, <kbd>Esc</kbd> leaves it.</p>';

function filtersHtml(total: number): string {
  const box = (value: 'passed' | 'failed') =>
    `<label><input type="checkbox" name="status" value="${value}" checked> ${GLYPHS[value]} ${value}</label>`;
  return (
    `<form class="filters" id="filters" role="search" aria-label="Filter the scenarios" hidden>` +
    `<div><label for="filter-text">Find scenarios</label><input type="search" id="filter-text" placeholder="id, title, article, rule or step text" autocomplete="off"></div>` +
    `<fieldset><legend>Status</legend>${box('passed')}${box('failed')}</fieldset></form>` +
    `<p id="shown" role="status" aria-live="polite">Showing ${total} of ${total} scenarios.</p>`
  );
}

/** The whole report as one HTML document, scenarios in the run's order. */
export function renderHtml(run: CatalogueRun): string {
  const { total, passed, failed } = summarize(run.results);
  const counts = `${GLYPHS.passed} ${passed} passed, ${GLYPHS.failed} ${failed} failed`;
  const ran = `Ran ${total} scenario${total === 1 ? '' : 's'} under the ${esc(run.strategy)} strategy in <span class="duration">${(run.durationMs / 1000).toFixed(2)} s</span>: ${counts}.`;
  const index = total
    ? `<div class="scroll"><table class="index"><caption>Scenarios</caption><thead><tr><th scope="col">Status</th><th scope="col">Scenario</th><th scope="col">Articles</th><th scope="col">Rules</th><th scope="col">Duration</th></tr></thead><tbody>${run.results.map(indexRow).join('')}</tbody></table></div>`
    : '<p class="empty">No scenario ran (an empty shard).</p>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>booklab scenarios: ${passed} passed, ${failed} failed</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<a class="skip" href="#scenarios">Skip to the scenarios</a>
<header>
<h1>booklab scenarios</h1>
<p>${ran}</p>
${filtersHtml(total)}
${KEYS_HELP}
</header>
<main>
${index}
<section id="scenarios" aria-label="Scenarios">
${run.results.map(scenarioHtml).join('\n')}
</section>
</main>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}
